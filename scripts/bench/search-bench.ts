/**
 * npm run bench:search — GET /api/v1/offerings for six query mixes on the generated 100k-enterprise /
 * 300k-offering data set, the real API (Nest, validation, guards, logging) side by side with a bare node:http + pg
 * server running identical SQL. At 1 connection a sequential loop measures every request (p50/p95); at more
 * connections autocannon measures throughput and p50/p99.
 *
 *   npm run bench:search -- [--duration 10] [--connections 1,16] [--mixes filter,typo] [--warmup 2] [--jit-warmup 15] [--rounds 1]
 *                           [--database-url postgres://.../buysocial_bench] [--compare DIR --compare-label NAME]
 *
 * `--compare DIR` also starts the API of another checkout (its own node_modules, same data) and measures it in the
 * same rounds: two versions of the API side by side in one run (the Fastify move was measured against Express so).
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { postgresCpu, postgresCpuBetween, processCpuSeconds } from './proc-cpu';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const DURATION = Number(args.get('duration') ?? 10);
/** Seconds of load on each server right before its measured run. */
const WARMUP = Number(args.get('warmup') ?? 2);
/**
 * Seconds of every mix at 16 connections on each server before anything is measured: the API's code paths are many
 * times the bare server's, and V8 compiles them over the first few thousand requests (a cold API used twice the
 * CPU per request of a warm one). A server in production is warm; so is the one measured here.
 */
const JIT_WARMUP = Number(args.get('jit-warmup') ?? 15);
/** Measured runs per mix and server, in alternating order; the table's line is their median. */
const ROUNDS = Number(args.get('rounds') ?? 1);
const CONNECTION_COUNTS = (args.get('connections') ?? '1,16').split(',').map(Number);
/** `--mixes filter,page`: only the mixes whose name contains one of these words (all by default). */
const MIX_FILTER = args.get('mixes')?.split(',');
const DB =
  args.get('database-url') ??
  process.env.BENCH_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/buysocial_bench';
const API_PORT = 3198;
const COMPARE_PORT = 3197;
const COMPARE_DIR = args.get('compare');
const COMPARE_LABEL = args.get('compare-label') ?? 'compare';
const BARE_PORT = 3199;
const TS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

interface Mix {
  name: string;
  paths: string[];
}

