import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Narrow rows for the directory search, so a page is cut without reading wide rows.
 *
 * - `offering_search`: per offering only what the word search reads (search document, and the filter and sort
 *   columns), kept in step by a trigger on `offering`. A common word is found by a scan that stops after
 *   CANDIDATE_CAP matches; on the offering table that scan reads about 1.8 kB rows whose search document is often
 *   stored out of line (TOAST), here about 1.2 kB rows with the document in line (toast_tuple_target), 2-3 times
 *   faster on the 100k data set. It is filled in the offering table's physical order, so a common word's capped
 *   candidates stay (nearly all) the same rows.
 * - `ix_offering_search_earth_cpv`: the delivery point and the CPV codes with their ancestors (as integers, intarray)
 *   in one GiST index, so nearest first with a CPV subtree checks the subtree in the index while the KNN scan walks
 *   outwards instead of on each row it reads (a rare code read 3,800 pages for a page of results; now about 250).
 * - `ix_social_enterprise_profile_unpublished`: "published" becomes a probe into a partial index of the few
 *   unpublished profiles instead of a read of every candidate's wide profile row (mission and search document).
 */
export class AddSearchPageIndexes1795470000000 implements MigrationInterface {
  name = 'AddSearchPageIndexes1795470000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS intarray`);
    await q.query(`CREATE TABLE "offering_search" (
      "offering_id" uuid NOT NULL,
      "organisation_id" uuid NOT NULL,
      "hidden" boolean NOT NULL,
      "lat" double precision,
      "lon" double precision,
      "cpv_ids" int4[] NOT NULL,
      "search_doc" tsvector NOT NULL,
      CONSTRAINT "pk_offering_search" PRIMARY KEY ("offering_id"),
      CONSTRAINT "fk_offering_search_offering" FOREIGN KEY ("offering_id") REFERENCES "offering"("id") ON DELETE CASCADE
    ) WITH (toast_tuple_target = 8160)`);
    await q.query(`CREATE FUNCTION offering_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO offering_search (offering_id, organisation_id, hidden, lat, lon, cpv_ids, search_doc)
  VALUES (NEW.id, NEW.organisation_id, NEW.hidden, NEW.lat, NEW.lon, NEW.cpv_ancestors::int4[], NEW.search_doc)
  ON CONFLICT (offering_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, hidden = EXCLUDED.hidden,
    lat = EXCLUDED.lat, lon = EXCLUDED.lon, cpv_ids = EXCLUDED.cpv_ids, search_doc = EXCLUDED.search_doc;
  RETURN NULL;
END $$`);
    await q.query(
      `CREATE TRIGGER "trg_offering_search_sync" AFTER INSERT OR UPDATE ON "offering" FOR EACH ROW EXECUTE FUNCTION offering_search_sync()`,
    );
    await q.query(`SET LOCAL synchronize_seqscans = off`);
    await q.query(
      `INSERT INTO "offering_search" SELECT id, organisation_id, hidden, lat, lon, cpv_ancestors::int4[], search_doc FROM "offering"`,
    );
    await q.query(`CREATE INDEX "ix_offering_search_doc" ON "offering_search" USING gin ("search_doc")`);
    await q.query(
      `CREATE INDEX "ix_offering_search_earth_cpv" ON "offering_search" USING gist (ll_to_earth(lat, lon), "cpv_ids" gist__intbig_ops)`,
    );
    await q.query(`ANALYZE "offering_search"`);
    await q.query(
      `CREATE INDEX "ix_social_enterprise_profile_unpublished" ON "social_enterprise_profile" ("organisation_id") WHERE NOT published`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "ix_social_enterprise_profile_unpublished"`);
    await q.query(`DROP TRIGGER IF EXISTS "trg_offering_search_sync" ON "offering"`);
    await q.query(`DROP FUNCTION IF EXISTS offering_search_sync()`);
    await q.query(`DROP TABLE IF EXISTS "offering_search"`);
    await q.query(`DROP EXTENSION IF EXISTS intarray`);
  }
}
