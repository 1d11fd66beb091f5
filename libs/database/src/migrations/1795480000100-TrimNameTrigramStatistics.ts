import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The typo-tolerant name match (`word <% immutable_unaccent(lower(name))`) was estimated by running the similarity
 * of each search word against every value of the expression's statistics (100 most common values and a
 * 101-entry histogram): about a millisecond of planning per word on every word search, more than the name lookup
 * itself. Names are nearly unique, so those values say nothing about a similarity match; with a statistics target
 * of 10 the histogram is below the 100 entries the estimator needs and it takes its default selectivity, which
 * gives the same plan (a bitmap scan of the trigram index). Measured on the 100k data set: planning of a
 * one-word search 1.65 → 0.73 ms, a three-word search 2.86 → 1.10 ms.
 */
export class TrimNameTrigramStatistics1795480000100 implements MigrationInterface {
  name = 'TrimNameTrigramStatistics1795480000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX "ix_organisation_name_trgm" ALTER COLUMN 1 SET STATISTICS 10`);
    await q.query(`ANALYZE "organisation"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX "ix_organisation_name_trgm" ALTER COLUMN 1 SET STATISTICS -1`);
    await q.query(`ANALYZE "organisation"`);
  }
}
