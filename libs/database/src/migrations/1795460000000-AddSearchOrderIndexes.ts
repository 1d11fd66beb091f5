import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes behind the search orders: nearest first reads the GiST KNN order on the offering's point (exists) or,
 * for enterprises, on the postcode areas and then the enterprises of each area by PC4; most recent first reads a
 * b-tree on updated_at. Each lets LIMIT stop after about a page of rows.
 */
export class AddSearchOrderIndexes1795460000000 implements MigrationInterface {
  name = 'AddSearchOrderIndexes1795460000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "ix_offering_recent" ON "offering" ("updated_at" DESC, "id" DESC) WHERE NOT hidden`,
    );
    await q.query(
      `CREATE INDEX "ix_postcode_area_earth" ON "postcode_area" USING gist (ll_to_earth(lat, lon))`,
    );
    await q.query(
      `CREATE INDEX "ix_organisation_pc4" ON "organisation" (left(postcode, 4)) WHERE kind = 'social_enterprise'`,
    );
    await q.query(
      `CREATE INDEX "ix_organisation_recent" ON "organisation" ("updated_at" DESC, "id" DESC) WHERE kind = 'social_enterprise'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const name of [
      'ix_organisation_recent',
      'ix_organisation_pc4',
      'ix_postcode_area_earth',
      'ix_offering_recent',
    ])
      await q.query(`DROP INDEX IF EXISTS "${name}"`);
  }
}
