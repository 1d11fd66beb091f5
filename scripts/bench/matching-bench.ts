/**
 * npm run bench:matching — a full re-score of every generated obligation end to end (outbox → BullMQ → worker →
 * stored sets), side by side with a tight in-process loop over the same candidate pairs with the same functions
 * (the limit, and the oracle: the top 10 of every obligation must agree). Then one offering change, timed until
 * its re-scored sets are stored.
 *
 *   npm run bench:matching -- [--enterprises 5000] [--offerings-per 3] [--obligations 200] [--seed 42]
 *                             [--database-url postgres://…/buysocial_bench_matching] [--redis-url redis://…/2]
 *                             [--skip-generate] [--changes-only]
 */
import 'reflect-metadata';
import { MatchingService, MatchingTriggers, NO_JIT_SQL } from '@app/domain';
import { todayInNl } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { postgresCpu, postgresCpuBetween } from './proc-cpu';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 1) {
  const name = process.argv[i].replace(/^--/, '');
  const next = process.argv[i + 1];
  if (next === undefined || next.startsWith('--')) args.set(name, 'true');
  else {
    args.set(name, next);
    i += 1;
  }
}
const num = (name: string, fallback: number): number => Number(args.get(name) ?? fallback);
const ENTERPRISES = num('enterprises', 5000);
const OFFERINGS_PER = num('offerings-per', 3);
const OBLIGATIONS = num('obligations', 200);
const SEED = num('seed', 42);
const DATABASE_URL =
  args.get('database-url') ?? 'postgres://postgres@127.0.0.1:5432/buysocial_bench_matching';
const REDIS_URL = args.get('redis-url') ?? 'redis://127.0.0.1:6379/2';
/** Only the offering changes, on the obligations and stored sets of a previous run (to iterate on the patch path). */
const CHANGES_ONLY = args.get('changes-only') === 'true';
const ROOT = join(__dirname, '..', '..');

const log = (line: string): void => console.log(line);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const load = (): string => loadavg()[0].toFixed(2);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function generateDirectory(): void {
  const run = spawnSync(
    'npm',
    [
      'run',
      '--silent',
      'generate',
      '--',
      '--enterprises',
      String(ENTERPRISES),
      '--offerings-per',
      String(OFFERINGS_PER),
      '--seed',
      String(SEED),
      '--database-url',
      DATABASE_URL,
      '--reset',
    ],
    { cwd: ROOT, stdio: 'inherit', env: process.env },
  );
  if (run.status !== 0) throw new Error('the directory generator failed');
}

