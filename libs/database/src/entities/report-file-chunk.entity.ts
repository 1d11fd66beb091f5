import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ReportEntity } from './report.entity';

/**
 * A report file, stored in PostgreSQL as ordered chunks of at most 1 MiB: generation and download stream
 * chunk by chunk (constant memory whatever the file size), and the file is written in the same transaction
 * that records its size and checksum, so a half-written file is never visible.
 */
@Entity('report_file_chunk')
export class ReportFileChunkEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_file_chunk' })
  reportId: string;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'fk_report_file_chunk_report' })
  report?: ReportEntity;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_report_file_chunk' })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}
