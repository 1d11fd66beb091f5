import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReports1795420000000 implements MigrationInterface {
  name = 'CreateReports1795420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."report_scope" AS ENUM('obligation', 'tender', 'buyer')`);
    await queryRunner.query(`CREATE TYPE "public"."report_format" AS ENUM('pdf', 'csv', 'json')`);
    await queryRunner.query(
      `CREATE TABLE "report" ("id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "requested_by" uuid, "buyer_organisation_id" uuid NOT NULL, "scope" "public"."report_scope" NOT NULL, "scope_id" uuid NOT NULL, "format" "public"."report_format" NOT NULL, "language" character varying(2) NOT NULL DEFAULT 'nl', "period_from" date, "period_to" date, "schedule_key" character varying(120), "file_name" character varying(200), "content_type" character varying(100), "size_bytes" bigint, "sha256" character(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_report_schedule_key" ON "report"  ("schedule_key") WHERE schedule_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_buyer" ON "report"  ("buyer_organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_organisation" ON "report"  ("organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "report_file_chunk" ("report_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "pk_report_file_chunk" PRIMARY KEY ("report_id", "seq"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "report" ADD CONSTRAINT "fk_report_background_job" FOREIGN KEY ("id") REFERENCES "background_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_file_chunk" ADD CONSTRAINT "fk_report_file_chunk_report" FOREIGN KEY ("report_id") REFERENCES "report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_file_chunk" DROP CONSTRAINT "fk_report_file_chunk_report"`);
    await queryRunner.query(`ALTER TABLE "report" DROP CONSTRAINT "fk_report_background_job"`);
    await queryRunner.query(`DROP TABLE "report_file_chunk"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_buyer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_report_schedule_key"`);
    await queryRunner.query(`DROP TABLE "report"`);
    await queryRunner.query(`DROP TYPE "public"."report_format"`);
    await queryRunner.query(`DROP TYPE "public"."report_scope"`);
  }
}
