import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * The five members RFC 9457 defines for a problem (`application/problem+json`). Kept as a schema of its own: the
 * NL API Design Rules linter wants exactly these in the problem schema's members, and the product's own members
 * are composed onto them (see ProblemDto and buildOpenApi).
 */
export class ProblemDetailsDto {
  @ApiProperty({
    format: 'uri-reference',
    example: 'about:blank',
    description:
      'URI reference that identifies the problem type (RFC 9457). Clients key on `code`, which is finer-grained.',
  })
  type: string;

  @ApiProperty({
    example: 'Bad Request',
    description: 'Short summary of the problem type; the same for every occurrence of that type.',
  })
  title: string;

  @ApiProperty({
    type: 'integer',
    minimum: 400,
    maximum: 599,
    example: 400,
    description: 'The HTTP status code',
  })
  status: number;

  @ApiProperty({
    example: 'Request body is invalid',
    description: 'Explanation of this occurrence, for people (English). Never parsed by clients: use `code`.',
  })
  detail: string;

  @ApiProperty({
    format: 'uri-reference',
    example: '/api/v1/tenders',
    description: 'URI reference of this occurrence of the problem',
  })
  instance: string;
}

/**
 * One invalid field of a 400 (the NL API Design Rules' `invalidParams`): its full path, a stable code of the rule
 * it breaks (so a client can word the message in its own language) and a reason in English.
 */
export class InvalidParamDto {
  @ApiProperty({
    example: 'items[0].cpvCode',
    description: 'Full path of the field: a body member (`items[0].cpvCode`), a query or a path parameter',
  })
  name: string;

  @ApiProperty({
    example: 'is_cpv_code',
    description: 'Stable code of the rule the value breaks (snake_case)',
  })
  code: string;

  @ApiProperty({ example: 'items[0].cpvCode must be a CPV code such as 45000000-7' })
  reason: string;
}

/** Old shape of one bad field (`details` of the error body before problem+json); deprecated with `details`. */
export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'kvkNumber', description: 'Path of the field in the request' })
  field?: string;

  @ApiPropertyOptional({ example: 'KVK_NUMBER_INVALID' })
  code?: string;

  @ApiProperty({ example: 'kvkNumber must be exactly 8 digits' })
  message: string;
}

/**
 * Every error answer (4xx/5xx), sent as `application/problem+json` (RFC 9457): the standard members plus the
 * product's stable `code`, the `requestId` (also the `X-Request-Id` header) and, on a 400, `invalidParams`.
 * `statusCode`, `message` and `details` are the members of the earlier error body, still sent during the move.
 */
export class ProblemDto extends ProblemDetailsDto {
  @ApiProperty({
    pattern: '^[A-Z][A-Z0-9_]*$',
    example: 'VALIDATION_FAILED',
    description:
      "The product's stable error code (`TENDER_NOT_FOUND`, `VALIDATION_FAILED`, ...): what clients key on",
  })
  code: string;

  @ApiProperty({
    example: 'f0c3c6f2-9a55-4c84-9df5-1d6f2a1b1f70',
    description:
      'Id of the request, also sent as the `X-Request-Id` header: quote it when reporting a problem',
  })
  requestId: string;

  @ApiPropertyOptional({
    type: [InvalidParamDto],
    description: 'On a 400: every bad field of the request, each with the code of the rule it breaks',
    example: [
      {
        name: 'items[0].cpvCode',
        code: 'is_cpv_code',
        reason: 'items[0].cpvCode must be a CPV code such as 45000000-7',
      },
    ],
  })
  invalidParams?: InvalidParamDto[];

  @ApiPropertyOptional({
    type: 'integer',
    deprecated: true,
    example: 400,
    description: 'Deprecated: the same as `status`; sent during the move to problem+json',
  })
  statusCode?: number;

  @ApiPropertyOptional({
    deprecated: true,
    example: 'Request body is invalid',
    description: 'Deprecated: the same as `detail`; sent during the move to problem+json',
  })
  message?: string;

  @ApiPropertyOptional({
    type: [ErrorDetailDto],
    deprecated: true,
    example: [
      { field: 'items[0].cpvCode', code: 'is_cpv_code', message: 'items[0].cpvCode must be a CPV code' },
    ],
    description: 'Deprecated: the old form of `invalidParams`; sent during the move to problem+json',
  })
  details?: ErrorDetailDto[];
}
