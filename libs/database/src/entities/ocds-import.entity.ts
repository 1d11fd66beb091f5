import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
} from 'typeorm';
import { BackgroundJobEntity } from './background-job.entity';

/**
 * An uploaded OCDS release package. Its id is the id of the background job that imports it, so
 * `GET /imports/:id` and `GET /jobs/:id` answer the same id. The releases are stored one row each, so the worker can
 * stream through them without holding the package in memory.
 */
@Entity('ocds_import')
@Index('ix_ocds_import_organisation', ['organisationId', 'createdAt'])
export class OcdsImportEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_ocds_import' })
  id: string;

  @OneToOne(() => BackgroundJobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'id', foreignKeyConstraintName: 'fk_ocds_import_background_job' })
  job?: BackgroundJobEntity;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'uuid' })
  userId: string;

  /** The package without its releases (uri, publisher, publishedDate, version, extensions, ...). */
  @Column({ type: 'jsonb' })
  packageMeta: Record<string, unknown>;

  @Column({ type: 'int' })
  releaseCount: number;

  /** SHA-256 of the package as received: the same package while one import of it is queued answers that one. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('ocds_import_release')
@Index('ix_ocds_import_release_ocid', ['importId', 'ocid', 'position'])
export class OcdsImportReleaseEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_ocds_import_release' })
  importId: string;

  /** Index in the package's `releases` array (paths in reports point at it). */
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_ocds_import_release' })
  position: number;

  @ManyToOne(() => OcdsImportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'fk_ocds_import_release_import' })
  import?: OcdsImportEntity;

  /** The release's `ocid` when it is a string (null: missing or not a string, reported by the schema check). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  ocid: string | null;

  @Column({ type: 'jsonb' })
  body: unknown;
}