interface Result {
  rps: number;
  p50: number;
  p95?: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function start(file: string, extraArgs: string[], env: Record<string, string>, cwd?: string): ChildProcess {
  return spawn(process.execPath, [...TS, file, ...extraArgs], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

function typo(name: string): string {
  const words = name.split(' ');
  const i = words.reduce((best, w, j) => (w.length > words[best].length ? j : best), 0);
  const w = words[i];
  words[i] = w.slice(0, Math.floor(w.length / 2)) + w.slice(Math.floor(w.length / 2) + 1);
  return words.join(' ');
}

async function mixes(db: Client): Promise<Mix[]> {
  const enc = (q: Record<string, string | number>): string =>
    `/api/v1/offerings?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString()}`;
  // The most frequent title words in the data set: "one common word".
  const common = await db.query<{ word: string }>(
    `SELECT word FROM ts_stat($$SELECT to_tsvector('simple', title) FROM offering TABLESAMPLE SYSTEM (5) REPEATABLE (42)$$)
     WHERE length(word) >= 5 ORDER BY ndoc DESC, word LIMIT 5`,
  );
  const titles = await db.query<{ title: string }>('SELECT title FROM offering ORDER BY id LIMIT 40');
  const threeWords = titles.rows
    .map((r) =>
      r.title
        .split(/\s+/)
        .filter((w) => w.length >= 4)
        .slice(0, 3),
    )
    .filter((w) => w.length === 3)
    .slice(0, 20);
  const names = await db.query<{ name: string }>(
    "SELECT name FROM organisation WHERE kind = 'social_enterprise' ORDER BY id LIMIT 20",
  );
  const cpvs = ['45000000', '90000000', '55000000', '77000000', '79000000'];
  const postcodes = ['2011', '1012', '3511', '2511', '3011', '5611'];
  return [
    { name: 'one common word', paths: common.rows.map((r) => enc({ q: r.word })) },
    { name: 'three words', paths: threeWords.map((w) => enc({ q: w.join(' ') })) },
    {
      name: 'CPV subtree + 25 km + certified',
      paths: cpvs.flatMap((cpv, i) =>
        postcodes
          .slice(i % 2, (i % 2) + 3)
          .map((postcode) => enc({ cpv, postcode, radiusKm: 25, certification: 'pso' })),
      ),
    },
    { name: 'typo in a name', paths: names.rows.map((r) => enc({ q: typo(r.name) })) },
    {
      name: 'filter only: CPV + postcode + 10 km',
      paths: cpvs.flatMap((cpv, i) =>
        postcodes.slice(i % 2, (i % 2) + 3).map((postcode) => enc({ cpv, postcode, radiusKm: 10 })),
      ),
    },
    { name: 'page 3 of a common word', paths: common.rows.map((r) => enc({ q: r.word })) },
  ];
}

/** Replaces each path by the path of its third page (cursors taken from the bare server's answers). */
async function thirdPages(port: number, paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    let url = path;
    for (let page = 1; page < 3; page++) {
      const body = (await (await fetch(`http://127.0.0.1:${port}${url}`)).json()) as {
        nextCursor: string | null;
      };
      if (!body.nextCursor) break;
      url = `${path}&cursor=${encodeURIComponent(body.nextCursor)}`;
    }
    out.push(url);
  }
  return out;
}

/** One connection: requests one after another, every latency kept, for exact percentiles. */
async function sequential(port: number, paths: string[], duration: number): Promise<Result> {
  const times: number[] = [];
  let errors = 0;
  const end = Date.now() + duration * 1000;
  for (let i = 0; Date.now() < end; i++) {
    const t0 = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${paths[i % paths.length]}`);
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) errors++;
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10;
  return {
    rps: times.length / duration,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: 0,
    non2xx: errors,
  };
}

/** A measured run, with the server process's own CPU and PostgreSQL's per answered request (ms). */
async function measured(
  server: ChildProcess,
  port: number,
  paths: string[],
  duration: number,
  connections: number,
): Promise<Measured> {
  const before = processCpuSeconds(server.pid);
  const pgBefore = postgresCpu();
  const result = await run(port, paths, duration, connections);
  const after = processCpuSeconds(server.pid);
  const pg = postgresCpuBetween(pgBefore, postgresCpu());
  const requests = result.rps * duration;
  const perRequest = (a: number | null, b: number | null): number | null =>
    a === null || b === null || requests === 0 ? null : ((b - a) * 1000) / requests;
  return { ...result, cpuMs: perRequest(before, after), pgMs: perRequest(0, pg) };
}

async function run(port: number, paths: string[], duration: number, connections: number): Promise<Result> {
  if (connections === 1) return sequential(port, paths, duration);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    requests: paths.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function sameAnswers(paths: string[]): Promise<void> {
  for (const path of paths.slice(0, 5)) {
    const [a, b, c] = await Promise.all(
      [API_PORT, BARE_PORT, ...(COMPARE_DIR ? [COMPARE_PORT] : [])].map((p) =>
        fetch(`http://127.0.0.1:${p}${path}`).then((r) => r.json()),
      ),
    );
    const ids = (x: { items?: { id: string }[] }) => JSON.stringify((x.items ?? []).map((i) => i.id));
    if (ids(a) !== ids(b)) throw new Error(`API and bare server disagree on ${path}`);
    if (c && ids(c) !== ids(b)) throw new Error(`${COMPARE_LABEL} API and bare server disagree on ${path}`);
  }
}

type Measured = Result & { cpuMs: number | null; pgMs: number | null };

const mid = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];

