import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an incremental re-score of a full set reads, without reading the set.
 *
 * `cap_key` on the match rows: the exact distance the candidate cap ordered the set by (`distance_km` is rounded
 * to metres for display; `Infinity` when the distance is unknown, as candidate generation puts those last).
 *
 * An incremental re-score of a full set must know where the cap cuts, so it needs the key of every stored row:
 * until now it recomputed them from the offerings' points, a read of 2,000 wide offering rows per affected
 * obligation (about 100 ms each, at 100k enterprises). With `ix_*_match_cap` it reads only the farthest rows, the
 * only ones a change can push out. Rows written before this migration hold -1, and a set with such a row is
 * keyed the old way until its next whole re-score.
 *
 * `match_count` on `match_state`: the size of the stored set, written with it (null before this migration: the
 * rows are counted then). Counting 2,000 rows just after a whole re-score, before vacuum has run, took 50 ms.
 */
export class AddMatchCapKey1795490000100 implements MigrationInterface {
  name = 'AddMatchCapKey1795490000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "obligation_match" ADD "cap_key" double precision NOT NULL DEFAULT '-1'`);
    await q.query(`ALTER TABLE "tender_match" ADD "cap_key" double precision NOT NULL DEFAULT '-1'`);
    await q.query(
      `CREATE INDEX "ix_obligation_match_cap" ON "obligation_match" ("obligation_id", "cap_key", "offering_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_tender_match_cap" ON "tender_match" ("tender_id", "cap_key", "offering_id")`,
    );
    await q.query(`ALTER TABLE "match_state" ADD "match_count" integer`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "match_state" DROP COLUMN "match_count"`);
    await q.query(`DROP INDEX "ix_tender_match_cap"`);
    await q.query(`DROP INDEX "ix_obligation_match_cap"`);
    await q.query(`ALTER TABLE "tender_match" DROP COLUMN "cap_key"`);
    await q.query(`ALTER TABLE "obligation_match" DROP COLUMN "cap_key"`);
  }
}
