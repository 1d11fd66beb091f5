import { PageQueryDto } from '@app/common';
import { ORDER_STATUSES, QUOTE_REQUEST_STATUSES } from '@app/database';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class QuoteRequestListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: QUOTE_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(QUOTE_REQUEST_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  obligationId?: string;
}

export class OrderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  obligationId?: string;
}
