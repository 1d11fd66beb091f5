import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The same supplier invoice counts once platform-wide: a partial unique index over non-rejected purchase
 * claims, so concurrent submissions cannot both win. (Declared `synchronize: false` in the entity: TypeORM
 * cannot express this index.)
 */
export class AddInvoiceUniqueness1795378592200 implements MigrationInterface {
  name = 'AddInvoiceUniqueness1795378592200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNIQUE INDEX "uq_contribution_invoice" ON "contribution" ("supplier_organisation_id", "invoice_key")
       WHERE category = 'social_purchase' AND status <> 'rejected'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS "uq_contribution_invoice"');
  }
}
