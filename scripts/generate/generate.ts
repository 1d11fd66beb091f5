/**
 * Seeded synthetic data for the social-enterprise directory (organisations, profiles, certifications and
 * offerings), bulk-loaded with COPY. Same seed and options -> same rows and the same checksum.
 *
 *   npm run generate -- --enterprises 100000 --seed 42 [--offerings-per 3] [--reset]
 *                       [--database-url postgres://postgres@127.0.0.1:5432/buysocial_bench]
 *
 * See scripts/generate/README.md.
 */
import 'reflect-metadata';
import { loadEnvOrExit } from '@app/config';
import { ensureDatabase } from '@app/database/ensure-database';
import { spawnSync } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Rng } from './prng';
import { loadReference } from './reference';
import { COLUMNS, RowGenerator, TABLES, type Table } from './rows';

const REPO_ROOT = resolve(__dirname, '..', '..');
const DEFAULT_DATABASE = 'buysocial_bench';
/** "Today" of the data set: certifications are valid or expired relative to this date. */
const DEFAULT_REF_DATE = '2026-11-01';
const BATCH_ROWS = 2000;

/**
 * The search indexes that make COPY slow. Unless --keep-indexes is given they are dropped before the load and
 * re-created afterwards, with exactly the definitions of migration 1795377899100-AddDirectorySearchIndexes.
 */
const SEARCH_INDEXES: { name: string; create: string }[] = [
  {
    name: 'ix_offering_search',
    create: 'CREATE INDEX "ix_offering_search" ON "offering" USING gin ("search_doc")',
  },
  {
    name: 'ix_offering_cpv_ancestors',
    create: 'CREATE INDEX "ix_offering_cpv_ancestors" ON "offering" USING gin ("cpv_ancestors")',
  },
  {
    name: 'ix_offering_earth',
    create: 'CREATE INDEX "ix_offering_earth" ON "offering" USING gist (ll_to_earth(lat, lon))',
  },
  {
    name: 'ix_offering_search_doc',
    create: 'CREATE INDEX "ix_offering_search_doc" ON "offering_search" USING gin ("search_doc")',
  },
  {
    name: 'ix_offering_search_earth_cpv',
    create:
      'CREATE INDEX "ix_offering_search_earth_cpv" ON "offering_search" ' +
      'USING gist (ll_to_earth(lat, lon), "cpv_ids" gist__intbig_ops)',
  },
  {
    name: 'ix_social_enterprise_profile_search',
    create:
      'CREATE INDEX "ix_social_enterprise_profile_search" ON "social_enterprise_profile" ' +
      'USING gin ("search_doc")',
  },
  {
    name: 'ix_organisation_name_trgm',
    create:
      'CREATE INDEX "ix_organisation_name_trgm" ON "organisation" ' +
      'USING gin (immutable_unaccent(lower(name)) gin_trgm_ops); ' +
      // as migration TrimNameTrigramStatistics leaves it
      'ALTER INDEX "ix_organisation_name_trgm" ALTER COLUMN 1 SET STATISTICS 10',
  },
];

const USAGE = `Usage: npm run generate -- --enterprises N [options]

  --enterprises N        social enterprises to generate (required)
  --seed S               PRNG seed, 32-bit unsigned integer (default 42)
  --offerings-per K      mean offerings per enterprise: each gets 1..2K-1 (default 3)
  --database-url URL     target (default: DATABASE_URL with the database name replaced by ${DEFAULT_DATABASE})
  --reset                delete previously generated rows first: all offerings, certifications and profiles,
                         and social_enterprise organisations that have no users
  --keep-indexes         load with the search indexes in place (default: drop and re-create them)
  --skip-migrations      do not run "npm run migration:run" on the target first
  --ref-date YYYY-MM-DD  reference "today" of the data (default ${DEFAULT_REF_DATE})
  --verify               also print a checksum computed by PostgreSQL over the loaded rows
  --help`;

interface Options {
  enterprises: number;
  seed: number;
  offeringsPer: number;
  databaseUrl: string;
  reset: boolean;
  dropIndexes: boolean;
  migrate: boolean;
  refDate: string;
  verify: boolean;
}

