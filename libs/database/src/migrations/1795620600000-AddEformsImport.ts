import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * eForms notices (TenderNed, TED): tenders get a third source, `eforms`, keyed by the procedure id
 * (`cbc:ContractFolderID`), with the notice id, type and link, the reservation, social objectives, strategic
 * procurement, NUTS code and the Dutch and English texts. An upload is stored one notice per row
 * (`eforms_import_notice`), so the worker reads it a batch at a time.
 */
export class AddEformsImport1795620600000 implements MigrationInterface {
  name = 'AddEformsImport1795620600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE "public"."tender_source" ADD VALUE IF NOT EXISTS 'eforms'`);
    await q.query(`ALTER TABLE "tender" ADD "procedure_id" character varying(300)`);
    await q.query(`ALTER TABLE "tender" ADD "notice_id" character varying(120)`);
    await q.query(`ALTER TABLE "tender" ADD "notice_type" character varying(40)`);
    await q.query(`ALTER TABLE "tender" ADD "notice_url" character varying(500)`);
    await q.query(`ALTER TABLE "tender" ADD "reserved" character varying(30)`);
    await q.query(`ALTER TABLE "tender" ADD "social_objectives" text array`);
    await q.query(`ALTER TABLE "tender" ADD "strategic_procurement" text array`);
    await q.query(`ALTER TABLE "tender" ADD "nuts_code" character varying(10)`);
    await q.query(`ALTER TABLE "tender" ADD "translations" jsonb`);
    await q.query(
      `ALTER TABLE "tender" ADD CONSTRAINT "ck_tender_reserved" CHECK (reserved IN ('sheltered_workshops', 'public_service_mission'))`,
    );
    // Compared as text: the new enum value cannot be used in the transaction that adds it.
    await q.query(`ALTER TABLE "tender" DROP CONSTRAINT "ck_tender_platform_fields"`);
    await q.query(
      `ALTER TABLE "tender" ADD CONSTRAINT "ck_tender_platform_fields" CHECK (source::text <> 'platform' OR (sroi_policy_id IS NOT NULL AND created_by IS NOT NULL AND contract_start IS NOT NULL AND contract_end IS NOT NULL AND estimated_value_cents IS NOT NULL AND main_procurement_category IS NOT NULL))`,
    );
    await q.query(`ALTER TABLE "tender" DROP CONSTRAINT "ck_tender_ocds_ocid"`);
    await q.query(
      `ALTER TABLE "tender" ADD CONSTRAINT "ck_tender_ocds_ocid" CHECK (source::text <> 'ocds' OR ocid IS NOT NULL)`,
    );
    await q.query(
      `ALTER TABLE "tender" ADD CONSTRAINT "ck_tender_eforms_procedure" CHECK (source::text <> 'eforms' OR procedure_id IS NOT NULL)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_tender_procedure_id" ON "tender" ("procedure_id") WHERE procedure_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "ix_tender_reserved" ON "tender" ("reserved", "created_at") WHERE reserved IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "eforms_import" ("id" uuid NOT NULL, "organisation_id" uuid, "user_id" uuid NOT NULL, "notice_count" integer NOT NULL, "sha256" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_eforms_import" PRIMARY KEY ("id"), CONSTRAINT "fk_eforms_import_background_job" FOREIGN KEY ("id") REFERENCES "background_job"("id") ON DELETE CASCADE)`,
    );
    await q.query(
      `CREATE TABLE "eforms_import_notice" ("import_id" uuid NOT NULL, "position" integer NOT NULL, "name" character varying(500) NOT NULL, "xml" text NOT NULL, CONSTRAINT "pk_eforms_import_notice" PRIMARY KEY ("import_id", "position"), CONSTRAINT "fk_eforms_import_notice_import" FOREIGN KEY ("import_id") REFERENCES "eforms_import"("id") ON DELETE CASCADE)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "eforms_import_notice"`);
    await q.query(`DROP TABLE "eforms_import"`);
    await q.query(`DELETE FROM "tender" WHERE source::text = 'eforms'`);
    await q.query(`DROP INDEX "public"."ix_tender_reserved"`);
    await q.query(`DROP INDEX "public"."uq_tender_procedure_id"`);
    await q.query(`ALTER TABLE "tender" DROP CONSTRAINT "ck_tender_eforms_procedure"`);
    await q.query(`ALTER TABLE "tender" DROP CONSTRAINT "ck_tender_ocds_ocid"`);
    await q.query(
      `ALTER TABLE "tender" ADD CONSTRAINT "ck_tender_ocds_ocid" CHECK (source = 'platform' OR ocid IS NOT NULL)`,
    );
    await q.query(`ALTER TABLE "tender" DROP CONSTRAINT "ck_tender_platform_fields"`);
    await q.query(
      `ALTER TABLE "tender" ADD CONSTRAINT "ck_tender_platform_fields" CHECK (source = 'ocds' OR (sroi_policy_id IS NOT NULL AND created_by IS NOT NULL AND contract_start IS NOT NULL AND contract_end IS NOT NULL AND estimated_value_cents IS NOT NULL AND main_procurement_category IS NOT NULL))`,
    );
    await q.query(`ALTER TABLE "tender" DROP CONSTRAINT "ck_tender_reserved"`);
    for (const c of [
      'translations',
      'nuts_code',
      'strategic_procurement',
      'social_objectives',
      'reserved',
      'notice_url',
      'notice_type',
      'notice_id',
      'procedure_id',
    ])
      await q.query(`ALTER TABLE "tender" DROP COLUMN "${c}"`);
    // PostgreSQL cannot drop an enum value: 'eforms' stays in tender_source (unused).
  }
}
