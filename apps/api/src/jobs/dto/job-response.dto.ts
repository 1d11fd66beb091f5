import { BackgroundJobEntity } from '@app/database';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class JobResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'matching_refresh' }) kind: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: BackgroundJobEntity['status'];
  @ApiProperty({ minimum: 0, maximum: 100, example: 40 }) progress: number;
  @ApiPropertyOptional({ description: 'Why the job failed (or why its last attempt did)' }) error?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;

  static from(job: BackgroundJobEntity): JobResponseDto {
    return {
      id: job.id,
      kind: job.kind,
      status: job.status,
      progress: job.progress,
      ...(job.error ? { error: job.error } : {}),
      createdAt: job.createdAt.toISOString(),
      ...(job.finishedAt ? { finishedAt: job.finishedAt.toISOString() } : {}),
    };
  }
}

/** The 202 answer of every route that starts long work. */
export class JobAcceptedDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'], example: 'queued' })
  status: BackgroundJobEntity['status'];

  static from(job: BackgroundJobEntity): JobAcceptedDto {
    return { id: job.id, status: job.status };
  }
}
