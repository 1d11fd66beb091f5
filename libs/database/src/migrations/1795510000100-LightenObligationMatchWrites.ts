import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fewer things to maintain for every row a whole re-score writes into `obligation_match` (1.86M rows at 100k
 * enterprises). Measured by inserting those rows into a copy of the table: 37.0 s with the foreign key and five
 * indexes, 27.3 s without the foreign key, 15.6 s without it and without the two indexes dropped here.
 *
 * - The foreign key to `obligation` checked every row with a probe and a row lock. The worker already holds each
 *   obligation it writes for (`FOR KEY SHARE`, taken before its set is written), so the rows cannot outlive it in
 *   that transaction; the cascade on delete is kept as one statement-level trigger.
 * - `ix_obligation_match_social_enterprise`: an enterprise's rows are found through its offerings
 *   (`ix_offering_organisation_id`, then `ix_obligation_match_offering`), a handful of offerings each.
 * - `ix_obligation_match_cap`: the farthest rows of one set are read through the primary key (at most the cap's
 *   2,000 rows) and sorted, only when a patch meets the cap.
 */
export class LightenObligationMatchWrites1795510000100 implements MigrationInterface {
  name = 'LightenObligationMatchWrites1795510000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "obligation_match" DROP CONSTRAINT "fk_obligation_match_obligation"`);
    await q.query(`CREATE FUNCTION obligation_match_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM obligation_match m USING gone WHERE m.obligation_id = gone.id;
  RETURN NULL;
END $$`);
    await q.query(
      `CREATE TRIGGER "trg_obligation_match_cascade" AFTER DELETE ON "obligation"
         REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION obligation_match_cascade()`,
    );
    await q.query(
      `DELETE FROM "obligation_match" m WHERE NOT EXISTS (SELECT 1 FROM "obligation" o WHERE o.id = m.obligation_id)`,
    );
    await q.query(`DROP INDEX "ix_obligation_match_social_enterprise"`);
    await q.query(`DROP INDEX "ix_obligation_match_cap"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "ix_obligation_match_cap" ON "obligation_match" ("obligation_id", "cap_key", "offering_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_obligation_match_social_enterprise" ON "obligation_match" ("social_enterprise_id")`,
    );
    await q.query(`DROP TRIGGER IF EXISTS "trg_obligation_match_cascade" ON "obligation"`);
    await q.query(`DROP FUNCTION IF EXISTS obligation_match_cascade()`);
    await q.query(
      `ALTER TABLE "obligation_match" ADD CONSTRAINT "fk_obligation_match_obligation" FOREIGN KEY ("obligation_id")
         REFERENCES "obligation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
