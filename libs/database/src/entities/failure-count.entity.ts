import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Counters of work that background jobs skipped or could not do, by what and why: a candidate whose valuation
 * failed (`matching.candidate_skipped`), a match subject that became failed or recovered, a report row that could
 * not be rendered, a meeting-day registrant left out of a schedule. One row per name and reason, added to after
 * the work commits (`countFailures`): read with SQL, or scraped.
 */
@Entity('failure_count')
export class FailureCountEntity {
  @PrimaryColumn({ type: 'varchar', length: 60, primaryKeyConstraintName: 'pk_failure_count' })
  name: string;

  @PrimaryColumn({ type: 'varchar', length: 60, primaryKeyConstraintName: 'pk_failure_count' })
  reason: string;

  @Column({ type: 'bigint', default: 0 })
  count: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastAt: Date;
}