/** Each figure's median over the rounds (the lower middle one for an even count). */
function median(rs: Measured[]): Measured {
  const of = (f: (r: Measured) => number | null | undefined): number | null => {
    const xs = rs.map(f).filter((x): x is number => x != null);
    return xs.length ? mid(xs) : null;
  };
  return {
    rps: of((r) => r.rps)!,
    p50: of((r) => r.p50)!,
    p95: of((r) => r.p95) ?? undefined,
    p99: of((r) => r.p99)!,
    errors: rs.reduce((n, r) => n + r.errors, 0),
    non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
    cpuMs: of((r) => r.cpuMs),
    pgMs: of((r) => r.pgMs),
  };
}

/** Prints one line of the table and says whether it meets the targets (on the rounds' median ratio if given). */
function report(name: string, b: Measured, a: Measured, connections: number, ratios?: number[]): boolean {
  const ratio = ratios ? mid(ratios) : a.rps / b.rps;
  const clean = a.errors + a.non2xx === 0;
  const ok =
    connections === 1
      ? a.p50 <= 10 && (a.p95 ?? Infinity) <= 25 && clean
      : ratio >= 0.8 && a.p99 <= 150 && clean;
  const lat = (r: Result): string =>
    connections === 1
      ? `p50 ${String(r.p50).padStart(5)} ms p95 ${String(r.p95).padStart(5)} ms`
      : `p50 ${String(r.p50).padStart(4)} ms p99 ${String(r.p99).padStart(4)} ms`;
  console.log(
    `${name.padEnd(36)} bare ${b.rps.toFixed(0).padStart(6)} req/s ${lat(b)} | ` +
      `api ${a.rps.toFixed(0).padStart(6)} req/s ${lat(a)} | ratio ${ratio.toFixed(2)} ${ok ? 'ok' : 'MISSED'}` +
      (a.cpuMs !== null && b.cpuMs !== null
        ? ` | CPU/req node + PostgreSQL: bare ${b.cpuMs.toFixed(2)} + ${b.pgMs?.toFixed(2)} ms, ` +
          `api ${a.cpuMs.toFixed(2)} + ${a.pgMs?.toFixed(2)} ms`
        : '') +
      (a.errors + a.non2xx + b.errors + b.non2xx
        ? ` (errors/non-2xx api ${a.errors}/${a.non2xx}, bare ${b.errors}/${b.non2xx})`
        : ''),
  );
  return ok;
}

