import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { CommonErrorCode, ValidationFailedError } from './errors';

export class PageQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    default: 20,
    description: 'Larger values are capped at 100',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page (nextCursor)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export class PageMetaDto {
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

/** Keyset cursors are base64url JSON arrays of the sort key of the last row. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export type CursorPart = 'string' | 'number' | 'uuid' | 'timestamp' | 'digits';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function partOk(value: unknown, kind: CursorPart): boolean {
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'digits':
      return typeof value === 'string' && /^\d{1,19}$/.test(value);
    default:
      return typeof value === 'string';
  }
}

export function invalidCursor(): ValidationFailedError {
  return new ValidationFailedError(
    'cursor is not valid',
    [{ field: 'cursor', message: 'cursor is not valid' }],
    CommonErrorCode.InvalidCursor,
  );
}

/** Decodes a cursor and checks every part's kind, so a tampered cursor is a 400 before any SQL runs. */
export function decodeCursor(cursor: string | undefined, shape: CursorPart[]): unknown[] | null {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== shape.length ||
    parsed.some((v, i) => !partOk(v, shape[i]))
  ) {
    throw invalidCursor();
  }
  return parsed;
}

export function pageLimit(limit: number | undefined): number {
  return Math.min(Math.max(limit ?? 20, 1), 100);
}
