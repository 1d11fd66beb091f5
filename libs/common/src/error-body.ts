import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One problem with the request: the field it concerns (a path such as `items[0].cpvCode`), a code and a message. */
export class ErrorDetailDto {
  @ApiPropertyOptional({ example: 'kvkNumber', description: 'Path of the field in the request' })
  field?: string;

  @ApiPropertyOptional({ example: 'KVK_NUMBER_INVALID' })
  code?: string;

  @ApiProperty({ example: 'kvkNumber must be exactly 8 digits' })
  message: string;
}

export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ example: 'Request body is invalid' })
  message: string;

  @ApiPropertyOptional({
    type: [ErrorDetailDto],
    example: [{ field: 'kvkNumber', message: 'kvkNumber must be exactly 8 digits' }],
  })
  details?: ErrorDetailDto[];

  @ApiPropertyOptional({ example: 'f0c3c6f2-9a55-4c84-9df5-1d6f2a1b1f70' })
  requestId?: string;
}
