/**
 * Domain errors carry a stable code; the global filter maps the kind to an HTTP status.
 * Services throw these, never HTTP exceptions.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'too_many_requests';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_many_requests: 429,
};

export interface ErrorDetail {
  field?: string;
  code?: string;
  message: string;
  [key: string]: unknown;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }

  /**
   * Members the problem body carries beside the standard ones (e.g. `reason`, `contractPeriod`), so a client can
   * word the message itself; they never replace a standard member.
   */
  extras: Record<string, unknown> = {};

  withExtras(extras: Record<string, unknown>): this {
    this.extras = { ...this.extras, ...extras };
    return this;
  }

  get status(): number {
    return STATUS_OF_KIND[this.kind];
  }
}

export class ValidationFailedError extends AppError {
  constructor(message: string, details: ErrorDetail[] = [], code = 'VALIDATION_FAILED') {
    super('bad_request', code, message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, what: string) {
    super('not_found', code, `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super('conflict', code, message, details);
  }
}

export class BusinessRuleError extends AppError {
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super('unprocessable', code, message, details);
  }
}

export class ForbiddenError extends AppError {
  constructor(code = 'FORBIDDEN', message = 'You are not allowed to do this') {
    super('forbidden', code, message);
  }
}

export class UnauthorizedError extends AppError {
  constructor(code = 'UNAUTHORIZED', message = 'Authentication required') {
    super('unauthorized', code, message);
  }
}

/** Codes shared by every feature; features add their own enums. */
export enum CommonErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedJson = 'MALFORMED_JSON',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  Unauthorized = 'UNAUTHORIZED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  RouteNotFound = 'ROUTE_NOT_FOUND',
  UniqueViolation = 'ALREADY_EXISTS',
  ReferenceNotFound = 'REFERENCE_NOT_FOUND',
  RateLimited = 'RATE_LIMITED',
  InvalidCursor = 'INVALID_CURSOR',
  Internal = 'INTERNAL_ERROR',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  /** A write that still collided with another (deadlock, serialization failure) after retries: 503, try again. */
  WriteConflict = 'WRITE_CONFLICT',
}
