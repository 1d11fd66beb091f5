import { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 34: challenges (with proposals and their matches), initiatives and pledges; links from tenders and contributions. */
export class CreateChallengesAndInitiatives1795620800000 implements MigrationInterface {
  name = 'CreateChallengesAndInitiatives1795620800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."challenge_status" AS ENUM('draft', 'open', 'judging', 'decided')`);
    await q.query(
      `CREATE TABLE "challenge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "buyer_organisation_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL, "theme" character varying(100) NOT NULL, "kind" character varying(20) NOT NULL, "deadline" character varying(40) NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, "area_postcode" character varying(7), "area_name" character varying(200), "cpv_codes" text array NOT NULL DEFAULT '{}', "target_groups" text array NOT NULL DEFAULT '{}', "budget_cents" bigint, "reward_description" text, "status" "public"."challenge_status" NOT NULL DEFAULT 'draft', "created_by" uuid NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "judging_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_challenge_kind" CHECK (kind IN ('open_call', 'competition')), CONSTRAINT "ck_challenge_budget" CHECK (budget_cents IS NULL OR budget_cents >= 0), CONSTRAINT "pk_challenge" PRIMARY KEY ("id"), CONSTRAINT "fk_challenge_buyer" FOREIGN KEY ("buyer_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT)`,
    );
    await q.query(`CREATE INDEX "ix_challenge_buyer" ON "challenge" ("buyer_organisation_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_challenge_status" ON "challenge" ("status", "created_at")`);
    // The worker's due-challenge sweep reads open challenges by closing time.
    await q.query(
      `CREATE INDEX "ix_challenge_open_closes_at" ON "challenge" ("closes_at") WHERE status = 'open'`,
    );
    await q.query(
      `CREATE TABLE "challenge_proposal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "summary" text NOT NULL, "approach" text NOT NULL, "requested_budget_cents" bigint, "partner_organisation_ids" uuid array NOT NULL DEFAULT '{}', "decision" character varying(20), "feedback" text, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "submitted_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_challenge_proposal_decision" CHECK (decision IS NULL OR decision IN ('shortlisted', 'winner', 'not_selected')), CONSTRAINT "ck_challenge_proposal_budget" CHECK (requested_budget_cents IS NULL OR requested_budget_cents >= 0), CONSTRAINT "pk_challenge_proposal" PRIMARY KEY ("id"), CONSTRAINT "fk_challenge_proposal_challenge" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE, CONSTRAINT "fk_challenge_proposal_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_challenge_proposal_organisation" ON "challenge_proposal" ("challenge_id", "organisation_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_challenge_proposal_organisation" ON "challenge_proposal" ("organisation_id")`,
    );
    await q.query(
      `CREATE INDEX "ix_challenge_proposal_partners" ON "challenge_proposal" USING gin ("partner_organisation_ids")`,
    );
    await q.query(
      `CREATE TABLE "challenge_match" ("challenge_id" uuid NOT NULL, "offering_id" uuid NOT NULL, "social_enterprise_id" uuid NOT NULL, "score" double precision NOT NULL, "reasons" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_challenge_match" PRIMARY KEY ("challenge_id", "offering_id"), CONSTRAINT "fk_challenge_match_challenge" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE, CONSTRAINT "fk_challenge_match_offering" FOREIGN KEY ("offering_id") REFERENCES "offering"("id") ON DELETE CASCADE)`,
    );
    await q.query(
      `CREATE INDEX "ix_challenge_match_enterprise" ON "challenge_match" ("social_enterprise_id")`,
    );

    await q.query(
      `CREATE TYPE "public"."initiative_status" AS ENUM('pitched', 'in_progress', 'realised', 'changed', 'stopped')`,
    );
    await q.query(
      `CREATE TABLE "initiative" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "summary" text NOT NULL, "postcode" character varying(7), "needs" jsonb NOT NULL, "status" "public"."initiative_status" NOT NULL DEFAULT 'pitched', "outcome_note" text, "organisation_id" uuid, "initiator_name" character varying(200) NOT NULL, "initiator_email" character varying(254), "for_resident" boolean NOT NULL DEFAULT false, "pitched_on" date NOT NULL, "pitch_event_name" character varying(200), "pitched_at_event" boolean NOT NULL DEFAULT false, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_initiative" PRIMARY KEY ("id"), CONSTRAINT "fk_initiative_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT)`,
    );
    await q.query(`CREATE INDEX "ix_initiative_status" ON "initiative" ("status", "created_at")`);
    await q.query(
      `CREATE INDEX "ix_initiative_organisation" ON "initiative" ("organisation_id", "created_at")`,
    );
    await q.query(`CREATE INDEX "ix_initiative_pitched_on" ON "initiative" ("pitched_on")`);
    await q.query(`CREATE TYPE "public"."pledge_status" AS ENUM('offered', 'accepted', 'delivered')`);
    await q.query(
      `CREATE TABLE "pledge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "initiative_id" uuid NOT NULL, "need_index" integer, "organisation_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "description" text NOT NULL, "amount_cents" bigint, "hours" numeric(9,2), "status" "public"."pledge_status" NOT NULL DEFAULT 'offered', "pledged_by" uuid NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_pledge_kind" CHECK (kind IN ('money', 'hours', 'goods', 'space', 'network')), CONSTRAINT "ck_pledge_amounts" CHECK ((amount_cents IS NULL OR amount_cents >= 0) AND (hours IS NULL OR hours >= 0)), CONSTRAINT "pk_pledge" PRIMARY KEY ("id"), CONSTRAINT "fk_pledge_initiative" FOREIGN KEY ("initiative_id") REFERENCES "initiative"("id") ON DELETE CASCADE, CONSTRAINT "fk_pledge_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE)`,
    );
    await q.query(`CREATE INDEX "ix_pledge_initiative" ON "pledge" ("initiative_id", "created_at")`);
    await q.query(`CREATE INDEX "ix_pledge_organisation" ON "pledge" ("organisation_id")`);

    // A tender may follow from a challenge; a contribution may come from a delivered pledge (counted once).
    await q.query(`ALTER TABLE "tender" ADD "challenge_id" uuid`);
    await q.query(
      `ALTER TABLE "tender" ADD CONSTRAINT "fk_tender_challenge" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE SET NULL`,
    );
    await q.query(
      `CREATE INDEX "ix_tender_challenge" ON "tender" ("challenge_id") WHERE challenge_id IS NOT NULL`,
    );
    await q.query(`ALTER TABLE "contribution" ADD "pledge_id" uuid`);
    await q.query(
      `ALTER TABLE "contribution" ADD CONSTRAINT "fk_contribution_pledge" FOREIGN KEY ("pledge_id") REFERENCES "pledge"("id") ON DELETE RESTRICT`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_contribution_pledge" ON "contribution" ("pledge_id") WHERE pledge_id IS NOT NULL AND status <> 'rejected'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."uq_contribution_pledge"`);
    await q.query(`ALTER TABLE "contribution" DROP CONSTRAINT "fk_contribution_pledge"`);
    await q.query(`ALTER TABLE "contribution" DROP COLUMN "pledge_id"`);
    await q.query(`DROP INDEX "public"."ix_tender_challenge"`);
    await q.query(`ALTER TABLE "tender" DROP CONSTRAINT "fk_tender_challenge"`);
    await q.query(`ALTER TABLE "tender" DROP COLUMN "challenge_id"`);
    await q.query(`DROP TABLE "pledge"`);
    await q.query(`DROP TYPE "public"."pledge_status"`);
    await q.query(`DROP TABLE "initiative"`);
    await q.query(`DROP TYPE "public"."initiative_status"`);
    await q.query(`DROP TABLE "challenge_match"`);
    await q.query(`DROP TABLE "challenge_proposal"`);
    await q.query(`DROP TABLE "challenge"`);
    await q.query(`DROP TYPE "public"."challenge_status"`);
  }
}
