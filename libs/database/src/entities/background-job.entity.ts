import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type BackgroundJobStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * Long work started from the API (match refreshes, reports, imports, schedules): the row is what a client polls
 * at `GET /api/v1/jobs/:id`; BullMQ only carries its id. Written in the same transaction as the outbox row that
 * enqueues it, so a job is never listed without being delivered, nor delivered without being listed.
 */
@Entity('background_job')
@Index('uq_background_job_active_dedupe_key', ['dedupeKey'], {
  unique: true,
  where: `dedupe_key IS NOT NULL AND status IN ('queued', 'running')`,
})
@Index('ix_background_job_organisation_id', ['organisationId', 'createdAt'])
export class BackgroundJobEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_background_job' })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 20, default: 'queued' })
  status: BackgroundJobStatus;

  @Column({ type: 'int', default: 0 })
  progress: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'jsonb', nullable: true })
  result: unknown;

  /** Identical work while one is queued or running answers that one (unique among active rows only). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'varchar', length: 100 })
  queue: string;

  @Column({ type: 'varchar', length: 100 })
  jobName: string;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
