import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { requestIdOf } from './logging';

/** Every JSON body but the import routes' (see setupApp). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The one HTTP adapter of the API (main.ts, the e2e and browser harnesses, the OpenAPI writer): Nest on Fastify.
 * Request ids come from a well-formed `x-request-id` or are new (the same id in the log line, the error body and
 * the response header); a URL with a trailing slash finds its route as it did on Express; path parameters may be
 * long (an over-long id is a 400 of its validator, not a 404 of the router); `X-Forwarded-*` is believed from a
 * proxy on this machine only.
 */
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: 'loopback',
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2000 },
    // Slow or idle clients are closed by Node's own timeouts, as on Express.
    return503OnClosing: false,
  });
}
