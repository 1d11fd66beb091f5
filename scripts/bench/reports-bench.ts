/**
 * npm run bench:reports — time and peak memory (RSS sampled every 5 ms, each case in its own process) of
 *   - a tender report with N contributions as PDF (the real generator: read, lay out, store in PostgreSQL), beside
 *     a baseline that reads the same rows and writes them as plain lines with pdfkit (same embedded font, no
 *     layout, not stored);
 *   - the same tender report as XLSX, and a buyer XLSX with M/10 obligations (exceljs's streaming writer);
 *   - a buyer CSV with M rows (the real generator: server-side cursor, csv-stringify, stored in chunks), beside
 *     `COPY (same query) TO STDOUT WITH CSV` read by pg-copy-streams; both also at M/10 rows, to show that peak
 *     memory stays flat when the rows grow tenfold.
 *
 *   npm run bench:reports -- [--pdf-rows 1000] [--csv-rows 100000] [--heap-mb 192] [--database-url postgres://…]
 *
 * Seeds its own database (created and migrated when missing; data generated with SQL, reused on the next run).
 */
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { ensureDatabase } from '../../libs/database/src/ensure-database';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const PDF_ROWS = Number(args.get('pdf-rows') ?? 1000);
const CSV_ROWS = Number(args.get('csv-rows') ?? 100_000);
// V8 defers major GCs while the heap is far below its limit, so RSS grows with garbage, not with live data; a
// worker container sets a heap limit, and so does the bench (0 = Node's default).
const HEAP_MB = Number(args.get('heap-mb') ?? 192);
const DB =
  args.get('database-url') ??
  process.env.BENCH_REPORTS_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/buysocial_bench_reports';
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const TS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

interface Measure {
  case: string;
  rows: number;
  ms: number;
  /** CPU time of this process (the server's share of COPY is not in it). */
  cpuMs: number;
  bytes: number;
  baseRssMb: number;
  peakRssMb: number;
}

/** Buyer, contractor, policy and `rows` awarded obligations (one tender and contract each), with two claims each. */
async function seedBuyer(c: Client, marker: string, rows: number): Promise<string> {
  const found = await c.query(`SELECT id FROM organisation WHERE name = $1`, [marker]);
  if (found.rows.length) return found.rows[0].id;
  console.log(`seeding ${marker} (${rows} obligations)…`);
  await c.query('BEGIN');
  const buyer = (
    await c.query(
      `INSERT INTO organisation (kind, name, postcode, city) VALUES ('buyer', $1, '2011 RD', 'Haarlem') RETURNING id`,
      [marker],
    )
  ).rows[0].id;
  const contractor = (
    await c.query(
      `INSERT INTO organisation (kind, name, kvk_number, postcode, city)
       VALUES ('contractor', $1 || ' aannemer', lpad((floor(random() * 89999999) + 10000000)::bigint::text, 8, '0'),
               '2011 AB', 'Haarlem') RETURNING id`,
      [marker],
    )
  ).rows[0].id;
  const body = { name: 'Bouwblokken social return', version: '2026', penaltyPercentage: 50 };
  const policy = (
    await c.query(
      `INSERT INTO sroi_policy (buyer_organisation_id, lineage_id, name, version, valid_from, status, body, created_by)
       VALUES ($1, gen_random_uuid(), 'Bouwblokken social return', '2026', '2026-01-01', 'published', $2, gen_random_uuid())
       RETURNING id`,
      [buyer, body],
    )
  ).rows[0].id;
  await c.query(
    `WITH t AS (
       INSERT INTO tender (buyer_organisation_id, title, main_procurement_category, status, estimated_value_cents,
                           contract_start, contract_end, sroi_policy_id, created_by, created_at)
       SELECT $1, 'Aanbesteding ' || g || ', "perceel" ' || (g % 7), 'services', 'awarded', 115000000,
              '2026-01-01', '2027-12-31', $3, gen_random_uuid(), now() - g * interval '1 second'
         FROM generate_series(1, $4::int) g
       RETURNING id, created_at),
     k AS (
       INSERT INTO contract (tender_id, buyer_organisation_id, contractor_organisation_id, value_cents, start_date,
                             end_date, policy_id, policy_snapshot, awarded_by)
       SELECT t.id, $1, $2, 115000000, '2026-01-01', '2027-12-31', $3, $5::jsonb, gen_random_uuid() FROM t
       RETURNING id, tender_id)
     INSERT INTO obligation (contract_id, tender_id, buyer_organisation_id, contractor_organisation_id, policy_id,
                             applicable, percentage, amount_cents, breakdown, inputs, due_date, created_at)
     SELECT k.id, k.tender_id, $1, $2, $3, true, 5, 5750000, '[]', '{"policyVersion": "2026"}', '2027-12-31', t.created_at
       FROM k JOIN t ON t.id = k.tender_id`,
    [buyer, contractor, policy, rows, JSON.stringify(body)],
  );
  await c.query(
    `INSERT INTO contribution (obligation_id, category, status, body, claimed_value_cents, verified_value_cents,
                               breakdown, submitted_by)
     SELECT o.id, 'social_activity', s, jsonb_build_object('category', 'social_activity', 'blockCode', 'ACT_HOUR',
            'quantity', 4, 'description', '=SUM(A1) gastles, "café" ' || o.id),
            40000, CASE WHEN s = 'verified' THEN 40000 END, '[]', gen_random_uuid()
       FROM obligation o CROSS JOIN (VALUES ('submitted'::contribution_status), ('verified')) v(s)
      WHERE o.buyer_organisation_id = $1`,
    [buyer],
  );
  await c.query('COMMIT');
  return buyer;
}

