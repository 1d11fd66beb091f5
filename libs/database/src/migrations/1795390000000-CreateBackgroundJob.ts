import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBackgroundJob1795390000000 implements MigrationInterface {
  name = 'CreateBackgroundJob1795390000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "background_job" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(60) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'queued', "progress" integer NOT NULL DEFAULT '0', "error" text, "result" jsonb, "dedupe_key" character varying(300), "queue" character varying(100) NOT NULL, "job_name" character varying(100) NOT NULL, "organisation_id" uuid, "user_id" uuid, "attempts" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_background_job" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_background_job_active_dedupe_key" ON "background_job" ("dedupe_key") WHERE dedupe_key IS NOT NULL AND status IN ('queued', 'running')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_background_job_organisation_id" ON "background_job" ("organisation_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "background_job"`);
  }
}
