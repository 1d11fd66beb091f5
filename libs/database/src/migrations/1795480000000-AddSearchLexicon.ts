import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `search_lexeme`: every word (lexeme) of the offerings' and profiles' search documents, so the search turns a
 * prefix (`schoonmaak` finds `schoonmaakdiensten`) into the exact words it stands for before it asks the full-text
 * index. A prefix makes the GIN index list every matching document of every matching word before it can combine
 * words (8–40 ms for a common word at 300k offerings); exact words are combined while the index is read (about a
 * millisecond). Kept by triggers; a word is added at most once per statement but two transactions may both add a
 * new word (no unique index, so neither waits on the other), and a word no document holds any more stays: both
 * are harmless, the lookup takes distinct words and a word without documents matches nothing.
 */
export class AddSearchLexicon1795480000000 implements MigrationInterface {
  name = 'AddSearchLexicon1795480000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "search_lexeme" ("word" text COLLATE "C" NOT NULL)`);
    await q.query(`CREATE FUNCTION search_lexeme_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_lexeme (word)
  SELECT w FROM unnest(tsvector_to_array(NEW.search_doc)) AS w
   WHERE NOT EXISTS (SELECT 1 FROM search_lexeme l WHERE l.word = w COLLATE "C");
  RETURN NULL;
END $$`);
    await q.query(
      `CREATE TRIGGER "trg_offering_search_lexeme" AFTER INSERT OR UPDATE OF "search_doc" ON "offering_search" FOR EACH ROW EXECUTE FUNCTION search_lexeme_add()`,
    );
    await q.query(
      `CREATE TRIGGER "trg_social_enterprise_profile_lexeme" AFTER INSERT OR UPDATE OF "mission" ON "social_enterprise_profile" FOR EACH ROW EXECUTE FUNCTION search_lexeme_add()`,
    );
    await q.query(`INSERT INTO "search_lexeme" (word)
      SELECT w FROM offering_search, unnest(tsvector_to_array(search_doc)) AS w
      UNION
      SELECT w FROM social_enterprise_profile, unnest(tsvector_to_array(search_doc)) AS w`);
    await q.query(`CREATE INDEX "ix_search_lexeme_word" ON "search_lexeme" ("word")`);
    await q.query(`ANALYZE "search_lexeme"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP TRIGGER IF EXISTS "trg_social_enterprise_profile_lexeme" ON "social_enterprise_profile"`,
    );
    await q.query(`DROP TRIGGER IF EXISTS "trg_offering_search_lexeme" ON "offering_search"`);
    await q.query(`DROP FUNCTION IF EXISTS search_lexeme_add()`);
    await q.query(`DROP TABLE IF EXISTS "search_lexeme"`);
  }
}
