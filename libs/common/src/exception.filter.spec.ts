import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { AppError, ValidationFailedError } from './errors';
import { AllExceptionsFilter, problemBody } from './exception.filter';

const pgError = (code: string, constraint = 'uq_x') =>
  new QueryFailedError('INSERT ...', [], Object.assign(new Error('pg'), { code, constraint }));

describe('AllExceptionsFilter.toBody', () => {
  const filter = new AllExceptionsFilter();
  it.each([
    [new ValidationFailedError('bad', [{ field: 'x', message: 'x bad' }]), 400, 'VALIDATION_FAILED'],
    [new AppError('conflict', 'DUPLICATE_INVOICE', 'dup'), 409, 'DUPLICATE_INVOICE'],
    [new AppError('unprocessable', 'NOT_COUNTABLE', 'no'), 422, 'NOT_COUNTABLE'],
    [new ThrottlerException(), 429, 'RATE_LIMITED'],
    [new BadRequestException('Validation failed (uuid is expected)'), 400, 'VALIDATION_FAILED'],
    [new NotFoundException(), 404, 'ROUTE_NOT_FOUND'],
    [pgError('23505'), 409, 'ALREADY_EXISTS'],
    [pgError('23503'), 422, 'REFERENCE_NOT_FOUND'],
    [pgError('22P02'), 400, 'VALIDATION_FAILED'],
    [pgError('22001'), 400, 'VALIDATION_FAILED'],
    [pgError('22021'), 400, 'VALIDATION_FAILED'],
    [pgError('22P05'), 400, 'VALIDATION_FAILED'],
    [pgError('40P01'), 503, 'WRITE_CONFLICT'],
    [pgError('40001'), 503, 'WRITE_CONFLICT'],
  ])('%s → %i %s', (err, status, code) => {
    expect(filter.toBody(err)).toMatchObject({ statusCode: status, code });
  });

  it('answers anything unknown with 500 and no internals', () => {
    const body = filter.toBody(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    expect(body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side; quote the request id when reporting it',
    });
    expect(JSON.stringify(filter.toBody(pgError('XX000')))).not.toContain('INSERT');
  });
});

describe('database errors never reach the client', () => {
  const filter = new AllExceptionsFilter();
  const driverText = 'invalid input syntax for type json';
  const leaky = (code: string) =>
    new QueryFailedError(
      'INSERT INTO secret_table (a) VALUES ($1)',
      ['secret parameter'],
      Object.assign(new Error(`${driverText} (${code})`), {
        code,
        detail: 'Key (email)=(someone@example.nl) already exists. Token "\\ud800" is invalid.',
        constraint: 'uq_user_email',
        table: 'secret_table',
        where: 'JSON data, line 1: "\\ud800...',
      }),
    );

  it.each([
    '23505',
    '23503',
    '22P02',
    '22P05',
    '22021',
    '54001',
    '40P01',
    '40001',
    '57P01',
    '08006',
    'XX000',
  ])('a QueryFailedError %s: no message, detail, query or parameter of the driver in the answer', (code) => {
    const text = JSON.stringify(problemBody(filter.toBody(leaky(code)), { id: 'r', url: '/x' }));
    for (const secret of [driverText, 'someone@example.nl', 'secret_table', 'secret parameter', 'ud800'])
      expect(text).not.toContain(secret);
  });

  it('answers a deadlock that escaped the retries with 503 WRITE_CONFLICT and Retry-After', () => {
    const headers: Record<string, string> = {};
    let sent: { status?: number; body?: Record<string, unknown> } = {};
    const reply = {
      header: (name: string, value: string) => (headers[name] = value),
      status: (status: number) => ({
        type: () => ({ send: (body: Record<string, unknown>) => (sent = { status, body }) }),
      }),
    };
    const host = {
      switchToHttp: () => ({
        getResponse: () => reply,
        getRequest: () => ({ id: 'req-1', url: '/api/v1/x' }),
      }),
    };
    filter.catch(leaky('40P01'), host as never);
    expect(sent.status).toBe(503);
    expect(sent.body).toMatchObject({ code: 'WRITE_CONFLICT', status: 503 });
    expect(headers['Retry-After']).toBe('1');
  });
});

describe('problemBody (RFC 9457, NL API Design Rules)', () => {
  it('names every bad field by its path with a stable code, keeping what else a detail says', () => {
    const body = problemBody(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Request is invalid',
        details: [
          { field: 'items[0].cpvCode', code: 'is_cpv_code', message: 'items[0].cpvCode must be a CPV code' },
          { field: 'kvk', code: 'unknown_field', message: 'kvk is not an allowed field', row: 3 },
        ],
      },
      { id: 'req-12345678', url: '/api/v1/tenders?x=1' },
    );
    expect(body).toMatchObject({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Request is invalid',
      instance: '/api/v1/tenders',
      code: 'VALIDATION_FAILED',
      requestId: 'req-12345678',
      invalidParams: [
        { name: 'items[0].cpvCode', code: 'is_cpv_code', reason: 'items[0].cpvCode must be a CPV code' },
        { name: 'kvk', code: 'unknown_field', reason: 'kvk is not an allowed field', row: 3 },
      ],
    });
  });

  it('has no invalidParams when no field is at fault', () => {
    const body = problemBody({ statusCode: 404, code: 'TENDER_NOT_FOUND', message: 'Tender not found' });
    expect(body).toMatchObject({ title: 'Not Found', status: 404, code: 'TENDER_NOT_FOUND' });
    expect(body).not.toHaveProperty('invalidParams');
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['MALFORMED_JSON', 400, 'MALFORMED_JSON'],
  ])('maps Fastify’s %s to %i %s', (fastifyCode, status, code) => {
    const cause = Object.assign(new Error('x'), {
      name: 'FastifyError',
      code: fastifyCode,
      statusCode: status,
    });
    const wrapped = new HttpException('x', status, { cause });
    expect(new AllExceptionsFilter().toBody(wrapped)).toMatchObject({ statusCode: status, code });
  });
});

describe('problem extras', () => {
  it('carries an error’s extras as members of its own, never over a standard one', () => {
    const err = new AppError('unprocessable', 'NOT_COUNTABLE', 'no').withExtras({
      reason: 'OUTSIDE_CONTRACT_PERIOD',
      contractPeriod: { startDate: '2027-03-01', endDate: '2029-02-28' },
      code: 'HIJACKED',
      status: 200,
    });
    const body = problemBody(new AllExceptionsFilter().toBody(err), { url: '/api/v1/orders/x/invoices' });
    expect(body).toMatchObject({
      status: 422,
      code: 'NOT_COUNTABLE',
      reason: 'OUTSIDE_CONTRACT_PERIOD',
      contractPeriod: { startDate: '2027-03-01', endDate: '2029-02-28' },
    });
  });
});
