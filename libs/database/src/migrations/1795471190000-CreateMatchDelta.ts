import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What changed since a subject's stored match set was written: one row per (subject, offering) whose pair must be
 * scored again, or one row with the nil offering id when the whole set must be (the subject itself changed, a
 * refresh, the nightly re-score). Written by the triggers in the business transaction, consumed and deleted by the
 * job that writes the next set. Read only by matching's SQL, hence no entity.
 */
export class CreateMatchDelta1795471190000 implements MigrationInterface {
  name = 'CreateMatchDelta1795471190000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "match_delta" ("subject_type" character varying(12) NOT NULL, "subject_id" uuid NOT NULL,
        "offering_id" uuid NOT NULL,
        CONSTRAINT "ck_match_delta_subject_type" CHECK (subject_type IN ('obligation', 'tender')),
        CONSTRAINT "pk_match_delta" PRIMARY KEY ("subject_type", "subject_id", "offering_id"))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "match_delta"`);
  }
}
