import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMarketplace1795410000000 implements MigrationInterface {
  name = 'CreateMarketplace1795410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "quote_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "obligation_id" uuid NOT NULL, "offering_id" uuid, "offering_title" character varying(200) NOT NULL, "contractor_organisation_id" uuid NOT NULL, "social_enterprise_id" uuid NOT NULL, "buyer_organisation_id" uuid NOT NULL, "description" text NOT NULL, "budget_cents" bigint, "needed_by" date, "status" character varying(20) NOT NULL DEFAULT 'open', "decline_reason" text, "answered_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_quote_request_budget" CHECK (budget_cents IS NULL OR budget_cents > 0), CONSTRAINT "ck_quote_request_status" CHECK (status IN ('open', 'quoted', 'declined', 'ordered')), CONSTRAINT "pk_quote_request" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_quote_request_offering" ON "quote_request"  ("offering_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_quote_request_obligation" ON "quote_request"  ("obligation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_quote_request_buyer" ON "quote_request"  ("buyer_organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_quote_request_social_enterprise" ON "quote_request"  ("social_enterprise_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_quote_request_contractor" ON "quote_request"  ("contractor_organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "quote" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quote_request_id" uuid NOT NULL, "amount_cents" bigint NOT NULL, "valid_until" date NOT NULL, "message" text, "status" character varying(20) NOT NULL DEFAULT 'open', "projected_credit_cents" bigint NOT NULL, "created_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_quote_amount" CHECK (amount_cents > 0), CONSTRAINT "ck_quote_status" CHECK (status IN ('open', 'accepted', 'rejected', 'superseded')), CONSTRAINT "pk_quote" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_quote_quote_request" ON "quote"  ("quote_request_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "purchase_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quote_id" uuid NOT NULL, "quote_request_id" uuid NOT NULL, "obligation_id" uuid NOT NULL, "contractor_organisation_id" uuid NOT NULL, "social_enterprise_id" uuid NOT NULL, "buyer_organisation_id" uuid NOT NULL, "amount_cents" bigint NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'open', "created_by" uuid NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_purchase_order_status" CHECK (status IN ('open', 'completed')), CONSTRAINT "pk_purchase_order" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_purchase_order_obligation" ON "purchase_order"  ("obligation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_purchase_order_buyer" ON "purchase_order"  ("buyer_organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_purchase_order_social_enterprise" ON "purchase_order"  ("social_enterprise_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_purchase_order_contractor" ON "purchase_order"  ("contractor_organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_purchase_order_quote" ON "purchase_order"  ("quote_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "invoice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "social_enterprise_id" uuid NOT NULL, "invoice_number" character varying(60) NOT NULL, "invoice_key" character varying(100) NOT NULL, "invoice_date" date NOT NULL, "amount_cents" bigint NOT NULL, "contribution_id" uuid NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_invoice_amount" CHECK (amount_cents > 0), CONSTRAINT "pk_invoice" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_invoice_supplier_number" ON "invoice"  ("social_enterprise_id", "invoice_key") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_invoice_contribution" ON "invoice"  ("contribution_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_invoice_order" ON "invoice"  ("order_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "contribution" ADD "order_id" uuid`);
    await queryRunner.query(
      `CREATE INDEX "ix_contribution_order" ON "contribution"  ("order_id") WHERE order_id IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "quote_request" ADD CONSTRAINT "fk_quote_request_obligation" FOREIGN KEY ("obligation_id") REFERENCES "obligation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quote_request" ADD CONSTRAINT "fk_quote_request_offering" FOREIGN KEY ("offering_id") REFERENCES "offering"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quote_request" ADD CONSTRAINT "fk_quote_request_contractor" FOREIGN KEY ("contractor_organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quote_request" ADD CONSTRAINT "fk_quote_request_social_enterprise" FOREIGN KEY ("social_enterprise_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quote" ADD CONSTRAINT "fk_quote_quote_request" FOREIGN KEY ("quote_request_id") REFERENCES "quote_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "purchase_order" ADD CONSTRAINT "fk_purchase_order_quote" FOREIGN KEY ("quote_id") REFERENCES "quote"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "purchase_order" ADD CONSTRAINT "fk_purchase_order_quote_request" FOREIGN KEY ("quote_request_id") REFERENCES "quote_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "purchase_order" ADD CONSTRAINT "fk_purchase_order_obligation" FOREIGN KEY ("obligation_id") REFERENCES "obligation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contribution" ADD CONSTRAINT "fk_contribution_order" FOREIGN KEY ("order_id") REFERENCES "purchase_order"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice" ADD CONSTRAINT "fk_invoice_order" FOREIGN KEY ("order_id") REFERENCES "purchase_order"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "invoice" ADD CONSTRAINT "fk_invoice_contribution" FOREIGN KEY ("contribution_id") REFERENCES "contribution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "fk_invoice_contribution"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "fk_invoice_order"`);
    await queryRunner.query(`ALTER TABLE "contribution" DROP CONSTRAINT "fk_contribution_order"`);
    await queryRunner.query(`ALTER TABLE "purchase_order" DROP CONSTRAINT "fk_purchase_order_obligation"`);
    await queryRunner.query(`ALTER TABLE "purchase_order" DROP CONSTRAINT "fk_purchase_order_quote_request"`);
    await queryRunner.query(`ALTER TABLE "purchase_order" DROP CONSTRAINT "fk_purchase_order_quote"`);
    await queryRunner.query(`ALTER TABLE "quote" DROP CONSTRAINT "fk_quote_quote_request"`);
    await queryRunner.query(
      `ALTER TABLE "quote_request" DROP CONSTRAINT "fk_quote_request_social_enterprise"`,
    );
    await queryRunner.query(`ALTER TABLE "quote_request" DROP CONSTRAINT "fk_quote_request_contractor"`);
    await queryRunner.query(`ALTER TABLE "quote_request" DROP CONSTRAINT "fk_quote_request_offering"`);
    await queryRunner.query(`ALTER TABLE "quote_request" DROP CONSTRAINT "fk_quote_request_obligation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_contribution_order"`);
    await queryRunner.query(`ALTER TABLE "contribution" DROP COLUMN "order_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_invoice_order"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_contribution"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoice_supplier_number"`);
    await queryRunner.query(`DROP TABLE "invoice"`);
    await queryRunner.query(`DROP INDEX "public"."uq_purchase_order_quote"`);
    await queryRunner.query(`DROP INDEX "public"."ix_purchase_order_contractor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_purchase_order_social_enterprise"`);
    await queryRunner.query(`DROP INDEX "public"."ix_purchase_order_buyer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_purchase_order_obligation"`);
    await queryRunner.query(`DROP TABLE "purchase_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quote_quote_request"`);
    await queryRunner.query(`DROP TABLE "quote"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quote_request_contractor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quote_request_social_enterprise"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quote_request_buyer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quote_request_obligation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quote_request_offering"`);
    await queryRunner.query(`DROP TABLE "quote_request"`);
  }
}