/** One obligation of the buyer with `rows` contributions (for the PDF). */
async function seedPdfObligation(c: Client, buyer: string, rows: number): Promise<string> {
  const { rows: found } = await c.query(
    `SELECT o.id FROM obligation o WHERE o.buyer_organisation_id = $1
      AND (SELECT count(*) FROM contribution WHERE obligation_id = o.id) = $2 LIMIT 1`,
    [buyer, rows],
  );
  if (found.length) return found[0].id;
  const { rows: first } = await c.query(
    `SELECT id FROM obligation WHERE buyer_organisation_id = $1 ORDER BY created_at LIMIT 1`,
    [buyer],
  );
  const id = first[0].id;
  await c.query('DELETE FROM contribution WHERE obligation_id = $1', [id]);
  await c.query(
    `INSERT INTO contribution (obligation_id, category, status, body, claimed_value_cents, breakdown, submitted_by)
     SELECT $1, (ARRAY['employment','training','social_purchase','social_activity']::contribution_category[])[1 + g % 4],
            'submitted', jsonb_build_object('description', 'Bijdrage ' || g || ' voor de wijk, met "aanhalingstekens"',
            'targetGroup', 'participatiewet', 'hoursPerWeek', 24, 'endDate', '2026-12-31',
            'invoiceNumber', 'F' || g, 'startDate', to_char(date '2026-01-01' + (g % 300), 'YYYY-MM-DD')),
            100000 + g, '[]', gen_random_uuid()
       FROM generate_series(1, $2::int) g`,
    [id, rows],
  );
  return id;
}

