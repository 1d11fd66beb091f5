import { PageQueryDto } from '@app/common';
import { TENDER_SOURCES, TENDER_STATUSES, type TenderSource, type TenderStatus } from '@app/database';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class TenderListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TENDER_STATUSES })
  @IsOptional()
  @IsIn(TENDER_STATUSES)
  status?: TenderStatus;

  @ApiPropertyOptional({
    enum: TENDER_SOURCES,
    description:
      '`ocds`: imported from OCDS open data, `eforms`: imported eForms notices (both read-only); `platform`: made here',
  })
  @IsOptional()
  @IsIn(TENDER_SOURCES)
  source?: TenderSource;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: only tenders reserved (eForms `res-ws`, `res-pub-ser`); false: only those not reserved',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  reserved?: 'true' | 'false';

  @ApiPropertyOptional({ example: 'schoonmaak' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ example: '90000000', description: 'CPV code; matches its whole subtree' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  cpv?: string;
}