function fail(message: string): never {
  console.error(`generate: ${message}\n\n${USAGE}`);
  process.exit(64);
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        enterprises: { type: 'string' },
        seed: { type: 'string', default: '42' },
        'offerings-per': { type: 'string', default: '3' },
        'database-url': { type: 'string' },
        reset: { type: 'boolean', default: false },
        'keep-indexes': { type: 'boolean', default: false },
        'skip-migrations': { type: 'boolean', default: false },
        'ref-date': { type: 'string', default: DEFAULT_REF_DATE },
        verify: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, min: number, max: number): number => {
    if (raw === undefined || !/^\d+$/.test(raw)) fail(`--${name} must be a whole number`);
    const n = Number(raw);
    if (n < min || n > max) fail(`--${name} must be between ${min} and ${max}`);
    return n;
  };
  if (v.enterprises === undefined) fail('--enterprises is required');
  const refDate = v['ref-date'] ?? DEFAULT_REF_DATE;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(refDate) || Number.isNaN(Date.parse(`${refDate}T00:00:00Z`))) {
    fail('--ref-date must be YYYY-MM-DD');
  }
  let databaseUrl = v['database-url'];
  if (!databaseUrl) {
    const url = new URL(loadEnvOrExit().DATABASE_URL);
    url.pathname = `/${DEFAULT_DATABASE}`;
    databaseUrl = url.toString();
  }
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) fail('--database-url must be a postgres:// URL');
  return {
    enterprises: int('enterprises', v.enterprises, 1, 20_000_000),
    seed: int('seed', v.seed, 0, 0xffffffff),
    offeringsPer: int('offerings-per', v['offerings-per'], 0, 50),
    databaseUrl,
    reset: v.reset ?? false,
    dropIndexes: !v['keep-indexes'],
    migrate: !v['skip-migrations'],
    refDate,
    verify: v.verify ?? false,
  };
}

const redact = (url: string): string => url.replace(/:[^:@/]+@/, ':***@');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;

/**
 * One KvK number per enterprise: an affine permutation of 10000000..99999999 (so numbers never repeat), with
 * numbers already in the database skipped.
 */
function kvkNumbers(seed: number, count: number, taken: Set<string>): Uint32Array {
  const MOD = 90_000_000;
  const A = 61_728_391; // coprime with 2, 3 and 5, hence with MOD
  const B = new Rng(seed, 99, 0).int(0, MOD - 1);
  const out = new Uint32Array(count);
  let p = 0;
  for (let i = 0; i < count; i++) {
    let kvk: number;
    do {
      if (p >= MOD) throw new Error('ran out of KvK numbers');
      kvk = 10_000_000 + ((A * p + B) % MOD);
      p++;
    } while (taken.has(String(kvk)));
    out[i] = kvk;
  }
  return out;
}

/** Groups lines into COPY chunks, feeding each chunk to the hashes on the way. */
function* batched(lines: Iterable<string>, hashes: Hash[], counter: { rows: number }): Generator<string> {
  let buf: string[] = [];
  const flush = (): string => {
    const chunk = `${buf.join('\n')}\n`;
    for (const h of hashes) h.update(chunk);
    counter.rows += buf.length;
    buf = [];
    return chunk;
  };
  for (const line of lines) {
    buf.push(line);
    if (buf.length >= BATCH_ROWS) yield flush();
  }
  if (buf.length > 0) yield flush();
}

function* tableLines(gen: RowGenerator, table: Table, count: number): Generator<string> {
  for (let i = 0; i < count; i++) {
    const e = gen.enterprise(i);
    switch (table) {
      case 'organisation':
        yield gen.organisationLine(e);
        break;
      case 'social_enterprise_profile':
        yield gen.profileLine(i, e);
        break;
      case 'certification':
        yield* gen.certificationLines(i, e);
        break;
      case 'offering':
        yield* gen.offeringLines(i, e);
        break;
    }
  }
}

/** Tables a --reset empties; the DELETE fallback leaves dead rows, so they are compacted after the commit. */
const RESET_TABLES = [
  'match_offering_fact',
  'match_offering_point',
  'offering_search',
  'offering',
  'certification',
  'social_enterprise_profile',
  'organisation',
];

