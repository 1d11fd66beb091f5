import type { FastifyRequest } from 'fastify';

/** The one-click unsubscribe route (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` as a form. */
export const UNSUBSCRIBE_PATH = '/api/v1/email/unsubscribe';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * Fastify content-type parser for forms: read only on the unsubscribe route; elsewhere the body stays unparsed,
 * so the input edge answers 415 as for any body that is not JSON.
 */
export function parseOneClickForm(
  req: FastifyRequest,
  body: string,
  done: (err: Error | null, body?: unknown) => void,
): void {
  if (!req.url.startsWith(UNSUBSCRIBE_PATH)) return done(null, undefined);
  done(null, Object.fromEntries(new URLSearchParams(body)));
}
