import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failure isolation in background work: a match subject that cannot be scored is visibly failed (`match_state`
 * keeps the failed revision, a failure code, the error's message for operators and since when), and the counters
 * of skipped or failed work (`failure_count`, one row per name and reason).
 */
export class AddMatchFailure1795531000000 implements MigrationInterface {
  name = 'AddMatchFailure1795531000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "failure_count" ("name" character varying(60) NOT NULL, "reason" character varying(60) NOT NULL, "count" bigint NOT NULL DEFAULT '0', "last_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_failure_count" PRIMARY KEY ("name", "reason"))`,
    );
    await q.query(`ALTER TABLE "match_state" ADD "failed_revision" integer`);
    await q.query(`ALTER TABLE "match_state" ADD "failure_code" character varying(40)`);
    await q.query(`ALTER TABLE "match_state" ADD "failure_detail" character varying(500)`);
    await q.query(`ALTER TABLE "match_state" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "match_state" DROP COLUMN "failed_at"`);
    await q.query(`ALTER TABLE "match_state" DROP COLUMN "failure_detail"`);
    await q.query(`ALTER TABLE "match_state" DROP COLUMN "failure_code"`);
    await q.query(`ALTER TABLE "match_state" DROP COLUMN "failed_revision"`);
    await q.query(`DROP TABLE "failure_count"`);
  }
}
