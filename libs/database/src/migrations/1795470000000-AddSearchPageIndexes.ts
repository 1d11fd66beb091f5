import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets the enterprise search cut its page from the narrow organisation rows: "published" becomes a probe into a
 * partial index of the few unpublished profiles instead of a read of every candidate's wide profile row (mission
 * and search document).
 */
export class AddSearchPageIndexes1795470000000 implements MigrationInterface {
  name = 'AddSearchPageIndexes1795470000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "ix_social_enterprise_profile_unpublished" ON "social_enterprise_profile" ("organisation_id") WHERE NOT published`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "ix_social_enterprise_profile_unpublished"`);
  }
}
