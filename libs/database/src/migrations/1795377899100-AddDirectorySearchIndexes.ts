import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search indexes TypeORM cannot declare (GIN, GiST, trigram, expression). Their entities list them with
 * `synchronize: false` so the drift check leaves them alone.
 */
export class AddDirectorySearchIndexes1795377899100 implements MigrationInterface {
  name = 'AddDirectorySearchIndexes1795377899100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX "ix_cpv_code_search" ON "cpv_code" USING gin ("search_doc")');
    await q.query(
      `CREATE INDEX "ix_cpv_code_labels_trgm" ON "cpv_code" USING gin (immutable_unaccent(lower(label_nl || ' ' || label_en)) gin_trgm_ops)`,
    );
    await q.query('CREATE INDEX "ix_offering_search" ON "offering" USING gin ("search_doc")');
    await q.query('CREATE INDEX "ix_offering_cpv_ancestors" ON "offering" USING gin ("cpv_ancestors")');
    await q.query('CREATE INDEX "ix_offering_earth" ON "offering" USING gist (ll_to_earth(lat, lon))');
    await q.query(
      'CREATE INDEX "ix_social_enterprise_profile_search" ON "social_enterprise_profile" USING gin ("search_doc")',
    );
    await q.query(
      'CREATE INDEX "ix_social_enterprise_profile_target_groups" ON "social_enterprise_profile" USING gin ("target_groups")',
    );
    await q.query(
      'CREATE INDEX "ix_organisation_name_trgm" ON "organisation" USING gin (immutable_unaccent(lower(name)) gin_trgm_ops)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of [
      'ix_organisation_name_trgm',
      'ix_social_enterprise_profile_target_groups',
      'ix_social_enterprise_profile_search',
      'ix_offering_earth',
      'ix_offering_cpv_ancestors',
      'ix_offering_search',
      'ix_cpv_code_labels_trgm',
      'ix_cpv_code_search',
    ]) {
      await q.query(`DROP INDEX IF EXISTS "${name}"`);
    }
  }
}
