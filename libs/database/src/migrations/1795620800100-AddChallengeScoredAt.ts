import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an open challenge's matches were last scored: the worker's sweep re-scores it once a visible offering changed
 * after that (read through ix_offering_recent).
 */
export class AddChallengeScoredAt1795620800100 implements MigrationInterface {
  name = 'AddChallengeScoredAt1795620800100';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "challenge" ADD "scored_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "challenge" DROP COLUMN "scored_at"`);
  }
}
