import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Match reasons stored as `json` rather than `jsonb`: the text as the worker wrote it, checked but not converted.
 *
 * A whole re-score writes every pair of every set (1.86M rows at 100k enterprises). Measured with COPY of those
 * rows into a table without indexes: 22 s with `jsonb`, 9 s with `json`; and the stored reasons are 320 bytes
 * instead of 500 (`jsonb` keeps every number as a numeric and every string with a header). Nothing queries inside
 * the reasons in SQL: the API reads them whole and writes out the sentences (`expandReasons`).
 */
export class MatchReasonsAsJson1795500000000 implements MigrationInterface {
  name = 'MatchReasonsAsJson1795500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "obligation_match" ALTER COLUMN "reasons" TYPE json USING "reasons"::json`);
    await q.query(`ALTER TABLE "tender_match" ALTER COLUMN "reasons" TYPE json USING "reasons"::json`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "obligation_match" ALTER COLUMN "reasons" TYPE jsonb USING "reasons"::jsonb`);
    await q.query(`ALTER TABLE "tender_match" ALTER COLUMN "reasons" TYPE jsonb USING "reasons"::jsonb`);
  }
}
