import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { AppError, CommonErrorCode } from './errors';
import { uniqueViolation } from './unique-violation';

/** What the filter decides about an error: its status, the product's code, a sentence and the bad fields. */
export interface ErrorOutcome {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown[];
  /** Further members of the problem body (AppError.extras). */
  extras?: Record<string, unknown>;
}

/** The request as the filter reads it (Fastify's request, or any object with these). */
interface RequestLike {
  id?: string;
  method?: string;
  url?: string;
}

/** One bad field of a 400, as the NL API Design Rules name it (`invalidParams`). */
export interface InvalidParam {
  name: string;
  code: string;
  reason: string;
}

/** Members of the problem body that extras never replace. */
const RESERVED_MEMBERS = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'requestId',
  'invalidParams',
  'statusCode',
  'message',
  'details',
]);

/**
 * The answer to an error: `application/problem+json` (RFC 9457) with the product's `code` and `requestId` and, when
 * fields are at fault, `invalidParams` naming each by its full path with a stable code per rule. The members of the
 * earlier error shape (`statusCode`, `message`, `details`) are sent too during the move (api.md allows it).
 */
export function problemBody(e: ErrorOutcome, req?: RequestLike): Record<string, unknown> {
  // Each detail becomes an invalid parameter; what else it says (a row number, a constraint) stays with it.
  const invalidParams = (e.details ?? [])
    .filter((d): d is Record<string, unknown> => !!d && typeof d === 'object')
    .map(({ field, code, message, ...rest }): InvalidParam & Record<string, unknown> => ({
      name: typeof field === 'string' ? field : '',
      code: typeof code === 'string' ? code : 'invalid',
      reason: typeof message === 'string' ? message : 'invalid',
      ...rest,
    }));
  // Extras add members; the standard ones and the product's own always win.
  const extras = Object.fromEntries(Object.entries(e.extras ?? {}).filter(([k]) => !RESERVED_MEMBERS.has(k)));
  return {
    ...extras,
    type: 'about:blank',
    title: STATUS_CODES[e.statusCode] ?? 'Error',
    status: e.statusCode,
    detail: e.message,
    instance: req?.url?.split('?')[0],
    code: e.code,
    requestId: req?.id,
    ...(invalidParams.length ? { invalidParams } : {}),
    statusCode: e.statusCode,
    message: e.message,
    ...(e.details?.length ? { details: e.details } : {}),
  };
}

/** Errors Fastify raises before a route runs (body reading and parsing), by their code. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: (e: Error) => string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: CommonErrorCode.PayloadTooLarge,
    message: () => 'Request body is too large for this route',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: CommonErrorCode.MalformedJson,
    message: () => 'Request body length does not match its Content-Length',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: () => 'Send the request body as application/json',
  },
  FST_ERR_CTP_INVALID_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: () => 'Send the request body as application/json',
  },
  FST_ERR_CTP_EMPTY_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: () => 'Send the request body as application/json',
  },
  MALFORMED_JSON: {
    status: 400,
    code: CommonErrorCode.MalformedJson,
    message: () => 'Request body is not valid JSON',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'BAD_URL',
    message: () => 'The URL could not be read',
  },
};

const BAD_VALUE_CODES = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

/**
 * A write that lost a race and was not saved: PostgreSQL aborted its transaction as a deadlock victim (40P01) or
 * for a serialization failure (40001), and the write paths that can collide had already run it again a few times
 * (`retryingTransaction`). The request itself was fine and the same request again will do: 503 with Retry-After,
 * like a database that is briefly away, with its own code so clients and logs can tell it apart. Not 409: this API's
 * 409s say the data is in a state the client must look at first (ALREADY_EXISTS, TENDER_READ_ONLY...).
 */
const WRITE_CONFLICT_SQLSTATES = new Set(['40P01', '40001']);
const WRITE_CONFLICT_RETRY_AFTER_S = 1;

/**
 * The SQLSTATE when an error is a deadlock (40P01) or a serialization failure (40001), from TypeORM's error, the
 * driver's or their cause; else null. `retryingTransaction` (libs/database) retries on it.
 */
export function writeConflictCode(err: unknown): string | null {
  for (let e = err, i = 0; e && typeof e === 'object' && i < 4; i++) {
    const x = e as { code?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof x.code === 'string' && WRITE_CONFLICT_SQLSTATES.has(x.code)) return x.code;
    e = x.driverError ?? x.cause;
  }
  return null;
}

// Connection-level failures (PostgreSQL down, restarting or out of connections): the request was fine.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|the database system is (starting up|shutting down)|terminating connection/i;

/** Whether an error means the database could not be reached rather than that the request was wrong. */
export function databaseUnavailable(err: unknown): boolean {
  for (let e = err, i = 0; e && typeof e === 'object' && i < 4; i++) {
    const x = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof x.code === 'string' && (UNAVAILABLE_CODES.has(x.code) || x.code.startsWith('08'))) return true;
    if (typeof x.message === 'string' && UNAVAILABLE_MESSAGE.test(x.message)) return true;
    e = x.driverError ?? x.cause;
  }
  return false;
}

