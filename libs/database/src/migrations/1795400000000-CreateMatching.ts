import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMatching1795400000000 implements MigrationInterface {
  name = 'CreateMatching1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_state" ("subject_type" character varying(12) NOT NULL, "subject_id" uuid NOT NULL, "requested_revision" integer NOT NULL DEFAULT '0', "started_revision" integer NOT NULL DEFAULT '0', "computed_revision" integer NOT NULL DEFAULT '0', "computed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_match_state_subject_type" CHECK (subject_type IN ('obligation', 'tender')), CONSTRAINT "pk_match_state" PRIMARY KEY ("subject_type", "subject_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "obligation_match" ("obligation_id" uuid NOT NULL, "offering_id" uuid NOT NULL, "social_enterprise_id" uuid NOT NULL, "score" double precision NOT NULL, "counts" boolean NOT NULL, "projected_credit_cents" bigint NOT NULL, "spend_to_fill_cents" bigint, "distance_km" double precision, "reasons" jsonb NOT NULL, "revision" integer NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_obligation_match" PRIMARY KEY ("obligation_id", "offering_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_obligation_match_social_enterprise" ON "obligation_match"  ("social_enterprise_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_obligation_match_offering" ON "obligation_match"  ("offering_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_obligation_match_rank" ON "obligation_match"  ("obligation_id", "counts", "score", "offering_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "tender_match" ("tender_id" uuid NOT NULL, "offering_id" uuid NOT NULL, "social_enterprise_id" uuid NOT NULL, "score" double precision NOT NULL, "counts" boolean NOT NULL, "projected_credit_cents" bigint NOT NULL, "spend_to_fill_cents" bigint, "distance_km" double precision, "reasons" jsonb NOT NULL, "revision" integer NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_tender_match" PRIMARY KEY ("tender_id", "offering_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_tender_match_social_enterprise" ON "tender_match"  ("social_enterprise_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_tender_match_offering" ON "tender_match"  ("offering_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_tender_match_rank" ON "tender_match"  ("tender_id", "counts", "score", "offering_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "obligation_match" ADD CONSTRAINT "fk_obligation_match_obligation" FOREIGN KEY ("obligation_id") REFERENCES "obligation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tender_match" ADD CONSTRAINT "fk_tender_match_tender" FOREIGN KEY ("tender_id") REFERENCES "tender"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tender_match" DROP CONSTRAINT "fk_tender_match_tender"`);
    await queryRunner.query(
      `ALTER TABLE "obligation_match" DROP CONSTRAINT "fk_obligation_match_obligation"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_tender_match_rank"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tender_match_offering"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tender_match_social_enterprise"`);
    await queryRunner.query(`DROP TABLE "tender_match"`);
    await queryRunner.query(`DROP INDEX "public"."ix_obligation_match_rank"`);
    await queryRunner.query(`DROP INDEX "public"."ix_obligation_match_offering"`);
    await queryRunner.query(`DROP INDEX "public"."ix_obligation_match_social_enterprise"`);
    await queryRunner.query(`DROP TABLE "obligation_match"`);
    await queryRunner.query(`DROP TABLE "match_state"`);
  }
}
