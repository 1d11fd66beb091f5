import { centsTransformer, numericTransformer } from '@app/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ChallengeEntity } from './challenge.entity';
import { OrganisationEntity } from './organisation.entity';
import { SroiPolicyEntity } from './sroi-policy.entity';
import { TenderItemEntity } from './tender-item.entity';

export const TENDER_STATUSES = ['draft', 'active', 'awarded', 'complete', 'cancelled'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];
export const PROCUREMENT_CATEGORY_VALUES = ['goods', 'services', 'works'] as const;
export type MainProcurementCategory = (typeof PROCUREMENT_CATEGORY_VALUES)[number];
/**
 * `platform`: created here; `ocds`: imported from an OCDS release package; `eforms`: imported from eForms notices
 * (TenderNed, TED). Imported tenders are read-only.
 */
export const TENDER_SOURCES = ['platform', 'ocds', 'eforms'] as const;
export type TenderSource = (typeof TENDER_SOURCES)[number];
/** eForms `reserved-procurement`: `res-ws` and `res-pub-ser` (`none`: null). */
export const TENDER_RESERVATIONS = ['sheltered_workshops', 'public_service_mission'] as const;
export type TenderReservation = (typeof TENDER_RESERVATIONS)[number];

/** The Dutch and English texts of an eForms notice, where it has them. */
export interface TenderTranslations {
  titleNl: string | null;
  titleEn: string | null;
  descriptionNl: string | null;
  descriptionEn: string | null;
}

export interface OcdsLot {
  id: string;
  title: string | null;
  description: string | null;
  status: string | null;
  valueCents: number | null;
  currency: string | null;
  /** eForms lots: their CPV codes and estimated value (cents of `currency`). */
  cpvCodes?: string[];
  estimatedValueCents?: number | null;
}

