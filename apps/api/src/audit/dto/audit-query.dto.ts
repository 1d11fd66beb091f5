import { PageQueryDto } from '@app/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['sroi_policy', 'tender', 'contract', 'obligation', 'contribution', 'certification'],
  })
  @IsOptional()
  @IsIn(['sroi_policy', 'tender', 'contract', 'obligation', 'contribution', 'certification'])
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  entityId?: string;
}
