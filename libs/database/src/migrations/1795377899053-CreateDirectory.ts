import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDirectory1795377899053 implements MigrationInterface {
  name = 'CreateDirectory1795377899053';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."certification_type" AS ENUM('pso', 'pso_30plus', 'code_sociale_ondernemingen', 'sw_company', 'regional_recognised_se', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."pso_level" AS ENUM('aspirant', 'basistrede', 'trede_1', 'trede_2', 'trede_3')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."certification_status" AS ENUM('unverified', 'verified', 'rejected')`,
    );
    await queryRunner.query(
      `CREATE TABLE "certification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "type" "public"."certification_type" NOT NULL, "level" "public"."pso_level", "certificate_number" character varying(100), "valid_from" date NOT NULL, "valid_until" date, "status" "public"."certification_status" NOT NULL DEFAULT 'unverified', "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_certification" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_certification_organisation_type" ON "certification"  ("organisation_id", "type", "valid_from") `,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        queryRunner.connection.driver.database,
        'public',
        'cpv_code',
        'GENERATED_COLUMN',
        'search_doc',
        "to_tsvector('simple', immutable_unaccent(label_nl || ' ' || label_en)) || to_tsvector('dutch', immutable_unaccent(label_nl)) || to_tsvector('english', immutable_unaccent(label_en))",
      ],
    );
    await queryRunner.query(
      `CREATE TABLE "cpv_code" ("code" character(8) NOT NULL, "check_digit" character(1) NOT NULL, "level" character varying(12) NOT NULL, "parent" character(8), "label_en" text NOT NULL, "label_nl" text NOT NULL, "search_doc" tsvector GENERATED ALWAYS AS (to_tsvector('simple', immutable_unaccent(label_nl || ' ' || label_en)) || to_tsvector('dutch', immutable_unaccent(label_nl)) || to_tsvector('english', immutable_unaccent(label_en))) STORED NOT NULL, CONSTRAINT "pk_cpv_code" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_cpv_code_parent" ON "cpv_code"  ("parent") `);
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        queryRunner.connection.driver.database,
        'public',
        'offering',
        'GENERATED_COLUMN',
        'search_doc',
        "setweight(to_tsvector('simple', immutable_unaccent(title)), 'A') || setweight(to_tsvector('dutch', immutable_unaccent(title)), 'A') || setweight(to_tsvector('english', immutable_unaccent(title)), 'A') || setweight(to_tsvector('simple', immutable_unaccent(description)), 'B') || setweight(to_tsvector('dutch', immutable_unaccent(description)), 'B') || setweight(to_tsvector('english', immutable_unaccent(description)), 'B')",
      ],
    );
    await queryRunner.query(
      `CREATE TABLE "offering" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "cpv_codes" text array NOT NULL, "cpv_ancestors" text array NOT NULL, "price_indication_cents" bigint, "unit" character varying(40), "labour_share" numeric(4,3), "delivery_postcode" character varying(7), "delivery_radius_km" integer, "capacity_cents_per_month" bigint, "lat" double precision, "lon" double precision, "search_doc" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', immutable_unaccent(title)), 'A') || setweight(to_tsvector('dutch', immutable_unaccent(title)), 'A') || setweight(to_tsvector('english', immutable_unaccent(title)), 'A') || setweight(to_tsvector('simple', immutable_unaccent(description)), 'B') || setweight(to_tsvector('dutch', immutable_unaccent(description)), 'B') || setweight(to_tsvector('english', immutable_unaccent(description)), 'B')) STORED NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_offering" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_offering_organisation_id" ON "offering"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "postcode_area" ("pc4" character(4) NOT NULL, "place" character varying(100) NOT NULL, "municipality" character varying(100) NOT NULL, "province" character varying(60) NOT NULL, "lat" double precision NOT NULL, "lon" double precision NOT NULL, CONSTRAINT "pk_postcode_area" PRIMARY KEY ("pc4"))`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        queryRunner.connection.driver.database,
        'public',
        'social_enterprise_profile',
        'GENERATED_COLUMN',
        'search_doc',
        "to_tsvector('simple', immutable_unaccent(mission)) || to_tsvector('dutch', immutable_unaccent(mission)) || to_tsvector('english', immutable_unaccent(mission))",
      ],
    );
    await queryRunner.query(
      `CREATE TABLE "social_enterprise_profile" ("organisation_id" uuid NOT NULL, "mission" text NOT NULL DEFAULT '', "target_groups" text array NOT NULL DEFAULT '{}', "fte_total" numeric(9,2) NOT NULL DEFAULT '0', "fte_target_group" numeric(9,2) NOT NULL DEFAULT '0', "website" character varying(300), "service_radius_km" integer, "published" boolean NOT NULL DEFAULT true, "search_doc" tsvector GENERATED ALWAYS AS (to_tsvector('simple', immutable_unaccent(mission)) || to_tsvector('dutch', immutable_unaccent(mission)) || to_tsvector('english', immutable_unaccent(mission))) STORED NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_social_enterprise_profile" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "certification" ADD CONSTRAINT "fk_certification_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "offering" ADD CONSTRAINT "fk_offering_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "social_enterprise_profile" ADD CONSTRAINT "fk_social_enterprise_profile_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "social_enterprise_profile" DROP CONSTRAINT "fk_social_enterprise_profile_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "offering" DROP CONSTRAINT "fk_offering_organisation"`);
    await queryRunner.query(`ALTER TABLE "certification" DROP CONSTRAINT "fk_certification_organisation"`);
    await queryRunner.query(`DROP TABLE "social_enterprise_profile"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`,
      [
        'GENERATED_COLUMN',
        'search_doc',
        queryRunner.connection.driver.database,
        'public',
        'social_enterprise_profile',
      ],
    );
    await queryRunner.query(`DROP TABLE "postcode_area"`);
    await queryRunner.query(`DROP INDEX "public"."ix_offering_organisation_id"`);
    await queryRunner.query(`DROP TABLE "offering"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`,
      ['GENERATED_COLUMN', 'search_doc', queryRunner.connection.driver.database, 'public', 'offering'],
    );
    await queryRunner.query(`DROP INDEX "public"."ix_cpv_code_parent"`);
    await queryRunner.query(`DROP TABLE "cpv_code"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`,
      ['GENERATED_COLUMN', 'search_doc', queryRunner.connection.driver.database, 'public', 'cpv_code'],
    );
    await queryRunner.query(`DROP INDEX "public"."ix_certification_organisation_type"`);
    await queryRunner.query(`DROP TABLE "certification"`);
    await queryRunner.query(`DROP TYPE "public"."certification_status"`);
    await queryRunner.query(`DROP TYPE "public"."pso_level"`);
    await queryRunner.query(`DROP TYPE "public"."certification_type"`);
  }
}
