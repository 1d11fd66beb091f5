import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `match_offering_point`: what matching's candidate generation reads of every visible offering, one row per CPV
 * division the offering has codes in, kept in step by a trigger on `offering`.
 *
 * Candidates of an obligation are the nearest visible offerings of its divisions whose delivery radius reaches
 * its point. On the offering table that is a bitmap scan of a whole division's wide rows: 36,000 offerings of
 * division 45 on 21,000 heap pages took 260 ms of a 480 ms candidate query at 100k enterprises. Here it is an
 * index-only scan of the primary key, whose leaf entries carry the point (as the earth coordinates the distance
 * is computed from, with exactly the expressions `matching.sql.ts` uses) and the radius.
 *
 * Hidden offerings have no rows; an offering without a delivery point has null coordinates.
 */
export class AddMatchOfferingPoint1795490000000 implements MigrationInterface {
  name = 'AddMatchOfferingPoint1795490000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "match_offering_point" (
      "division" int2 NOT NULL,
      "offering_id" uuid NOT NULL,
      "x" double precision,
      "y" double precision,
      "z" double precision,
      "delivery_radius_km" integer,
      CONSTRAINT "pk_match_offering_point" PRIMARY KEY ("division", "offering_id")
        INCLUDE ("x", "y", "z", "delivery_radius_km"),
      CONSTRAINT "fk_match_offering_point_offering" FOREIGN KEY ("offering_id") REFERENCES "offering"("id") ON DELETE CASCADE
    )`);
    await q.query(
      `CREATE INDEX "ix_match_offering_point_offering" ON "match_offering_point" ("offering_id")`,
    );
    await q.query(`CREATE FUNCTION match_offering_point_rows(o offering)
      RETURNS TABLE (division int2, offering_id uuid, x float8, y float8, z float8, delivery_radius_km int)
      LANGUAGE sql STABLE AS $$
  SELECT DISTINCT left(c, 2)::int2, o.id,
         6378168::float8 * cos(radians(o.lat)) * cos(radians(o.lon)),
         6378168::float8 * cos(radians(o.lat)) * sin(radians(o.lon)),
         6378168::float8 * sin(radians(o.lat)),
         o.delivery_radius_km
    FROM unnest(o.cpv_codes) AS c
   WHERE NOT o.hidden
$$`);
    await q.query(`CREATE FUNCTION match_offering_point_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM match_offering_point WHERE offering_id = OLD.id;
  END IF;
  INSERT INTO match_offering_point SELECT * FROM match_offering_point_rows(NEW);
  RETURN NULL;
END $$`);
    await q.query(
      `CREATE TRIGGER "trg_match_offering_point_sync"
         AFTER INSERT OR UPDATE OF cpv_codes, lat, lon, delivery_radius_km, hidden ON "offering"
         FOR EACH ROW EXECUTE FUNCTION match_offering_point_sync()`,
    );
    await q.query(
      `INSERT INTO "match_offering_point" SELECT p.* FROM "offering" o CROSS JOIN LATERAL match_offering_point_rows(o) p`,
    );
    await q.query(`ANALYZE "match_offering_point"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS "trg_match_offering_point_sync" ON "offering"`);
    await q.query(`DROP FUNCTION IF EXISTS match_offering_point_sync()`);
    await q.query(`DROP FUNCTION IF EXISTS match_offering_point_rows(offering)`);
    await q.query(`DROP TABLE IF EXISTS "match_offering_point"`);
  }
}
