import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ example: 'Request body is invalid' })
  message: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [{ field: 'kvkNumber', message: 'kvkNumber must be exactly 8 digits' }],
  })
  details?: Record<string, unknown>[];

  @ApiPropertyOptional({ example: 'f0c3c6f2-9a55-4c84-9df5-1d6f2a1b1f70' })
  requestId?: string;
}