/** Returns whether rows were deleted rather than truncated (the caller then runs VACUUM FULL after COMMIT). */
async function reset(client: Client): Promise<boolean> {
  // TRUNCATE is much faster than DELETE and leaves no dead rows; it fails if another table references these
  // ones, in which case we fall back to DELETE.
  let deleted = false;
  await client.query('SAVEPOINT before_truncate');
  try {
    await client.query(
      'TRUNCATE match_offering_fact, match_offering_point, offering_search, offering, certification, social_enterprise_profile',
    );
    await client.query('RELEASE SAVEPOINT before_truncate');
  } catch (err) {
    console.log(`  TRUNCATE refused (${(err as Error).message}); deleting instead`);
    await client.query('ROLLBACK TO SAVEPOINT before_truncate');
    await client.query('DELETE FROM offering');
    await client.query('DELETE FROM certification');
    await client.query('DELETE FROM social_enterprise_profile');
    deleted = true;
  }
  const orgs = await client.query(
    `DELETE FROM organisation o WHERE o.kind = 'social_enterprise'
       AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.organisation_id = o.id)`,
  );
  console.log(`  reset: removed ${orgs.rowCount ?? 0} social_enterprise organisations without users`);
  return deleted || (orgs.rowCount ?? 0) > 0;
}

