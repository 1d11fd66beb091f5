export enum IdentityErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  InvalidAccessToken = 'INVALID_ACCESS_TOKEN',
  InvalidRefreshToken = 'INVALID_REFRESH_TOKEN',
  RefreshTokenReused = 'REFRESH_TOKEN_REUSED',
  EmailTaken = 'EMAIL_TAKEN',
  KvkNumberTaken = 'KVK_NUMBER_TAKEN',
  OrganisationNotFound = 'ORGANISATION_NOT_FOUND',
  UserNotFound = 'USER_NOT_FOUND',
  RoleNotAllowedForOrganisation = 'ROLE_NOT_ALLOWED_FOR_ORGANISATION',
}
