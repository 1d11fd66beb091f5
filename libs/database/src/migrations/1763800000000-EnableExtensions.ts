import { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions every later migration may use; search needs pg_trgm and unaccent (wrapped immutable). */
export class EnableExtensions1763800000000 implements MigrationInterface {
  name = 'EnableExtensions1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await q.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await q.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    await q.query('CREATE EXTENSION IF NOT EXISTS cube');
    await q.query('CREATE EXTENSION IF NOT EXISTS earthdistance');
    // unaccent() is STABLE (it depends on search_path); a schema-qualified wrapper can be declared IMMUTABLE
    // and used in expression indexes.
    await q.query(
      `CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
       LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION IF EXISTS immutable_unaccent(text)');
  }
}
