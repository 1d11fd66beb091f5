import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open data: OCDS imports (package metadata and one row per release), awards of imported tenders, tenders marked by
 * source with the OCDS fields, and external buyer organisations. Imported tenders may lack what platform tenders
 * require (SROI policy, author, contract period, value, category): those columns become nullable, and a check keeps
 * them required for the platform's own tenders.
 */

export class AddOcdsInterop1795430000000 implements MigrationInterface {
  name = 'AddOcdsInterop1795430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "ocds_import" ("id" uuid NOT NULL, "organisation_id" uuid, "user_id" uuid NOT NULL, "package_meta" jsonb NOT NULL, "release_count" integer NOT NULL, "sha256" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_ocds_import" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ocds_import_organisation" ON "ocds_import"  ("organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ocds_import_release" ("import_id" uuid NOT NULL, "position" integer NOT NULL, "ocid" character varying(300), "body" jsonb NOT NULL, CONSTRAINT "pk_ocds_import_release" PRIMARY KEY ("import_id", "position"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ocds_import_release_ocid" ON "ocds_import_release"  ("import_id", "ocid", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ocds_award" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tender_id" uuid NOT NULL, "award_id" character varying(300) NOT NULL, "title" character varying(300), "status" character varying(30), "date" TIMESTAMP WITH TIME ZONE, "value_cents" bigint, "currency" character(3), "suppliers" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "pk_ocds_award" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_ocds_award_tender_award" ON "ocds_award"  ("tender_id", "award_id") `,
    );
    await queryRunner.query(`ALTER TABLE "organisation" ADD "external" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "external_ref" character varying(400)`);
    await queryRunner.query(`CREATE TYPE "public"."tender_source" AS ENUM('platform', 'ocds')`);
    await queryRunner.query(
      `ALTER TABLE "tender" ADD "source" "public"."tender_source" NOT NULL DEFAULT 'platform'`,
    );
    await queryRunner.query(`ALTER TABLE "tender" ADD "ocid" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "tender" ADD "publisher" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "tender" ADD "buyer_name" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "tender" ADD "suitable_for_sme" boolean`);
    await queryRunner.query(`ALTER TABLE "tender" ADD "suitable_for_vcse" boolean`);
    await queryRunner.query(`ALTER TABLE "tender" ADD "ocds_status" character varying(30)`);
    await queryRunner.query(`ALTER TABLE "tender" ADD "lots" jsonb`);
    await queryRunner.query(`ALTER TABLE "tender" ADD "ocds_release_date" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "tender" ADD "ocds_release_id" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "tender" ADD "ocds_hash" character(64)`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "main_procurement_category" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "estimated_value_cents" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "contract_start" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "contract_end" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "sroi_policy_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "created_by" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisation_external_ref" ON "organisation"  ("external_ref") WHERE external_ref IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_tender_source" ON "tender"  ("source", "created_at") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_tender_ocid" ON "tender"  ("ocid") WHERE ocid IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "tender" ADD CONSTRAINT "ck_tender_ocds_ocid" CHECK (source = 'platform' OR ocid IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "tender" ADD CONSTRAINT "ck_tender_platform_fields" CHECK (source = 'ocds' OR (sroi_policy_id IS NOT NULL AND created_by IS NOT NULL AND contract_start IS NOT NULL AND contract_end IS NOT NULL AND estimated_value_cents IS NOT NULL AND main_procurement_category IS NOT NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "ocds_import" ADD CONSTRAINT "fk_ocds_import_background_job" FOREIGN KEY ("id") REFERENCES "background_job"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ocds_import_release" ADD CONSTRAINT "fk_ocds_import_release_import" FOREIGN KEY ("import_id") REFERENCES "ocds_import"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ocds_award" ADD CONSTRAINT "fk_ocds_award_tender" FOREIGN KEY ("tender_id") REFERENCES "tender"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Imported tenders and their external buyers cannot exist under the old NOT NULL columns.
    await queryRunner.query(`DELETE FROM "tender" WHERE "source" = 'ocds'`);
    await queryRunner.query(`DELETE FROM "organisation" WHERE "external"`);
    await queryRunner.query(`ALTER TABLE "ocds_award" DROP CONSTRAINT "fk_ocds_award_tender"`);
    await queryRunner.query(
      `ALTER TABLE "ocds_import_release" DROP CONSTRAINT "fk_ocds_import_release_import"`,
    );
    await queryRunner.query(`ALTER TABLE "ocds_import" DROP CONSTRAINT "fk_ocds_import_background_job"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP CONSTRAINT "ck_tender_platform_fields"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP CONSTRAINT "ck_tender_ocds_ocid"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tender_ocid"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tender_source"`);
    await queryRunner.query(`DROP INDEX "public"."uq_organisation_external_ref"`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "created_by" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "sroi_policy_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "contract_end" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "contract_start" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "estimated_value_cents" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" ALTER COLUMN "main_procurement_category" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "ocds_hash"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "ocds_release_id"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "ocds_release_date"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "lots"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "ocds_status"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "suitable_for_vcse"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "suitable_for_sme"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "buyer_name"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "publisher"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "ocid"`);
    await queryRunner.query(`ALTER TABLE "tender" DROP COLUMN "source"`);
    await queryRunner.query(`DROP TYPE "public"."tender_source"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "external_ref"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "external"`);
    await queryRunner.query(`DROP INDEX "public"."uq_ocds_award_tender_award"`);
    await queryRunner.query(`DROP TABLE "ocds_award"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ocds_import_release_ocid"`);
    await queryRunner.query(`DROP TABLE "ocds_import_release"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ocds_import_organisation"`);
    await queryRunner.query(`DROP TABLE "ocds_import"`);
  }
}