/** Awarded obligations over the CPV codes the offerings use and real PC4 areas, under the Utrecht policy. */
async function generateObligations(ds: DataSource): Promise<void> {
  const policy = readFileSync(
    join(ROOT, 'libs/database/src/reference-data/sroi-policies/utrecht-current.json'),
    'utf8',
  );
  await ds.transaction(async (m) => {
    // TRUNCATE waits for a job the worker may still be running from a previous run (DELETE could deadlock with it).
    await m.query('TRUNCATE obligation_match, tender_match, match_state, match_delta');
    await m.query(
      `DELETE FROM obligation WHERE tender_id IN (SELECT id FROM tender WHERE title LIKE 'Bench %')`,
    );
    await m.query(
      `DELETE FROM contract WHERE tender_id IN (SELECT id FROM tender WHERE title LIKE 'Bench %')`,
    );
    await m.query(
      `DELETE FROM tender_item WHERE tender_id IN (SELECT id FROM tender WHERE title LIKE 'Bench %')`,
    );
    await m.query(`DELETE FROM tender WHERE title LIKE 'Bench %'`);
    await m.query(`DELETE FROM sroi_policy WHERE name = 'Bench policy'`);
    await m.query(`DELETE FROM organisation WHERE name IN ('Bench buyer', 'Bench contractor')`);
    const [buyer] = await m.query(
      `INSERT INTO organisation (kind, name, postcode) VALUES ('buyer', 'Bench buyer', '3511 AA') RETURNING id`,
    );
    const [contractor] = await m.query(
      `INSERT INTO organisation (kind, name, postcode) VALUES ('contractor', 'Bench contractor', '3511 AA') RETURNING id`,
    );
    const [p] = await m.query(
      `INSERT INTO sroi_policy (buyer_organisation_id, lineage_id, name, version, valid_from, body, created_by, status)
       VALUES ($1, gen_random_uuid(), 'Bench policy', 'bench', '2024-01-01', $2::jsonb, gen_random_uuid(), 'published')
       RETURNING id`,
      [buyer.id, policy],
    );
    await m.query('SELECT setseed($1)', [(SEED % 1000) / 1000]);
    // Each obligation: one or two items with codes the offerings use (so there are candidates), a random PC4.
    await m.query(
      `WITH codes AS (SELECT DISTINCT unnest(cpv_codes) AS code FROM offering),
            numbered AS (SELECT code, row_number() OVER (ORDER BY code) AS n FROM codes),
            pcs AS (SELECT pc4, row_number() OVER (ORDER BY pc4) AS n FROM postcode_area),
            g AS (SELECT i, random() AS r1, random() AS r2, random() AS r3 FROM generate_series(1, $1) i),
            t AS (
              INSERT INTO tender (buyer_organisation_id, title, description, main_procurement_category, status,
                                  estimated_value_cents, delivery_postcode, contract_start, contract_end,
                                  sroi_policy_id, created_by)
              SELECT $2, 'Bench ' || g.i || ' ' || c.label_nl, nb.code || ' ' || c.label_en, 'services', 'awarded', 50000000,
                     (SELECT pc4 FROM pcs WHERE n = 1 + floor(g.r2 * (SELECT count(*) FROM pcs))::int),
                     '2026-01-01', '2028-12-31', $3, gen_random_uuid()
                FROM g
                JOIN numbered nb ON nb.n = 1 + floor(g.r1 * (SELECT count(*) FROM numbered))::int
                JOIN cpv_code c ON c.code = nb.code
              RETURNING id, description
            )
       INSERT INTO tender_item (tender_id, position, description, cpv_code)
       SELECT t.id, 0, left(substr(t.description, 10), 200), left(t.description, 8) FROM t`,
      [OBLIGATIONS, buyer.id, p.id],
    );
    await m.query(
      `WITH t AS (SELECT id FROM tender WHERE title LIKE 'Bench %'),
            c AS (
              INSERT INTO contract (tender_id, buyer_organisation_id, contractor_organisation_id, value_cents,
                                    start_date, end_date, policy_id, policy_snapshot, awarded_by)
              SELECT t.id, $1, $2, 50000000, '2026-01-01', '2028-12-31', $3, $4::jsonb, gen_random_uuid() FROM t
              RETURNING id, tender_id
            )
       INSERT INTO obligation (contract_id, tender_id, buyer_organisation_id, contractor_organisation_id, policy_id,
                               applicable, percentage, amount_cents, breakdown, inputs, due_date)
       SELECT c.id, c.tender_id, $1, $2, $3, true, 5, 2500000, '[]'::jsonb, '{}'::jsonb, '2028-12-31' FROM c`,
      [buyer.id, contractor.id, p.id, policy],
    );
  });
  await ds.query('ANALYZE tender; ANALYZE tender_item; ANALYZE obligation; ANALYZE contract');
}

/**
 * The machine's speed right now: a fixed integer loop in node and a fixed statement in PostgreSQL are timed. This
 * VM's speed drifts by half within hours; runs compare only at similar probe times.
 */
function machineProbe(): string {
  const t = process.hrtime.bigint();
  let x = 0;
  for (let i = 0; i < 100_000_000; i++) x = (x * 1103515245 + 12345) % 2147483648;
  const nodeMs = Number(process.hrtime.bigint() - t) / 1e6;
  const psql = spawnSync(
    'psql',
    [DATABASE_URL, '-Atc', '\\timing on', '-c', 'SELECT count(*) FROM generate_series(1, 5000000)'],
    { encoding: 'utf8' },
  );
  const pgMs = /Time: ([\d.]+) ms/.exec(psql.stdout ?? '')?.[1];
  return `probe loop ${nodeMs.toFixed(0)} ms (x=${x % 10}), PostgreSQL probe ${pgMs ?? '?'} ms (lower is faster)`;
}