async function main(): Promise<void> {
  const db = new Client({ connectionString: DB });
  try {
    await db.connect();
  } catch {
    console.error(
      `no bench database at ${DB}: run npm run generate -- --enterprises 100000 --seed 42 --reset`,
    );
    process.exit(1);
  }
  const { rows } = await db.query<{ se: number; off: number }>(
    "SELECT (SELECT count(*) FROM organisation WHERE kind = 'social_enterprise')::int AS se, (SELECT count(*) FROM offering)::int AS off",
  );
  if (rows[0].se < 1000) {
    console.log('bench database is empty: generating 100k enterprises (seed 42) first');
    const gen = spawnSync(
      'npm',
      ['run', 'generate', '--', '--enterprises', '100000', '--seed', '42', '--reset', '--database-url', DB],
      { stdio: 'inherit' },
    );
    if (gen.status !== 0) process.exit(1);
  }
  const counts = (
    await db.query<{ se: number; off: number }>(
      "SELECT (SELECT count(*) FROM organisation WHERE kind = 'social_enterprise')::int AS se, (SELECT count(*) FROM offering)::int AS off",
    )
  ).rows[0];
  const mixList = (await mixes(db)).filter((m) => !MIX_FILTER || MIX_FILTER.some((w) => m.name.includes(w)));
  await db.end();

  const env = {
    DATABASE_URL: DB,
    REDIS_URL: 'redis://127.0.0.1:6379/2',
    NODE_ENV: 'production',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    ADMIN_PASSWORD: 'bench-admin-password',
  };
  const api = start('apps/api/src/main.ts', [], {
    ...env,
    PORT: String(API_PORT),
    LOG_LEVEL: args.get('api-log-level') ?? 'info',
  });
  const bare = start('scripts/bench/bare-server.ts', [String(BARE_PORT)], env);
  const other = COMPARE_DIR
    ? start(
        'apps/api/src/main.ts',
        [],
        { ...env, PORT: String(COMPARE_PORT), LOG_LEVEL: args.get('api-log-level') ?? 'info' },
        COMPARE_DIR,
      )
    : undefined;
  const stop = (): void => {
    api.kill('SIGTERM');
    bare.kill('SIGTERM');
    other?.kill('SIGTERM');
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    await Promise.all([
      waitFor(`http://127.0.0.1:${API_PORT}/health`),
      waitFor(`http://127.0.0.1:${BARE_PORT}/`),
      ...(other ? [waitFor(`http://127.0.0.1:${COMPARE_PORT}/health`)] : []),
    ]);
    const page3 = mixList.find((m) => m.name.startsWith('page 3'));
    if (page3) page3.paths = await thirdPages(BARE_PORT, page3.paths);
    console.log(
      `data: ${counts.se} enterprises, ${counts.off} offerings; ${DURATION} s per run, node ${process.version}; ` +
        `load average ${load()}`,
    );
    const allPaths = mixList.flatMap((m) => m.paths);
    await run(BARE_PORT, allPaths, JIT_WARMUP, 16);
    await run(API_PORT, allPaths, JIT_WARMUP, 16);
    if (other) await run(COMPARE_PORT, allPaths, JIT_WARMUP, 16);
    let pass = true;
    for (const connections of CONNECTION_COUNTS) {
      console.log(`\n${connections} connection${connections === 1 ? '' : 's'}`);
      for (const mix of mixList) {
        await sameAnswers(mix.paths);
        const rounds: { b: Measured; a: Measured; c?: Measured }[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          // Each server is warmed right before its own run: both pools close connections idle for 10 s, so a
          // warm-up followed by the other server's run left the second one measuring reconnections and cold
          // backend caches (it favoured whichever ran first by up to a quarter of its throughput). With several
          // rounds the order alternates, so a drift of the machine's speed within a round favours neither.
          const measure = async (server: ChildProcess, port: number): Promise<Measured> => {
            await run(port, mix.paths, WARMUP, connections);
            return measured(server, port, mix.paths, DURATION, connections);
          };
          const compare = async (): Promise<Measured | undefined> =>
            other ? measure(other, COMPARE_PORT) : undefined;
          if (round % 2 === 0) {
            const b = await measure(bare, BARE_PORT);
            const a = await measure(api, API_PORT);
            rounds.push({ b, a, c: await compare() });
          } else {
            const c = await compare();
            const a = await measure(api, API_PORT);
            rounds.push({ c, a, b: await measure(bare, BARE_PORT) });
          }
          if (ROUNDS > 1) {
            report(`${mix.name} (${round + 1})`, rounds[round].b, rounds[round].a, connections);
            if (other)
              report(`  ${COMPARE_LABEL} (${round + 1})`, rounds[round].b, rounds[round].c!, connections);
          }
        }
        // Reported first, judged after: `pass &&= report(...)` skipped every line after the first miss.
        const ok = report(
          ROUNDS > 1 ? `${mix.name} (median)` : mix.name,
          median(rounds.map((r) => r.b)),
          median(rounds.map((r) => r.a)),
          connections,
          rounds.map((r) => r.a.rps / r.b.rps),
        );
        pass &&= ok;
        if (other) {
          report(
            `  ${COMPARE_LABEL}${ROUNDS > 1 ? ' (median)' : ''}`,
            median(rounds.map((r) => r.b)),
            median(rounds.map((r) => r.c!)),
            connections,
            rounds.map((r) => r.c!.rps / r.b.rps),
          );
        }
      }
    }
    console.log(`\nload average at the end ${load()} (other processes on the machine skew every figure)`);
    console.log(
      `\ntargets: 1 connection p50 ≤ 10 ms and p95 ≤ 25 ms; 16 connections api ≥ 0.8 × bare and p99 ≤ 150 ms: ${pass ? 'met' : 'NOT met'}`,
    );
  } finally {
    stop();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
