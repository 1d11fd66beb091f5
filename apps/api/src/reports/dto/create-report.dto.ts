import { IsoDateConstraint } from '@app/common';
import { REPORT_FORMATS, REPORT_LANGUAGES, REPORT_SCOPES } from '@app/database';
import type { ReportFormat, ReportLanguage, ReportScope } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsUUID, Validate, ValidateNested } from 'class-validator';

export class ReportPeriodDto {
  @ApiProperty({ example: '2026-01-01' })
  @Validate(IsoDateConstraint)
  from: string;

  @ApiProperty({ example: '2026-06-30', description: 'Inclusive' })
  @Validate(IsoDateConstraint)
  to: string;
}

export class CreateReportDto {
  @ApiProperty({ enum: REPORT_SCOPES, example: 'obligation' })
  @IsIn(REPORT_SCOPES)
  scope: ReportScope;

  @ApiProperty({ format: 'uuid', description: 'The obligation, tender or buyer organisation reported on' })
  @IsUUID()
  scopeId: string;

  @ApiProperty({
    enum: REPORT_FORMATS,
    example: 'pdf',
    description:
      'pdf and xlsx are for people (words, euros, dates); csv and json are for machines (codes, cents)',
  })
  @IsIn(REPORT_FORMATS)
  format: ReportFormat;

  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'nl' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  language?: ReportLanguage;

  @ApiPropertyOptional({
    type: ReportPeriodDto,
    description: 'Only contributions dated inside the period (both ends inclusive)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReportPeriodDto)
  period?: ReportPeriodDto;
}
