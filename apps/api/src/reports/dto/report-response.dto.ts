import { PageQueryDto } from '@app/common';
import { REPORT_FORMATS, REPORT_LANGUAGES, REPORT_SCOPES } from '@app/database';
import type { BackgroundJobEntity } from '@app/database';
import type { ReportView } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReportPeriodDto } from './create-report.dto';

export class ReportResponseDto {
  @ApiProperty({ format: 'uuid', description: 'Also the id of its job (GET /api/v1/jobs/:id)' }) id: string;
  @ApiProperty({ enum: REPORT_SCOPES }) scope: string;
  @ApiProperty({ format: 'uuid' }) scopeId: string;
  @ApiProperty({ enum: REPORT_FORMATS }) format: string;
  @ApiProperty({ enum: REPORT_LANGUAGES }) language: string;
  @ApiProperty({ type: ReportPeriodDto, nullable: true }) period: ReportPeriodDto | null;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: BackgroundJobEntity['status'];
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiPropertyOptional({ description: 'Why generation failed (or why its last attempt did)' }) error?: string;
  @ApiPropertyOptional({ example: 48213 }) sizeBytes?: number;
  @ApiPropertyOptional({ example: 'a3f5…', description: 'SHA-256 of the file, hex' }) sha256?: string;
  @ApiPropertyOptional({ example: 'application/pdf' }) contentType?: string;
  @ApiPropertyOptional({ example: 'sroi-aanbesteding-ocds-buysocial-…-2026-11-30.pdf' }) fileName?: string;
  @ApiProperty({ description: 'False for a monthly report the schedule made' }) requested: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;

  static from({ report: r, job }: ReportView): ReportResponseDto {
    return {
      id: r.id,
      scope: r.scope,
      scopeId: r.scopeId,
      format: r.format,
      language: r.language,
      period: r.periodFrom && r.periodTo ? { from: r.periodFrom, to: r.periodTo } : null,
      status: job.status,
      progress: job.progress,
      ...(job.error ? { error: job.error } : {}),
      ...(r.sizeBytes !== null ? { sizeBytes: r.sizeBytes } : {}),
      ...(r.sha256 ? { sha256: r.sha256 } : {}),
      ...(r.contentType ? { contentType: r.contentType } : {}),
      ...(r.fileName ? { fileName: r.fileName } : {}),
      requested: r.requestedBy !== null,
      createdAt: r.createdAt.toISOString(),
      ...(job.finishedAt ? { finishedAt: job.finishedAt.toISOString() } : {}),
    };
  }
}

export class ReportListDto {
  @ApiProperty({ type: [ReportResponseDto] }) items: ReportResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ReportListQueryDto extends PageQueryDto {}
