import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: written in the same transaction as the business change, relayed to BullMQ by the
 * worker. The job id is deterministic so a relay that crashes between `add` and marking the row as
 * dispatched cannot enqueue the job twice.
 */
@Entity('outbox_message')
@Index('ix_outbox_message_pending', ['id'], { where: 'dispatched_at IS NULL' })
@Index('uq_outbox_message_job_id', ['queue', 'jobId'], { unique: true })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_outbox_message' })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  queue: string;

  @Column({ type: 'varchar', length: 100 })
  jobName: string;

  @Column({ type: 'varchar', length: 200 })
  jobId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