/** A tender with OCDS-aligned fields (tender.mainProcurementCategory, tender.value, contractPeriod, items). */
@Entity('tender')
@Index('ix_tender_buyer', ['buyerOrganisationId', 'createdAt'])
@Index('ix_tender_status', ['status', 'createdAt'])
@Check('ck_tender_contract_period', 'contract_end >= contract_start')
// Imported tenders may lack what the platform requires of its own (no SROI policy, no author, no period...).
@Check(
  'ck_tender_platform_fields',
  `source::text <> 'platform' OR (sroi_policy_id IS NOT NULL AND created_by IS NOT NULL AND contract_start IS NOT NULL AND contract_end IS NOT NULL AND estimated_value_cents IS NOT NULL AND main_procurement_category IS NOT NULL)`,
)
@Check('ck_tender_ocds_ocid', `source::text <> 'ocds' OR ocid IS NOT NULL`)
@Check('ck_tender_eforms_procedure', `source::text <> 'eforms' OR procedure_id IS NOT NULL`)
@Check('ck_tender_reserved', `reserved IN ('sheltered_workshops', 'public_service_mission')`)
@Index('uq_tender_ocid', ['ocid'], { unique: true, where: 'ocid IS NOT NULL' })
@Index('uq_tender_procedure_id', ['procedureId'], { unique: true, where: 'procedure_id IS NOT NULL' })
@Index('ix_tender_reserved', ['reserved', 'createdAt'], { where: 'reserved IS NOT NULL' })
@Index('ix_tender_source', ['source', 'createdAt'])
@Index('ix_tender_challenge', ['challengeId'], { where: 'challenge_id IS NOT NULL' })
export class TenderEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_tender' })
  id: string;

  @Column({ type: 'uuid' })
  buyerOrganisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buyer_organisation_id', foreignKeyConstraintName: 'fk_tender_buyer' })
  buyerOrganisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({
    type: 'enum',
    enum: PROCUREMENT_CATEGORY_VALUES,
    enumName: 'procurement_category',
    nullable: true,
  })
  mainProcurementCategory: MainProcurementCategory | null;

  @Column({ type: 'enum', enum: TENDER_STATUSES, enumName: 'tender_status', default: 'draft' })
  status: TenderStatus;

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  estimatedValueCents: number | null;

  @Column({ type: 'char', length: 3, default: 'EUR' })
  currency: string;

  @Column({ type: 'varchar', length: 7, nullable: true })
  deliveryPostcode: string | null;

  @Column({ type: 'date', nullable: true })
  tenderPeriodEnd: string | null;

  @Column({ type: 'date', nullable: true })
  contractStart: string | null;

  @Column({ type: 'date', nullable: true })
  contractEnd: string | null;

  @Column({ type: 'numeric', precision: 4, scale: 3, nullable: true, transformer: numericTransformer })
  labourShare: number | null;

  @Column({ type: 'uuid', nullable: true })
  sroiPolicyId: string | null;

  /** The challenge this tender follows from (issue 34), if any: shown on both. */
  @Column({ type: 'uuid', nullable: true })
  challengeId: string | null;

  @ManyToOne(() => ChallengeEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'challenge_id', foreignKeyConstraintName: 'fk_tender_challenge' })
  challenge?: ChallengeEntity | null;

  @ManyToOne(() => SroiPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sroi_policy_id', foreignKeyConstraintName: 'fk_tender_sroi_policy' })
  sroiPolicy?: SroiPolicyEntity;

  /** The tender's own SROI percentage, overriding the policy default. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  sroiPercentage: number | null;

  @OneToMany(() => TenderItemEntity, (i) => i.tender, { cascade: ['insert'] })
  items?: TenderItemEntity[];

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'enum', enum: TENDER_SOURCES, enumName: 'tender_source', default: 'platform' })
  source: TenderSource;

  /** Imported tenders: the OCDS contracting process id (platform tenders derive theirs from the id). */
  @Column({ type: 'varchar', length: 300, nullable: true })
  ocid: string | null;

  /** Imported tenders: the package publisher's name. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  publisher: string | null;

  /** Imported tenders: the buyer's name as published. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  buyerName: string | null;

  /** OCDS `tender.suitability.sme` / `.vcse` (null: not stated). */
  @Column({ type: 'boolean', nullable: true })
  suitableForSme: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  suitableForVcse: boolean | null;

  /** Imported tenders: OCDS `tender.status` as published (the platform status is derived from it). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  ocdsStatus: string | null;

  /** Imported tenders: the lots as published (id, title, description, status, valueCents, currency). */
  @Column({ type: 'jsonb', nullable: true })
  lots: OcdsLot[] | null;

  /** Imported tenders: `date` and `id` of the latest release merged in, and a hash of what was imported. */
  @Column({ type: 'timestamptz', nullable: true })
  ocdsReleaseDate: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  ocdsReleaseId: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  ocdsHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** eForms tenders: the procedure id (`cbc:ContractFolderID`), one tender per procedure. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  procedureId: string | null;

  /** eForms tenders: the id and version of the notice last imported (`<id>-<version>`), its type and its link. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  noticeId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  noticeType: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  noticeUrl: string | null;

  /** Participation reserved (eForms `reserved-procurement`); null: not reserved or not stated. */
  @Column({ type: 'varchar', length: 30, nullable: true })
  reserved: TenderReservation | null;

  /** eForms `social-objective` and `strategic-procurement` codes. */
  @Column({ type: 'text', array: true, nullable: true })
  socialObjectives: string[] | null;

  @Column({ type: 'text', array: true, nullable: true })
  strategicProcurement: string[] | null;

  /** Place of performance: NUTS code. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  nutsCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  translations: TenderTranslations | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A tender made on the platform: ck_tender_platform_fields guarantees these columns are set. */
export type PlatformTender = TenderEntity & {
  mainProcurementCategory: MainProcurementCategory;
  estimatedValueCents: number;
  contractStart: string;
  contractEnd: string;
  sroiPolicyId: string;
  createdBy: string;
};

export function isPlatformTender(t: TenderEntity): t is PlatformTender {
  return t.source === 'platform';
}