async function main(): Promise<void> {
  if (args.get('skip-generate') !== 'true') generateDirectory();
  process.env.DATABASE_URL = DATABASE_URL;
  process.env.REDIS_URL = REDIS_URL;
  const worker = await NestFactory.createApplicationContext(
    WorkerModule.register({ DATABASE_URL, REDIS_URL, OUTBOX_RELAY: 'on', LOG_LEVEL: 'warn' }),
    { logger: ['error', 'warn'] },
  );
  worker.enableShutdownHooks();
  const ds = worker.get<DataSource>(getDataSourceToken());
  const matching = worker.get(MatchingService);
  const triggers = worker.get(MatchingTriggers);
  // The worker starts with the relay on and may still run jobs a previous run left (its last change's revert):
  // resetting the match tables under them can deadlock, so the reset is retried until they are done.
  for (let attempt = 1; !CHANGES_ONLY; attempt += 1) {
    try {
      await generateObligations(ds);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== '40P01' || attempt >= 10) throw err;
      console.log(`reset: deadlock with a leftover job, retrying (${attempt})`);
      await sleep(1000);
    }
  }
  const ids: string[] = (
    await ds.query(
      `SELECT o.id FROM obligation o JOIN tender t ON t.id = o.tender_id WHERE t.title LIKE 'Bench %'`,
    )
  ).map((r: { id: string }) => r.id);
  const [{ n: offerings }] = await ds.query('SELECT count(*)::int AS n FROM offering');
  console.log(`data: ${ENTERPRISES} enterprises, ${offerings} offerings, ${ids.length} obligations`);
  console.log(`machine: ${machineProbe()}`);

  const today = todayInNl();
  const lap = (t: bigint): number => Number(process.hrtime.bigint() - t) / 1e6;
  // CPU used by this process (bench and worker) and by PostgreSQL: the machine's speed drifts between runs, the
  // work done does not, so these compare runs on different hours.
  const cpuNow = (): { node: number; pg: Map<string, number> | null } => {
    const u = process.cpuUsage();
    return { node: (u.user + u.system) / 1e6, pg: postgresCpu() };
  };
  const cpuSince = (a: ReturnType<typeof cpuNow>): string => {
    const b = cpuNow();
    const pg = postgresCpuBetween(a.pg, b.pg);
    return `CPU: node ${(b.node - a.node).toFixed(1)} s, PostgreSQL ${pg === null ? 'unknown' : `${pg.toFixed(1)} s`}`;
  };
  if (!CHANGES_ONLY) {
    // The limit: the same SQL and the same pure scorer, in one tight loop, nothing stored. Timed by phase.
    const oracle = new Map<string, string[]>();
    let loopPairs = 0;
    const phase = { subject: 0, candidates: 0, score: 0 };
    const loadBefore = load();
    const loopCpu = cpuNow();
    const loopStart = process.hrtime.bigint();
    for (const id of ids) {
      let t = process.hrtime.bigint();
      const s = await matching.obligationSubject(id, today);
      phase.subject += lap(t);
      if (!s) continue;
      t = process.hrtime.bigint();
      // As the worker runs it: in a transaction without JIT.
      const candidates = await ds.transaction(async (m) => {
        await m.query(NO_JIT_SQL);
        return matching.candidates(m, s);
      });
      phase.candidates += lap(t);
      t = process.hrtime.bigint();
      const scored = matching.score(s, candidates);
      phase.score += lap(t);
      loopPairs += scored.length;
      oracle.set(
        id,
        scored.slice(0, 10).map((m) => m.offeringId),
      );
    }
    const loopMs = lap(loopStart);
    const loopCpuUsed = cpuSince(loopCpu);
    const rate = (pairs: number, ms: number): number => (pairs / ms) * 1000;
    const per = (ms: number): string => `${(ms / ids.length).toFixed(1)} ms`;
    log(
      `in-process loop: ${loopPairs} pairs in ${(loopMs / 1000).toFixed(1)} s = ${rate(loopPairs, loopMs).toFixed(0)} pairs/s ` +
        `(one obligation at a time; load ${loadBefore} → ${load()}; ${loopCpuUsed})`,
    );
    log(
      `  per obligation: subject ${per(phase.subject)}, candidate SQL ${per(phase.candidates)}, scoring ${per(phase.score)}`,
    );

    // End to end: outbox rows for every obligation, the relay, BullMQ, the worker, the stored sets. From empty
    // tables without dead rows: a previous run's 1.86M deleted rows would otherwise be vacuumed inside the window.
    await ds.query('TRUNCATE obligation_match, match_state, match_delta');
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 250);
    const queueLoadBefore = load();
    const queueCpu = cpuNow();
    const queueStart = process.hrtime.bigint();
    await ds.transaction((m) => triggers.request(m, 'obligation', ids));
    for (;;) {
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM match_state WHERE subject_type = 'obligation' AND computed_revision >= requested_revision`,
      );
      if (n >= ids.length) break;
      await sleep(50);
    }
    const queueMs = lap(queueStart);
    const queueCpuUsed = cpuSince(queueCpu);
    clearInterval(sampler);
    const [{ n: queuePairs }] = await ds.query('SELECT count(*)::int AS n FROM obligation_match');
    log(
      `queue + worker:  ${queuePairs} pairs in ${(queueMs / 1000).toFixed(1)} s = ${rate(queuePairs, queueMs).toFixed(0)} pairs/s ` +
        `(${((rate(queuePairs, queueMs) / rate(loopPairs, loopMs)) * 100).toFixed(0)} % of the loop; load ${queueLoadBefore} → ${load()}; ${queueCpuUsed})`,
    );
    const half = Math.floor(rss.length / 2);
    log(
      `  memory (bench + worker, one process) during the queue run: first half max ${mb(Math.max(...rss.slice(0, half)))}, ` +
        `second half max ${mb(Math.max(...rss.slice(half)))}`,
    );

    let agree = 0;
    for (const id of ids) {
      const stored: string[] = (
        await ds.query(
          `SELECT offering_id FROM obligation_match WHERE obligation_id = $1
          ORDER BY counts DESC, score DESC, offering_id LIMIT 10`,
          [id],
        )
      ).map((r: { offering_id: string }) => r.offering_id);
      if (JSON.stringify(stored) === JSON.stringify(oracle.get(id) ?? [])) agree += 1;
    }
    log(`top 10 agree:    ${agree} of ${ids.length} obligations`);
  }

  // One offering change, visible when every set it affects is stored again: the offering listed in most sets.
  const changes = [
    { what: 'capacity changed', sql: `UPDATE offering SET capacity_cents_per_month = 100000 WHERE id = $1` },
    {
      what: 'delivery point moved 40 km',
      sql: `UPDATE offering SET lat = lat + 0.36, delivery_radius_km = NULL WHERE id = $1`,
    },
  ];
  for (const change of changes) {
    const [changed] = await ds.query(
      `SELECT offering_id FROM obligation_match GROUP BY offering_id ORDER BY count(*) DESC, offering_id LIMIT 1`,
    );
    const revisions = async (): Promise<Map<string, number>> =>
      new Map(
        (
          await ds.query(
            `SELECT subject_id, requested_revision FROM match_state WHERE subject_type = 'obligation'`,
          )
        ).map((r: { subject_id: string; requested_revision: number }) => [
          r.subject_id,
          r.requested_revision,
        ]),
      );
    const before = await revisions();
    const changeLoadBefore = load();
    const changeStart = process.hrtime.bigint();
    await ds.transaction(async (m) => {
      await m.query(change.sql, [changed.offering_id]);
      await triggers.offeringsChanged(m, [changed.offering_id]);
    });
    // The obligations the change touched: their requested revision went up in its transaction.
    const affected = [...(await revisions()).entries()]
      .filter(([id, r]) => r > (before.get(id) ?? 0))
      .map(([id]) => id);
    for (;;) {
      const [{ open }] = await ds.query(
        `SELECT count(*)::int AS open FROM match_state
          WHERE subject_type = 'obligation' AND subject_id = ANY($1::uuid[]) AND computed_revision < requested_revision`,
        [affected],
      );
      if (open === 0) break;
      await sleep(10);
    }
    const changeMs = lap(changeStart);
    // How each set was written (a whole set carries one revision) and whether it equals a full re-score.
    let patched = 0;
    let equal = 0;
    for (const id of affected) {
      const [w] = await ds.query(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE m.revision = s.computed_revision)::int AS fresh
           FROM obligation_match m JOIN match_state s ON s.subject_type = 'obligation' AND s.subject_id = m.obligation_id
          WHERE m.obligation_id = $1`,
        [id],
      );
      if (w.fresh < w.n) patched += 1;
      const s = await matching.obligationSubject(id, today);
      const full = s ? matching.score(s, await matching.candidates(ds.manager, s)) : [];
      const stored = await ds.query(
        `SELECT offering_id, social_enterprise_id, score, counts, projected_credit_cents::float8 AS p,
                spend_to_fill_cents::float8 AS f, distance_km, reasons
           FROM obligation_match WHERE obligation_id = $1 ORDER BY counts DESC, score DESC, offering_id`,
        [id],
      );
      const mine = full.map((r) => ({
        offering_id: r.offeringId,
        social_enterprise_id: r.socialEnterpriseId,
        score: r.score,
        counts: r.counts,
        p: r.projectedCreditCents,
        f: r.spendToFillCents,
        distance_km: r.distanceKm,
        reasons: r.reasons,
      }));
      // Reasons are stored compact, as arrays: jsonb keeps their order.
      if (JSON.stringify(mine) === JSON.stringify(stored)) equal += 1;
    }
    log(
      `one offering change (${change.what}): ${affected.length} obligations re-scored and stored in ${changeMs.toFixed(0)} ms ` +
        `(${patched} patched pair by pair, ${affected.length - patched} whole sets; ` +
        `equal to a full re-score: ${equal} of ${affected.length}; load ${changeLoadBefore} → ${load()})`,
    );
  }

  log('(load = 1-minute load average of this 2-core machine, shared with whatever else runs on it)');
  await worker.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
