import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { AppError, ValidationFailedError } from './errors';
import { AllExceptionsFilter } from './exception.filter';

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
