export enum NotificationsErrorCode {
  /** The unsubscribe link's token was not made by this server (or was altered). */
  UnsubscribeTokenInvalid = 'UNSUBSCRIBE_TOKEN_INVALID',
  /** The unsubscribe link is older than its validity. */
  UnsubscribeTokenExpired = 'UNSUBSCRIBE_TOKEN_EXPIRED',
  /** `POST /notifications/read` needs `ids` or `all: true`. */
  NothingToMark = 'NOTHING_TO_MARK',
}
