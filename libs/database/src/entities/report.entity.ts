import { centsTransformer } from '@app/common';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { BackgroundJobEntity } from './background-job.entity';

export const REPORT_SCOPES = ['obligation', 'tender', 'buyer'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];
export const REPORT_FORMATS = ['pdf', 'csv', 'json', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGUAGES = ['nl', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/**
 * A requested report. Its id is the id of the background job that generates it, so `GET /reports/:id` and
 * `GET /jobs/:id` answer for the same id and status/progress/error live in one place (the job row). The file
 * itself is in `report_file_chunk`; size, checksum and content type are set when it is complete.
 */
@Entity('report')
@Index('ix_report_organisation', ['organisationId', 'createdAt'])
@Index('ix_report_buyer', ['buyerOrganisationId', 'createdAt'])
@Index('uq_report_schedule_key', ['scheduleKey'], { unique: true, where: 'schedule_key IS NOT NULL' })
export class ReportEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report' })
  id: string;

  @OneToOne(() => BackgroundJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'id', foreignKeyConstraintName: 'fk_report_background_job' })
  job?: BackgroundJobEntity;

  /** The requester's organisation (the buyer itself for scheduled monthly reports). */
  @Column({ type: 'uuid' })
  organisationId: string;

  /** Null for scheduled reports. */
  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  /** The buyer the scope belongs to: its officers may read tender and buyer reports. */
  @Column({ type: 'uuid' })
  buyerOrganisationId: string;

  @Column({ type: 'enum', enum: REPORT_SCOPES, enumName: 'report_scope' })
  scope: ReportScope;

  @Column({ type: 'uuid' })
  scopeId: string;

  @Column({ type: 'enum', enum: REPORT_FORMATS, enumName: 'report_format' })
  format: ReportFormat;

  @Column({ type: 'varchar', length: 2, default: 'nl' })
  language: ReportLanguage;

  @Column({ type: 'date', nullable: true })
  periodFrom: string | null;

  @Column({ type: 'date', nullable: true })
  periodTo: string | null;

  /** Set for scheduled runs (`monthly-<buyer>-<YYYY-MM>`) so a re-delivered schedule tick adds nothing. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  scheduleKey: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  contentType: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  sizeBytes: number | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