/** Checksums computed by PostgreSQL over the rows of this run (md5 of the per-row md5s, ordered by id). */
async function databaseChecksums(
  client: Client,
  gen: RowGenerator,
  count: number,
): Promise<Record<string, string>> {
  await client.query('CREATE TEMP TABLE generated_ids ON COMMIT DROP AS SELECT unnest($1::uuid[]) AS id', [
    Array.from({ length: count }, (_, i) => gen.enterprise(i).id),
  ]);
  await client.query('ANALYZE generated_ids');
  const digest = (table: Table, key: string, where: string): string =>
    `SELECT md5(string_agg(md5(row(${COLUMNS[table].join(', ')})::text), '' ORDER BY ${key})) ` +
    `FROM ${table} WHERE ${where} IN (SELECT id FROM generated_ids)`;
  const sql: Record<Table, string> = {
    organisation: digest('organisation', 'id', 'id'),
    social_enterprise_profile: digest('social_enterprise_profile', 'organisation_id', 'organisation_id'),
    certification: digest('certification', 'id', 'organisation_id'),
    offering: digest('offering', 'id', 'organisation_id'),
  };
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const r = await client.query<{ md5: string | null }>(sql[table]);
    out[table] = r.rows[0].md5 ?? '(none)';
  }
  return out;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const t0 = performance.now();
  const timings: [string, number][] = [];
  const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await fn();
    timings.push([label, performance.now() - start]);
    return result;
  };

  console.log(
    `generate: ${opts.enterprises} enterprises, seed ${opts.seed}, ~${opts.offeringsPer} offerings each, ` +
      `reference date ${opts.refDate}, into ${redact(opts.databaseUrl)}`,
  );

  await time('prepare database', async () => {
    if (await ensureDatabase(opts.databaseUrl))
      console.log(`  created database ${new URL(opts.databaseUrl).pathname.slice(1)}`);
    if (!opts.migrate) return;
    const run = spawnSync('npm', ['run', '--silent', 'migration:run'], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: opts.databaseUrl },
      stdio: 'inherit',
    });
    if (run.status !== 0) throw new Error(`npm run migration:run failed (exit ${run.status ?? run.signal})`);
  });

  const client = new Client({ connectionString: opts.databaseUrl, application_name: 'generate' });
  await client.connect();
  try {
    await client.query("SET TimeZone = 'UTC'");
    await client.query('SET synchronous_commit = off');
    await client.query("SET maintenance_work_mem = '512MB'");

    const ref = await time('read reference data', () => loadReference(client));
    console.log(
      `  reference: ${ref.cpv.length} CPV codes, ${ref.areas.length} PC4 areas, ` +
        `vocabulary of ${ref.vocabulary.length} words`,
    );

    await client.query('BEGIN');
    const compact = opts.reset ? await time('reset', () => reset(client)) : false;

    const existing = await client.query<{ kvk_number: string }>(
      'SELECT kvk_number FROM organisation WHERE kvk_number IS NOT NULL',
    );
    const taken = new Set(existing.rows.map((r) => r.kvk_number.trim()));
    const gen = new RowGenerator(ref, {
      seed: opts.seed,
      enterprises: opts.enterprises,
      offeringsPer: opts.offeringsPer,
      refMs: Date.parse(`${opts.refDate}T00:00:00Z`),
      kvk: kvkNumbers(opts.seed, opts.enterprises, taken),
    });
    const firstId = gen.enterprise(0).id;
    const clash = await client.query('SELECT 1 FROM organisation WHERE id = $1', [firstId]);
    if (clash.rowCount) {
      throw new Error(
        `rows of seed ${opts.seed} are already loaded in this database: pass --reset to replace them`,
      );
    }

    let dropped: typeof SEARCH_INDEXES = [];
    if (opts.dropIndexes) {
      await time('drop search indexes', async () => {
        const present = await client.query<{ indexname: string }>(
          'SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ANY($1)',
          [SEARCH_INDEXES.map((i) => i.name)],
        );
        const names = new Set(present.rows.map((r) => r.indexname));
        dropped = SEARCH_INDEXES.filter((i) => names.has(i.name));
        for (const index of dropped) await client.query(`DROP INDEX "${index.name}"`);
      });
    }

    // The row trigger that keeps offering_search in step would run once per copied row; it is off during the
    // load (inside this transaction) and the narrow table is filled in one statement afterwards.
    await client.query('ALTER TABLE offering DISABLE TRIGGER trg_offering_search_sync');
    // Likewise matching's narrow table of offering points.
    await client.query('ALTER TABLE offering DISABLE TRIGGER trg_match_offering_point_sync');
    // And its narrow table of what is scored of an offering (with the enterprise's target groups and area).
    await client.query('ALTER TABLE offering DISABLE TRIGGER trg_match_offering_fact_sync');
    await client.query(
      'ALTER TABLE social_enterprise_profile DISABLE TRIGGER trg_match_offering_fact_target_groups',
    );
    // Likewise the word list of the search documents (search_lexeme), filled once after the load.
    await client.query('ALTER TABLE offering_search DISABLE TRIGGER trg_offering_search_lexeme');
    await client.query(
      'ALTER TABLE social_enterprise_profile DISABLE TRIGGER trg_social_enterprise_profile_lexeme',
    );
    const total = createHash('sha256');
    const perTable: Record<string, { rows: number; sha256: string }> = {};
    for (const table of TABLES) {
      const hash = createHash('sha256');
      const counter = { rows: 0 };
      await time(`copy ${table}`, async () => {
        const stream = client.query(
          copyFrom(`COPY ${table} (${COLUMNS[table].join(', ')}) FROM STDIN WITH (FORMAT text)`),
        );
        await pipeline(
          Readable.from(batched(tableLines(gen, table, opts.enterprises), [total, hash], counter)),
          stream,
        );
      });
      perTable[table] = { rows: counter.rows, sha256: hash.digest('hex') };
      console.log(`  ${table}: ${counter.rows} rows`);
    }

    // Offerings of an unpublished profile are hidden from search (kept in step by the API on profile changes).
    await time('hide offerings of unpublished profiles', () =>
      client.query(
        `UPDATE offering o SET hidden = true FROM social_enterprise_profile p
         WHERE p.organisation_id = o.organisation_id AND NOT p.published AND NOT o.hidden`,
      ),
    );

    await time('fill offering_search', () =>
      client.query(
        `INSERT INTO offering_search (offering_id, organisation_id, hidden, lat, lon, cpv_ids, search_doc)
         SELECT id, organisation_id, hidden, lat, lon, cpv_ancestors::int4[], search_doc FROM offering
         ON CONFLICT (offering_id) DO NOTHING`,
      ),
    );
    await client.query('ALTER TABLE offering ENABLE TRIGGER trg_offering_search_sync');
    await time('fill match_offering_point', () =>
      client.query(
        `INSERT INTO match_offering_point
         SELECT p.* FROM offering o CROSS JOIN LATERAL match_offering_point_rows(o) p
         ON CONFLICT DO NOTHING`,
      ),
    );
    await client.query('ALTER TABLE offering ENABLE TRIGGER trg_match_offering_point_sync');
    await time('fill match_offering_fact', () =>
      client.query(
        `INSERT INTO match_offering_fact
         SELECT o.id, o.organisation_id, o.cpv_codes, o.labour_share::float8, o.capacity_cents_per_month,
                o.delivery_radius_km, p.target_groups, left(org.postcode, 4), strip(o.search_doc)
           FROM offering o
           LEFT JOIN social_enterprise_profile p ON p.organisation_id = o.organisation_id
           LEFT JOIN organisation org ON org.id = o.organisation_id
         ON CONFLICT DO NOTHING`,
      ),
    );
    await client.query('ALTER TABLE offering ENABLE TRIGGER trg_match_offering_fact_sync');
    await client.query(
      'ALTER TABLE social_enterprise_profile ENABLE TRIGGER trg_match_offering_fact_target_groups',
    );
    await time('fill search_lexeme', () =>
      client.query(
        `INSERT INTO search_lexeme (word)
         SELECT w FROM (SELECT w FROM offering_search, unnest(tsvector_to_array(search_doc)) AS w
                        UNION
                        SELECT w FROM social_enterprise_profile, unnest(tsvector_to_array(search_doc)) AS w) n
         WHERE NOT EXISTS (SELECT 1 FROM search_lexeme l WHERE l.word = n.w COLLATE "C")`,
      ),
    );
    await client.query('ALTER TABLE offering_search ENABLE TRIGGER trg_offering_search_lexeme');
    await client.query(
      'ALTER TABLE social_enterprise_profile ENABLE TRIGGER trg_social_enterprise_profile_lexeme',
    );

    if (dropped.length > 0) {
      await time('re-create search indexes', async () => {
        for (const index of dropped) await client.query(index.create);
      });
    }
    await time('commit', () => client.query('COMMIT'));
    if (compact) {
      await time('vacuum full (rows were deleted, not truncated)', async () => {
        for (const table of RESET_TABLES) await client.query(`VACUUM FULL ${table}`);
      });
    }
    await time('vacuum analyze', async () => {
      for (const table of [...TABLES, 'offering_search', 'match_offering_point']) {
        await client.query(`VACUUM (ANALYZE) ${table}`);
      }
    });

    const checksum = total.digest('hex');
    console.log('\nrows:');
    for (const table of TABLES) {
      console.log(
        `  ${table.padEnd(26)} ${String(perTable[table].rows).padStart(9)}  sha256 ${perTable[table].sha256}`,
      );
    }
    console.log('\ntimings:');
    for (const [label, ms] of timings) console.log(`  ${label.padEnd(34)} ${seconds(ms).padStart(8)}`);
    console.log(`  ${'total'.padEnd(34)} ${seconds(performance.now() - t0).padStart(8)}`);
    console.log('\nsearchable names (one enterprise each, for typo tests):');
    for (const { index, name } of gen.searchableNames()) console.log(`  #${index}: ${name}`);

    if (opts.verify) {
      await client.query('BEGIN');
      const db = await databaseChecksums(client, gen, opts.enterprises);
      await client.query('COMMIT');
      console.log('\ndatabase checksums (md5 over md5(row) ordered by id):');
      for (const table of TABLES) console.log(`  ${table.padEnd(26)} ${db[table]}`);
      const combined = createHash('sha256')
        .update(TABLES.map((t) => db[t]).join('\n'))
        .digest('hex');
      console.log(`  ${'combined (sha256)'.padEnd(26)} ${combined}`);
    }
    console.log(
      `\nchecksum sha256 (COPY rows in generation order, seed ${opts.seed}, ` +
        `${opts.enterprises} enterprises): ${checksum}`,
    );
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

void main().catch((err) => {
  console.error('generate failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
