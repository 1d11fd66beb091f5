import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { AppError, CommonErrorCode } from './errors';
import { uniqueViolation } from './unique-violation';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown[];
  requestId?: string;
}

const BAD_VALUE_CODES = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

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
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception, req);
    if (body.statusCode >= 500) {
      this.logger.error(
        { err: exception, requestId: req?.id, method: req?.method, url: req?.originalUrl },
        'unexpected error',
      );
    }
    if (res.headersSent) return;
    res.status(body.statusCode).json({ ...body, requestId: req?.id });
  }

  toBody(exception: unknown, req?: Request): ErrorBody {
    if (exception instanceof AppError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...(exception.details.length ? { details: exception.details } : {}),
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
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (status === 404 && !(typeof response === 'object' && (response as { code?: string }).code)) {
        return {
          statusCode: 404,
          code: CommonErrorCode.RouteNotFound,
          message: `No route ${req?.method ?? ''} ${req?.path ?? ''}`.trim(),
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
