import { type Env, prettyTransport } from '@app/config';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import type { Options } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/**
 * The request's id: a well-formed x-request-id from the caller, else a new one. Fastify asks for it first (its
 * `genReqId`, before any hook or body parsing, so every error carries it); the log line reads the same one.
 */
export function requestIdOf(req: IncomingMessage): string {
  const r = req as IncomingMessage & { id?: unknown };
  if (typeof r.id === 'string') return r.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  r.id = id;
  return id;
}

/** requestIdOf, echoed in the response header (pino-http's genReqId; setupApp sets the header on every answer). */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const id = requestIdOf(req);
  if (!res.headersSent && !res.hasHeader('x-request-id')) res.setHeader('x-request-id', id);
  return id;
}

/** The buffered JSON destinations of this process, for flushLogLines. */
const buffered = new Set<ReturnType<typeof pino.destination>>();

/** A JSON line waits at most this long in the buffer before it is written. */
export const LOG_FLUSH_MS = 1000;
/** Lines are written when this many bytes are waiting (about fifteen request lines). */
export const LOG_BUFFER_BYTES = 4096;

/**
 * Where JSON lines go: pino's asynchronous destination (sonic-boom), buffered. A write per line cost the API a
 * thread-pool round trip per request (a worker thread's write, an eventfd wake-up of the event loop and a futex
 * each way); buffered, one write carries about fifteen lines. A line waits at most LOG_FLUSH_MS, and pino flushes
 * what is left when the process exits.
 */
export function jsonLogDestination(
  dest: number | string = 1,
): pino.DestinationStream & { flushSync(): void } {
  const stream = pino.destination({
    dest,
    sync: false,
    minLength: LOG_BUFFER_BYTES,
    periodicFlush: LOG_FLUSH_MS,
  });
  buffered.add(stream);
  stream.on('close', () => buffered.delete(stream));
  return stream;
}

/**
 * Writes every buffered line now. Pino does so on `exit`, but a process stopped by SIGTERM or SIGINT never sees
 * `exit`: Nest's shutdown hooks close the app and then re-raise the signal. The API module calls this as the
 * app's last shutdown step, so the lines of the last second (and of the shutdown itself) are not lost.
 */
export function flushLogLines(): void {
  for (const stream of buffered) {
    try {
      stream.flushSync();
    } catch {
      // Not open yet, or already closed: nothing of ours is waiting in it.
    }
  }
}

/**
 * Structured JSON logs by default (production, `start:api`, `start:worker`); with LOG_FORMAT=pretty (what `npm
 * start` sets) pino-pretty writes one readable line per event. Every line has the request id.
 */
export function loggerParams(env: Env, name: string): Params {
  const options = requestLogOptions(env, name);
  return {
    pinoHttp: env.LOG_FORMAT === 'pretty' ? options : [options, jsonLogDestination()],
  };
}

/** What a request log line holds, and at which level. */
export function requestLogOptions(env: Env, name: string): Options {
  return {
    name,
    level: env.LOG_LEVEL,
    ...prettyTransport(env),
    genReqId: assignRequestId,
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/health' },
    // A request line holds the id, method, URL, status and time: no headers, so no tokens or cookies to redact,
    // and no dozen security headers serialised on every answer (5–8 % of a fast route's throughput).
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
