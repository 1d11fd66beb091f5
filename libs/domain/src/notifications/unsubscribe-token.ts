import { ValidationFailedError } from '@app/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotificationsErrorCode } from './notifications.errors';

/** An unsubscribe link is valid this long (mail is read late; a digest is kept for weeks). */
export const UNSUBSCRIBE_TOKEN_DAYS = 90;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function mac(secret: string, payload: string): string {
  return createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url');
}

/** `<userId>.<expires, epoch seconds>.<HMAC-SHA256 of both with the app secret>`: no session needed. */
export function signUnsubscribeToken(secret: string, userId: string, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_TOKEN_DAYS * 24 * 3600;
  const payload = `${userId}.${expires}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The user the token names; a forged or altered token is 400 UNSUBSCRIBE_TOKEN_INVALID, an old one _EXPIRED. */
export function verifyUnsubscribeToken(secret: string, token: string | undefined, now = new Date()): string {
  const parts = String(token ?? '').split('.');
  const invalid = (): ValidationFailedError =>
    new ValidationFailedError(
      'The unsubscribe link is not valid',
      [
        {
          field: 'token',
          code: NotificationsErrorCode.UnsubscribeTokenInvalid,
          message: 'not a valid token',
        },
      ],
      NotificationsErrorCode.UnsubscribeTokenInvalid,
    );
  if (parts.length !== 3 || !UUID.test(parts[0]) || !/^\d{1,12}$/.test(parts[1])) throw invalid();
  const expected = Buffer.from(mac(secret, `${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  if (Number(parts[1]) * 1000 < now.getTime())
    throw new ValidationFailedError(
      'The unsubscribe link has expired; sign in to change your email preference',
      [{ field: 'token', code: NotificationsErrorCode.UnsubscribeTokenExpired, message: 'expired' }],
      NotificationsErrorCode.UnsubscribeTokenExpired,
    );
  return parts[0].toLowerCase();
}
