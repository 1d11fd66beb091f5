import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `cap_key` on the match rows: the exact distance the candidate cap ordered the set by (`distance_km` is rounded
 * to metres for display; `Infinity` when the distance is unknown, as candidate generation puts those last).
 *
 * An incremental re-score of a full set must know where the cap cuts, so it needs the key of every stored row:
 * until now it recomputed them from the offerings' points, a read of 2,000 wide offering rows per affected
 * obligation (about 100 ms each, at 100k enterprises). Rows written before this migration hold -1, and a set with
 * such a row is keyed the old way until its next whole re-score.
 */
export class AddMatchCapKey1795490000100 implements MigrationInterface {
  name = 'AddMatchCapKey1795490000100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "obligation_match" ADD "cap_key" double precision NOT NULL DEFAULT '-1'`);
    await q.query(`ALTER TABLE "tender_match" ADD "cap_key" double precision NOT NULL DEFAULT '-1'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "tender_match" DROP COLUMN "cap_key"`);
    await q.query(`ALTER TABLE "obligation_match" DROP COLUMN "cap_key"`);
  }
}
