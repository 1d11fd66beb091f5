import { numericTransformer } from '@app/common';
import { TARGET_GROUPS, type TargetGroup } from '@app/common/vocabulary';
import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

export { TARGET_GROUPS };
export type { TargetGroup };

@Entity('social_enterprise_profile')
@Index('ix_social_enterprise_profile_target_groups', { synchronize: false })
@Index('ix_social_enterprise_profile_search', { synchronize: false })
@Index('ix_social_enterprise_profile_unpublished', { synchronize: false })
export class SocialEnterpriseProfileEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_social_enterprise_profile' })
  organisationId: string;

  @OneToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_social_enterprise_profile_organisation',
  })
  organisation?: OrganisationEntity;

  @Column({ type: 'text', default: '' })
  mission: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  targetGroups: TargetGroup[];

  @Column({ type: 'numeric', precision: 9, scale: 2, default: 0, transformer: numericTransformer })
  fteTotal: number;

  @Column({ type: 'numeric', precision: 9, scale: 2, default: 0, transformer: numericTransformer })
  fteTargetGroup: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'int', nullable: true })
  serviceRadiusKm: number | null;

  @Column({ type: 'boolean', default: true })
  published: boolean;

  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `to_tsvector('simple', immutable_unaccent(mission)) || to_tsvector('dutch', immutable_unaccent(mission)) || to_tsvector('english', immutable_unaccent(mission))`,
  })
  searchDoc: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