function runCase(name: string, params: Record<string, string | number>): Measure {
  const res = spawnSync(
    process.execPath,
    [
      ...(HEAP_MB ? [`--max-old-space-size=${HEAP_MB}`] : []),
      ...TS,
      __filename,
      '--case',
      name,
      ...Object.entries(params).flatMap(([k, v]) => [`--${k}`, String(v)]),
    ],
    {
      env: { ...process.env, DATABASE_URL: DB, REDIS_URL: REDIS, LOG_LEVEL: 'silent', OUTBOX_RELAY: 'off' },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  const line = res.stdout.trim().split('\n').pop() ?? '';
  if (res.status !== 0 || !line.startsWith('{'))
    throw new Error(`case ${name} failed:\n${res.stdout}\n${res.stderr}`);
  return JSON.parse(line) as Measure;
}

async function parent(): Promise<void> {
  await ensureDatabase(DB);
  const ds = new DataSource({ ...dataSourceOptions({ DATABASE_URL: DB }), logging: ['error'] });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  const c = new Client({ connectionString: DB });
  await c.connect();
  const small = await seedBuyer(c, `Bench gemeente ${CSV_ROWS / 10}`, CSV_ROWS / 10);
  const big = await seedBuyer(c, `Bench gemeente ${CSV_ROWS}`, CSV_ROWS);
  const pdfObligation = await seedPdfObligation(c, small, PDF_ROWS);
  const smallPdfObligation = await seedPdfObligation(c, big, PDF_ROWS / 10);
  await c.end();

  const results = [
    runCase('pdf', { obligation: pdfObligation, rows: PDF_ROWS }),
    runCase('pdf-baseline', { obligation: pdfObligation, rows: PDF_ROWS }),
    runCase('pdf', { obligation: smallPdfObligation, rows: PDF_ROWS / 10 }),
    runCase('csv', { buyer: small, rows: CSV_ROWS / 10 }),
    runCase('copy', { buyer: small, rows: CSV_ROWS / 10 }),
    runCase('csv', { buyer: big, rows: CSV_ROWS }),
    runCase('copy', { buyer: big, rows: CSV_ROWS }),
    runCase('xlsx', { obligation: pdfObligation, rows: PDF_ROWS }),
    runCase('xlsx-buyer', { buyer: small, rows: CSV_ROWS / 10 }),
  ];
  const cell = (v: string | number, w: number): string => String(v).padStart(w);
  console.log(
    `\n${'case'.padEnd(13)}${cell('rows', 8)}${cell('wall ms', 9)}${cell('cpu ms', 9)}${cell('rows/s', 9)}` +
      `${cell('MB out', 8)}${cell('RSS base', 10)}${cell('RSS peak', 10)}${cell('peak-base', 11)}`,
  );
  for (const r of results) {
    console.log(
      `${r.case.padEnd(13)}${cell(r.rows, 8)}${cell(r.ms.toFixed(0), 9)}${cell(r.cpuMs.toFixed(0), 9)}` +
        `${cell(Math.round((r.rows / r.ms) * 1000), 9)}${cell((r.bytes / 1e6).toFixed(2), 8)}` +
        `${cell(r.baseRssMb.toFixed(0), 10)}${cell(r.peakRssMb.toFixed(0), 10)}${cell((r.peakRssMb - r.baseRssMb).toFixed(0), 11)}`,
    );
  }
  const [pdf, base, , csvSmall, copySmall, csvBig, copyBig, xlsx, xlsxBuyer] = results;
  const rate = (r: Measure): number => r.rows / r.ms;
  const above = (r: Measure): number => r.peakRssMb - r.baseRssMb;
  console.log(
    `\ntargets (load average now ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; heap limit ${HEAP_MB || 'default'} MB)`,
  );
  const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
  console.log(
    `  PDF ${PDF_ROWS} rows: ${(pdf.ms / 1000).toFixed(2)} s wall (< 3 s: ${verdict(pdf.ms < 3000)}); ` +
      `plain-lines baseline ${(base.ms / 1000).toFixed(2)} s wall; ratio ${(pdf.ms / base.ms).toFixed(2)}x ` +
      `(<= 2x: ${verdict(pdf.ms <= 2 * base.ms)}); CPU ${(pdf.cpuMs / 1000).toFixed(2)} s, ` +
      `${(pdf.cpuMs / base.cpuMs).toFixed(2)}x the baseline's`,
  );
  console.log(
    `  XLSX ${PDF_ROWS} contributions (tender): ${(xlsx.ms / 1000).toFixed(2)} s wall; ` +
      `buyer XLSX ${CSV_ROWS / 10} obligations: ${(xlsxBuyer.ms / 1000).toFixed(2)} s wall, ` +
      `peak RSS ${above(xlsxBuyer).toFixed(0)} MB above base`,
  );
  console.log(
    `  CSV ${CSV_ROWS} rows: ${(rate(csvBig) / rate(copyBig)).toFixed(2)} of COPY's rate (>= 0.5); ` +
      `at ${CSV_ROWS / 10} rows ${(rate(csvSmall) / rate(copySmall)).toFixed(2)}`,
  );
  console.log(
    `  CSV peak RSS above base: ${above(csvSmall).toFixed(0)} MB at ${CSV_ROWS / 10} rows, ` +
      `${above(csvBig).toFixed(0)} MB at ${CSV_ROWS} rows (flat = about the same)`,
  );
}

// ---------------------------------------------------------------------------------------------- child: one case

async function child(name: string): Promise<void> {
  const rows = Number(args.get('rows'));
  const sampler = { peak: 0, heap: 0, external: 0 };
  const sample = (): void => {
    sampler.peak = Math.max(sampler.peak, process.memoryUsage.rss());
    if (process.env.BENCH_MEMORY_DETAIL) {
      const m = process.memoryUsage();
      sampler.heap = Math.max(sampler.heap, m.heapUsed);
      sampler.external = Math.max(sampler.external, m.external);
    }
  };
  let work: () => Promise<number>;
  let cleanup: () => Promise<void>;

  if (name === 'pdf' || name === 'csv' || name === 'xlsx' || name === 'xlsx-buyer') {
    const format = name === 'xlsx-buyer' ? 'xlsx' : name;
    const ofObligation = name === 'pdf' || name === 'xlsx';
    const { Test } = await import('@nestjs/testing');
    const { AppConfigModule } = await import('@app/config');
    const { DatabaseModule } = await import('@app/database');
    const { QueueModule } = await import('@app/queue');
    const { ReportsModule, ReportGeneratorService } = await import('@app/domain');
    const { getDataSourceToken } = await import('@nestjs/typeorm');
    const ref = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot({}), DatabaseModule, QueueModule, ReportsModule],
    }).compile();
    const app = await ref.init();
    const ds = app.get<DataSource>(getDataSourceToken());
    const generator = app.get(ReportGeneratorService);
    const scope = ofObligation ? 'tender' : 'buyer';
    const [{ org, buyer, scopeId }] = await ds.query(
      ofObligation
        ? `SELECT contractor_organisation_id AS org, buyer_organisation_id AS buyer, tender_id AS "scopeId"
             FROM obligation WHERE id = $1`
        : `SELECT id AS org, id AS buyer, id AS "scopeId" FROM organisation WHERE id = $1`,
      [ofObligation ? args.get('obligation') : args.get('buyer')],
    );
    const [{ id }] = await ds.query(
      `INSERT INTO background_job (kind, queue, job_name, organisation_id) VALUES ('report', 'reports', 'bench', $1)
       RETURNING id`,
      [org],
    );
    await ds.query(
      `INSERT INTO report (id, organisation_id, buyer_organisation_id, scope, scope_id, format, language)
       VALUES ($1, $2, $3, $4, $5, $6, 'nl')`,
      [id, org, buyer, scope, scopeId, format],
    );
    work = async () => (await generator.generate(id, async () => sample()))!.sizeBytes;
    cleanup = async () => {
      await ds.query('DELETE FROM background_job WHERE id = $1', [id]);
      await app.close();
    };
  } else if (name === 'pdf-baseline') {
    const PDFDocument = (await import('pdfkit')).default;
    const { CONTRIBUTION_ROWS_SQL } = await import('../../libs/domain/src/reports/report-queries');
    const { reportFonts } = await import('../../libs/domain/src/reports/pdf/fonts');
    const c = new Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    work = async () => {
      const { rows: data } = await c.query(CONTRIBUTION_ROWS_SQL, [args.get('obligation'), null, null]);
      // The same embedded font as the report, so the difference measured is the layout.
      const doc = new PDFDocument({ size: 'A4', font: null as unknown as string });
      doc.registerFont('DejaVu', reportFonts().regular).font('DejaVu').fontSize(9);
      for (const r of data)
        doc.text(
          `${r.date} ${r.category} ${r.description} ${r.status} ${r.claimed_value_cents} ${r.verified_value_cents ?? ''}`,
        );
      doc.end();
      let bytes = 0;
      for await (const chunk of doc as unknown as AsyncIterable<Buffer>) bytes += chunk.length;
      return bytes;
    };
    cleanup = () => c.end();
  } else if (name === 'copy') {
    const { to } = await import('pg-copy-streams');
    const { BUYER_OBLIGATION_ROWS_SQL } = await import('../../libs/domain/src/reports/report-queries');
    const c = new Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    const sql = BUYER_OBLIGATION_ROWS_SQL.replace(/\$1/g, `'${args.get('buyer')}'::uuid`).replace(
      /\$[23]/g,
      'NULL',
    );
    work = () =>
      new Promise<number>((resolve, reject) => {
        let bytes = 0;
        const stream = c.query(to(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER)`));
        stream.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        stream.on('end', () => resolve(bytes));
        stream.on('error', reject);
      });
    cleanup = () => c.end();
  } else throw new Error(`unknown case ${name}`);

  global.gc?.();
  const base = process.memoryUsage.rss();
  sampler.peak = base;
  const timer = setInterval(sample, 5);
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const bytes = await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  sample();
  await cleanup();
  const out: Measure = {
    case: name,
    rows,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    bytes,
    baseRssMb: base / 2 ** 20,
    peakRssMb: sampler.peak / 2 ** 20,
  };
  if (process.env.BENCH_MEMORY_DETAIL)
    console.error(
      `heap peak ${(sampler.heap / 2 ** 20).toFixed(0)} MB, external peak ${(sampler.external / 2 ** 20).toFixed(0)} MB`,
    );
  console.log(JSON.stringify(out));
}

const which = args.get('case');
(which ? child(which) : parent()).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
