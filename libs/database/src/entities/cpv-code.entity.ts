import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const CPV_LEVELS = ['division', 'group', 'class', 'category', 'subcategory'] as const;
export type CpvLevel = (typeof CPV_LEVELS)[number];

/** The CPV 2008 list (reference data loaded by migration). `code` is the 8 digits without the check digit. */
@Entity('cpv_code')
@Index('ix_cpv_code_parent', ['parent'])
// GIN indexes are created by hand in the migration (TypeORM cannot declare them); synchronize: false keeps
// the drift check from dropping them.
@Index('ix_cpv_code_search', { synchronize: false })
@Index('ix_cpv_code_labels_trgm', { synchronize: false })
export class CpvCodeEntity {
  @PrimaryColumn({ type: 'char', length: 8, primaryKeyConstraintName: 'pk_cpv_code' })
  code: string;

  @Column({ type: 'char', length: 1 })
  checkDigit: string;

  @Column({ type: 'varchar', length: 12 })
  level: CpvLevel;

  @Column({ type: 'char', length: 8, nullable: true })
  parent: string | null;

  @Column({ type: 'text' })
  labelEn: string;

  @Column({ type: 'text' })
  labelNl: string;

  /** Labels in both languages, accents folded, stemmed and unstemmed (prefix search on either). */
  @Column({
    type: 'tsvector',
    select: false,
    insert: false,
    update: false,
    generatedType: 'STORED',
    asExpression: `to_tsvector('simple', immutable_unaccent(label_nl || ' ' || label_en)) || to_tsvector('dutch', immutable_unaccent(label_nl)) || to_tsvector('english', immutable_unaccent(label_en))`,
  })
  searchDoc: string;

  get display(): string {
    return `${this.code}-${this.checkDigit}`;
  }
}
