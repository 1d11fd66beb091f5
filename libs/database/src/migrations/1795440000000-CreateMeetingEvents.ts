import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMeetingEvents1795440000000 implements MigrationInterface {
  name = 'CreateMeetingEvents1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."meeting_event_status" AS ENUM('draft', 'open', 'closed')`);
    await queryRunner.query(
      `CREATE TABLE "meeting_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "buyer_organisation_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT '', "date" date NOT NULL, "start_time" character varying(5) NOT NULL, "end_time" character varying(5) NOT NULL, "slot_minutes" integer NOT NULL, "tables" integer NOT NULL, "postcode" character varying(7) NOT NULL, "status" "public"."meeting_event_status" NOT NULL DEFAULT 'draft', "schedule_revision" integer NOT NULL DEFAULT '0', "scheduled_at" TIMESTAMP WITH TIME ZONE, "schedule_summary" jsonb, "created_by" uuid NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_meeting_event_slot_minutes" CHECK (slot_minutes >= 5), CONSTRAINT "ck_meeting_event_tables" CHECK (tables >= 1), CONSTRAINT "ck_meeting_event_hours" CHECK (start_time < end_time), CONSTRAINT "pk_meeting_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_meeting_event_status" ON "meeting_event"  ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_meeting_event_buyer" ON "meeting_event"  ("buyer_organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "event_registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "available_from" character varying(5), "available_until" character varying(5), "max_meetings" integer NOT NULL, "wishes" uuid array NOT NULL DEFAULT '{}', "registered_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_event_registration_kind" CHECK (kind IN ('contractor', 'social_enterprise')), CONSTRAINT "ck_event_registration_max_meetings" CHECK (max_meetings >= 1), CONSTRAINT "pk_event_registration" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_event_registration_organisation" ON "event_registration"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_event_registration_organisation" ON "event_registration"  ("event_id", "organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "event_meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "contractor_organisation_id" uuid NOT NULL, "social_enterprise_organisation_id" uuid NOT NULL, "slot" integer NOT NULL, "table_number" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "score" double precision NOT NULL, "weight" double precision NOT NULL, "reasons" jsonb NOT NULL, "obligation_id" uuid, "offering_id" uuid, "wished_by" uuid array NOT NULL DEFAULT '{}', "schedule_revision" integer NOT NULL, "outcome" character varying(20), "outcome_note" text, "outcome_by_organisation_id" uuid, "outcome_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_event_meeting_outcome" CHECK (outcome IS NULL OR outcome IN ('follow_up', 'no_fit', 'no_show')), CONSTRAINT "ck_event_meeting_table" CHECK (table_number >= 1), CONSTRAINT "pk_event_meeting" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_event_meeting_enterprise" ON "event_meeting"  ("social_enterprise_organisation_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_event_meeting_enterprise_slot" ON "event_meeting"  ("event_id", "social_enterprise_organisation_id", "slot") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_event_meeting_contractor_slot" ON "event_meeting"  ("event_id", "contractor_organisation_id", "slot") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_event_meeting_table" ON "event_meeting"  ("event_id", "slot", "table_number") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_event_meeting_pair" ON "event_meeting"  ("event_id", "contractor_organisation_id", "social_enterprise_organisation_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "meeting_event" ADD CONSTRAINT "fk_meeting_event_buyer" FOREIGN KEY ("buyer_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_registration" ADD CONSTRAINT "fk_event_registration_event" FOREIGN KEY ("event_id") REFERENCES "meeting_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_registration" ADD CONSTRAINT "fk_event_registration_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_meeting" ADD CONSTRAINT "fk_event_meeting_event" FOREIGN KEY ("event_id") REFERENCES "meeting_event"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_meeting" DROP CONSTRAINT "fk_event_meeting_event"`);
    await queryRunner.query(
      `ALTER TABLE "event_registration" DROP CONSTRAINT "fk_event_registration_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "event_registration" DROP CONSTRAINT "fk_event_registration_event"`);
    await queryRunner.query(`ALTER TABLE "meeting_event" DROP CONSTRAINT "fk_meeting_event_buyer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_event_meeting_pair"`);
    await queryRunner.query(`DROP INDEX "public"."uq_event_meeting_table"`);
    await queryRunner.query(`DROP INDEX "public"."uq_event_meeting_contractor_slot"`);
    await queryRunner.query(`DROP INDEX "public"."uq_event_meeting_enterprise_slot"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_meeting_enterprise"`);
    await queryRunner.query(`DROP TABLE "event_meeting"`);
    await queryRunner.query(`DROP INDEX "public"."uq_event_registration_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_registration_organisation"`);
    await queryRunner.query(`DROP TABLE "event_registration"`);
    await queryRunner.query(`DROP INDEX "public"."ix_meeting_event_buyer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_meeting_event_status"`);
    await queryRunner.query(`DROP TABLE "meeting_event"`);
    await queryRunner.query(`DROP TYPE "public"."meeting_event_status"`);
  }
}