const CODE_OF_STATUS: Record<number, string> = {
  400: CommonErrorCode.ValidationFailed,
  401: CommonErrorCode.Unauthorized,
  403: CommonErrorCode.Forbidden,
  404: CommonErrorCode.NotFound,
  409: CommonErrorCode.UniqueViolation,
  413: CommonErrorCode.PayloadTooLarge,
  429: CommonErrorCode.RateLimited,
};

/** Turns anything thrown into the api.md error shape; unknown errors are logged and answered 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<{
      sent?: boolean;
      raw?: { headersSent?: boolean };
      header?(name: string, value: string): unknown;
      status(code: number): { type(t: string): { send(b: unknown): unknown } };
    }>();
    const req = ctx.getRequest<RequestLike>();
    const body = this.toBody(exception, req);
    if (body.code === CommonErrorCode.WriteConflict) {
      this.logger.warn(
        { err: exception, requestId: req?.id, method: req?.method, url: req?.url },
        'write conflict (deadlock or serialization failure) after retries',
      );
    } else if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception, requestId: req?.id, method: req?.method, url: req?.url },
        'unexpected error',
      );
    }
    if (reply.sent || reply.raw?.headersSent) return;
    if (body.code === CommonErrorCode.WriteConflict)
      reply.header?.('Retry-After', String(WRITE_CONFLICT_RETRY_AFTER_S));
    reply
      .status(body.statusCode)
      .type('application/problem+json; charset=utf-8')
      .send(problemBody(body, req));
  }

  toBody(exception: unknown, req?: RequestLike): ErrorOutcome {
    if (exception instanceof AppError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...(exception.details.length ? { details: exception.details } : {}),
        ...(Object.keys(exception.extras).length ? { extras: exception.extras } : {}),
      };
    }
    if (exception instanceof ThrottlerException) {
      return {
        statusCode: 429,
        code: CommonErrorCode.RateLimited,
        message: 'Too many requests, try again later',
      };
    }
    if (exception instanceof HttpException) {
      // Fastify's own errors (body too large, not JSON, an unsupported media type) reach us wrapped by Nest.
      const cause = (exception as { cause?: { code?: unknown } }).cause;
      const known = cause && typeof cause.code === 'string' ? FASTIFY_ERRORS[cause.code] : undefined;
      if (known) {
        return { statusCode: known.status, code: known.code, message: known.message(cause as Error) };
      }
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (status === 404 && !(typeof response === 'object' && (response as { code?: string }).code)) {
        return {
          statusCode: 404,
          code: CommonErrorCode.RouteNotFound,
          message: `No route ${req?.method ?? ''} ${req?.url?.split('?')[0] ?? ''}`.trim(),
        };
      }
      if (typeof response === 'object' && response !== null) {
        const r = response as { code?: string; message?: string | string[]; details?: unknown[] };
        return {
          statusCode: status,
          code: r.code ?? CODE_OF_STATUS[status] ?? `HTTP_${status}`,
          message: Array.isArray(r.message) ? r.message.join('; ') : (r.message ?? exception.message),
          ...(r.details ? { details: r.details } : {}),
        };
      }
      return {
        statusCode: status,
        code: CODE_OF_STATUS[status] ?? `HTTP_${status}`,
        message: String(response),
      };
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as { code?: string; constraint?: string; detail?: string };
      const unique = uniqueViolation(exception);
      if (unique !== null) {
        return {
          statusCode: 409,
          code: CommonErrorCode.UniqueViolation,
          message: 'A record with these values already exists',
          details: [{ constraint: unique, message: 'unique constraint violated' }],
        };
      }
      if (pg?.code === '23503') {
        return {
          statusCode: 422,
          code: CommonErrorCode.ReferenceNotFound,
          message: 'A referenced record does not exist',
          details: [{ constraint: pg.constraint, message: 'foreign key violated' }],
        };
      }
      // Bad values that slipped past the edge (a text too long for its column, NUL, a date out of range...).
      if (pg?.code && BAD_VALUE_CODES.has(pg.code)) {
        return {
          statusCode: 400,
          code: CommonErrorCode.ValidationFailed,
          message: 'A value has an invalid format',
        };
      }
    }
    // Every answer to a database error is written here: the driver's message, detail, query or parameters are
    // logged (5xx) but never copied into the body (a constraint's name is the most it says).
    if (writeConflictCode(exception) !== null) {
      return {
        statusCode: 503,
        code: CommonErrorCode.WriteConflict,
        message: 'Another change to the same data was being saved at the same moment; send the request again',
      };
    }
    if (databaseUnavailable(exception)) {
      return {
        statusCode: 503,
        code: CommonErrorCode.ServiceUnavailable,
        message: 'The service is briefly unavailable; try again in a few seconds',
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: CommonErrorCode.Internal,
      message: 'Something went wrong on our side; quote the request id when reporting it',
    };
  }
}
