import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 32: notifications carry their kind's params and link (text rendered per reader's language), read state per
 * user, user preferences (language, email), email deliveries (one row per notification and recipient, or per
 * digest) and suppressed addresses (permanent failures and bounces).
 */
export class NotificationsAndEmail1795610700000 implements MigrationInterface {
  name = 'NotificationsAndEmail1795610700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notification" ADD "params" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "notification" ADD "link" character varying(300)`);
    await q.query(
      `CREATE TABLE "notification_read" (
        "notification_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "read_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_notification_read" PRIMARY KEY ("notification_id", "user_id"),
        CONSTRAINT "fk_notification_read_notification" FOREIGN KEY ("notification_id")
          REFERENCES "notification"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_notification_read_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE
      )`,
    );
    await q.query(
      `CREATE INDEX "ix_notification_read_user_id" ON "notification_read" ("user_id", "notification_id")`,
    );
    // Earlier organisation-wide read marks become every member's.
    await q.query(
      `INSERT INTO "notification_read" ("notification_id", "user_id", "read_at")
       SELECT n.id, u.id, n.read_at FROM "notification" n JOIN "app_user" u ON u.organisation_id = n.organisation_id
       WHERE n.read_at IS NOT NULL`,
    );
    await q.query(
      `CREATE TABLE "user_preference" (
        "user_id" uuid NOT NULL,
        "language" character varying(2) NOT NULL DEFAULT 'nl',
        "email" character varying(12) NOT NULL DEFAULT 'immediately',
        "digest_until" TIMESTAMP WITH TIME ZONE,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_user_preference" PRIMARY KEY ("user_id"),
        CONSTRAINT "ck_user_preference_language" CHECK ("language" IN ('nl', 'en')),
        CONSTRAINT "ck_user_preference_email" CHECK ("email" IN ('immediately', 'daily', 'off')),
        CONSTRAINT "fk_user_preference_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE
      )`,
    );
    await q.query(
      `CREATE TABLE "email_delivery" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "notification_id" uuid,
        "digest_date" date,
        "digest_notification_ids" uuid[] NOT NULL DEFAULT '{}',
        "user_id" uuid NOT NULL,
        "address" character varying(254) NOT NULL,
        "message_id" character varying(300) NOT NULL,
        "status" character varying(10) NOT NULL DEFAULT 'queued',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_email_delivery" PRIMARY KEY ("id"),
        CONSTRAINT "ck_email_delivery_status" CHECK ("status" IN ('queued', 'sent', 'failed', 'bounced')),
        CONSTRAINT "ck_email_delivery_subject" CHECK (("notification_id" IS NULL) <> ("digest_date" IS NULL)),
        CONSTRAINT "fk_email_delivery_notification" FOREIGN KEY ("notification_id")
          REFERENCES "notification"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_email_delivery_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE
      )`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_email_delivery_notification_user" ON "email_delivery" ("notification_id", "user_id")
       WHERE notification_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_email_delivery_digest_user" ON "email_delivery" ("digest_date", "user_id")
       WHERE digest_date IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "ix_email_delivery_status" ON "email_delivery" ("status", "created_at")`);
    await q.query(
      `CREATE TABLE "email_suppression" (
        "address" character varying(254) NOT NULL,
        "reason" character varying(20) NOT NULL,
        "detail" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_email_suppression" PRIMARY KEY ("address")
      )`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "email_suppression"`);
    await q.query(`DROP TABLE "email_delivery"`);
    await q.query(`DROP TABLE "user_preference"`);
    await q.query(`DROP TABLE "notification_read"`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "link"`);
    await q.query(`ALTER TABLE "notification" DROP COLUMN "params"`);
  }
}
