/**
 * npm run bench:soak — a long mixed load on one real API process and one real worker process (the production
 * entry points apps/api/src/main.ts and apps/worker/src/main.ts, outbox relay on), on a database of its own. Signed-in
 * users of each role search, submit and review contributions, go from quote request to quote, order and invoice,
 * edit offerings, ask for matching re-scores and for reports (PDF, CSV, JSON) and wait for them as the web app does.
 * Every minute it prints throughput, p99 and errors (5xx apart) per operation kind, the jobs finished, and the memory
 * and CPU of each process; at the end memory growth after the warm-up, total 5xx and lost or duplicated jobs (every
 * job the run started must be relayed from the outbox, complete exactly once in BullMQ and leave its background job
 * done), and a verdict line.
 *
 *   npm run bench:soak -- [--minutes 20] [--connections 8] [--database-url postgres://…/buysocial_soak]
 *                         [--redis-url redis://127.0.0.1:6379/11] [--warmup 3] [--drain 180] [--think-ms 0]
 *                         [--enterprises 2000] [--port 3230] [--fresh]
 *
 * The database is created, migrated and seeded as scripts/start.sh does (npm run migration:run, npm run seed),
 * with `--enterprises` generated social enterprises (npm run generate) for the directory and the matcher; each run
 * then registers its own buyers, contractors and social enterprises through the API. `--fresh` drops the database
 * first. The Redis database is emptied at the start (BullMQ's queues are judged from a clean state).
 * See docs/performance/soak.md.
 */
import { Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ALL_QUEUES } from '../../libs/queue/src/queue-names';
import { redisOptionsFromUrl } from '../../libs/queue/src/redis-connection';
import { postgresCpu, postgresCpuBetween, processCpuSeconds } from './proc-cpu';

// ------------------------------------------------------------------------------------------------ options

function parseArgs(argv: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out.set(argv[i].slice(2), 'true');
    else out.set(argv[i].slice(2), argv[++i]);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
function intArg(name: string, fallback: number, min: number): number {
  const n = Number(args.get(name) ?? fallback);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min}`);
    process.exit(64);
  }
  return n;
}
const MINUTES = intArg('minutes', 20, 1);
const CONNECTIONS = intArg('connections', 8, 1);
/** The minute whose memory is the baseline: the ones before it are warm-up (JIT, pools, caches filling). */
const WARMUP = intArg('warmup', 3, 1);
/** Seconds after the load for the worker to finish what was started before the jobs are counted. */
const DRAIN_S = intArg('drain', 180, 10);
/** Pause of each virtual user between two scenarios (0: each user starts the next one at once). */
const THINK_MS = intArg('think-ms', 0, 0);
const ENTERPRISES = intArg('enterprises', 2000, 0);
const PORT = intArg('port', 3230, 1);
const FRESH = args.get('fresh') === 'true';
const DB = args.get('database-url') ?? 'postgres://postgres@127.0.0.1:5432/buysocial_soak';
const REDIS = args.get('redis-url') ?? 'redis://127.0.0.1:6379/11';
const BASE = `http://127.0.0.1:${PORT}`;
const TS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const ENV: Record<string, string> = {
  NODE_ENV: 'production',
  DATABASE_URL: DB,
  REDIS_URL: REDIS,
  PORT: String(PORT),
  JWT_SECRET: 'soak-bench-jwt-secret-0123456789-abcdefghij',
  ADMIN_EMAIL: 'admin@soak.local',
  ADMIN_PASSWORD: 'admin-soak-password',
  AUTH_RATE_LIMIT: '100000',
  OUTBOX_RELAY: 'on',
  LOG_LEVEL: 'warn',
  LOG_FORMAT: 'json',
  TS_NODE_TRANSPILE_ONLY: '1',
};
/**
 * Access tokens live 15 minutes; a session refreshes its pair after 10, as the web app does before expiry
 * (`--token-refresh-s` shortens it, to see the refreshes in a short run).
 */
const TOKEN_REFRESH_MS = intArg('token-refresh-s', 600, 1) * 1000;
const POLL_MS = 250;
/** A job not finished this long after it was asked for is left to the final count (it is not waited on longer). */
const POLL_LIMIT_MS = 5 * 60_000;
const SAMPLE_MS = 5_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const today = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const mb = (bytes: number | null | undefined): string =>
  bytes === null || bytes === undefined ? '?' : `${Math.round(bytes / 2 ** 20)} MB`;
const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;

// ------------------------------------------------------------------------------------------------ processes

interface Proc {
  name: string;
  child: ChildProcess;
  log: string;
  probe: string;
}

/**
 * Each product process reports its own heap: a preloaded module (written to the run's temporary directory) writes
 * process.memoryUsage() and the heap used right after the last major GC to a file every 2 s. It touches nothing of
 * the product, and its timer is unref'd so it never keeps a process alive.
 */
function probeModule(dir: string, name: string, file: string): string {
  const path = join(dir, `${name}.probe.js`);
  writeFileSync(
    path,
    `const { writeFileSync } = require('node:fs');
const { PerformanceObserver } = require('node:perf_hooks');
let afterGc = null;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.detail && e.detail.kind === 4) afterGc = process.memoryUsage().heapUsed;
}).observe({ entryTypes: ['gc'] });
setInterval(() => {
  try {
    writeFileSync(${JSON.stringify(file)}, JSON.stringify({ ...process.memoryUsage(), afterGc }));
  } catch {}
}, 2000).unref();
`,
  );
  return path;
}

function start(name: string, app: 'api' | 'worker', dir: string, nodeFlags: string[] = []): Proc {
  const log = join(dir, `${name}.log`);
  const probe = join(dir, `${name}.memory.json`);
  const fd = openSync(log, 'a');
  const child = spawn(
    process.execPath,
    [...nodeFlags, '-r', probeModule(dir, name, probe), ...TS, `apps/${app}/src/main.ts`],
    { env: { ...process.env, ...ENV }, stdio: ['ignore', fd, fd] },
  );
  closeSync(fd);
  return { name, child, log, probe };
}

const exited = (p: Proc): boolean => p.child.exitCode !== null || p.child.signalCode !== null;

function stop(procs: Proc[]): Promise<void> {
  return Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
          const timer = setTimeout(() => p.child.kill('SIGKILL'), 30_000);
          p.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          p.child.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}

/** `npm run <script>` with the bench's environment; throws on a non-zero exit. */
function npm(script: string, extra: string[] = [], quiet = false): string {
  const res = spawnSync('npm', ['run', '--silent', script, ...(extra.length ? ['--', ...extra] : [])], {
    env: { ...process.env, ...ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  if (res.status !== 0) throw new Error(`npm run ${script} failed (exit ${res.status}):\n${res.stdout}`);
  if (!quiet) process.stdout.write(res.stdout);
  return res.stdout;
}

// ------------------------------------------------------------------------------------------------ /proc

function statusKb(pid: number | undefined, field: string): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Proportional set size (shared pages split between the processes sharing them); RSS where it is unreadable. */
function pss(pid: number): number {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    /* not ours to read, or gone */
  }
  return statusKb(pid, 'VmRSS') ?? 0;
}

function pidsNamed(name: string): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === name) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

interface ProbeReading {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  afterGc: number | null;
}

function readProbe(file: string): ProbeReading | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ProbeReading;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------------------------------ HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });
let socketRetries = 0;

interface Answer {
  status: number;
  body: Buffer;
}

function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const once = (): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: PORT, method, path, agent, headers, timeout: 120_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('request timed out after 120 s')));
      req.on('error', (err: NodeJS.ErrnoException) =>
        reject(Object.assign(err, { reused: req.reusedSocket })),
      );
      req.end(body);
    });
  // A kept-alive socket the server closed just as it was reused: nothing reached the server, so send it again
  // (what Node's documentation advises); any other network error counts.
  return once().catch((err: NodeJS.ErrnoException & { reused?: boolean }) => {
    if (!err.reused || err.code !== 'ECONNRESET') throw err;
    socketRetries++;
    return once();
  });
}

// ------------------------------------------------------------------------------------------------ statistics

const KINDS = [
  'search',
  'read',
  'contribute',
  'review',
  'quote_request',
  'quote',
  'order',
  'invoice',
  'offering',
  'rescore',
  'report',
  'poll',
  'auth',
] as const;
type Kind = (typeof KINDS)[number];

class Bucket {
  n = 0;
  lat: number[] = [];
  c4 = 0;
  c5 = 0;
  net = 0;
  add(ms: number, status: number, ok: boolean): void {
    this.n++;
    this.lat.push(ms);
    if (ok) return;
    if (status === 0) this.net++;
    else if (status >= 500) this.c5++;
    else this.c4++;
  }
}

function p99(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.ceil(0.99 * s.length) - 1)];
}

const buckets = (): Map<Kind, Bucket> => new Map(KINDS.map((k) => [k, new Bucket()]));
let minuteStats = buckets();
const totalStats = buckets();
/** Unexpected answers by route and status, for the report (ids replaced by :id). */
const problems = new Map<string, number>();

function record(kind: Kind, ms: number, status: number, ok: boolean): void {
  minuteStats.get(kind)!.add(ms, status, ok);
  totalStats.get(kind)!.add(ms, status, ok);
}

/** Jobs asked for through the API and waited on: turnaround from the request to the poll that saw it finished. */
type JobKind = 'rescore' | 'report';
class JobBucket {
  done = 0;
  failed = 0;
  unfinished = 0;
  turnaround: number[] = [];
}
const jobBuckets = (): Record<JobKind, JobBucket> => ({ rescore: new JobBucket(), report: new JobBucket() });
let minuteJobs = jobBuckets();
const totalJobs = jobBuckets();
/** Every background job id the API answered, with how many requests got that id (a repeated report request gets
 * the one still running). */
const started = new Map<string, { kind: JobKind; requests: number }>();

interface Session {
  label: string;
  token: string;
  refreshToken: string;
  at: number;
  organisationId: string;
  refreshing?: Promise<void>;
}

interface Call {
  session?: Session;
  body?: unknown;
  /** Send Accept-Encoding as a browser does (the body is then not parsed). */
  compressed?: boolean;
  expect?: number[];
}

const route = (path: string): string =>
  path.replace(/\?.*$/, '').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');

async function tokenOf(s: Session): Promise<string> {
  if (Date.now() - s.at > TOKEN_REFRESH_MS) {
    s.refreshing ??= (async () => {
      const r = await call('auth', 'POST', '/api/v1/auth/refresh', {
        body: { refreshToken: s.refreshToken },
      });
      if (r) {
        s.token = r.accessToken as string;
        s.refreshToken = r.refreshToken as string;
        s.at = Date.now();
      }
    })().finally(() => (s.refreshing = undefined));
    await s.refreshing;
  }
  return s.token;
}

type Json = Record<string, unknown> & { id?: string };

/** One request of the load: timed and counted under its kind; the parsed answer, or null when it failed. */
async function call(kind: Kind, method: string, path: string, c: Call = {}): Promise<Json | null> {
  const headers: Record<string, string> = {};
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  if (c.compressed) headers['accept-encoding'] = 'br, gzip';
  if (c.session) headers.authorization = `Bearer ${await tokenOf(c.session)}`;
  const t0 = performance.now();
  let answer: Answer;
  try {
    answer = await send(method, path, headers, c.body === undefined ? undefined : JSON.stringify(c.body));
  } catch (err) {
    record(kind, performance.now() - t0, 0, false);
    const key = `${method} ${route(path)} → ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
    problems.set(key, (problems.get(key) ?? 0) + 1);
    return null;
  }
  const ms = performance.now() - t0;
  const ok = c.expect ? c.expect.includes(answer.status) : answer.status >= 200 && answer.status < 300;
  record(kind, ms, answer.status, ok);
  if (!ok) {
    let code = '';
    try {
      code = String((JSON.parse(answer.body.toString('utf8')) as { code?: string }).code ?? '');
    } catch {
      /* not JSON */
    }
    const key = `${method} ${route(path)} → ${answer.status} ${code}`.trim();
    problems.set(key, (problems.get(key) ?? 0) + 1);
    return null;
  }
  if (c.compressed || !answer.body.length) return {};
  try {
    return JSON.parse(answer.body.toString('utf8')) as Json;
  } catch {
    return {};
  }
}

/** Set-up requests: any failure stops the bench. */
async function setup(method: string, path: string, body?: unknown, session?: Session): Promise<Json> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (session) headers.authorization = `Bearer ${session.token}`;
  const r = await send(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
  if (r.status >= 300) throw new Error(`set-up ${method} ${path} → ${r.status} ${r.body.toString('utf8')}`);
  return r.body.length ? (JSON.parse(r.body.toString('utf8')) as Json) : {};
}

// ------------------------------------------------------------------------------------------------ fixture

interface Obligation {
  id: string;
  tenderId: string;
  contractor: Session;
  officer: Session;
}

interface Enterprise {
  session: Session;
  offerings: string[];
}

interface Fixture {
  officerWork: Session;
  officerReports: Session;
  contractors: Session[];
  enterprises: Enterprise[];
  /** Obligations that get contributions, quotes and re-scores during the run. */
  working: Obligation[];
  /** Obligations reported on: their contributions are made at set-up only, so a report costs the same in
   * minute 20 as in minute 1 and memory is compared on equal work. */
  reporting: Obligation[];
  reportingBuyerId: string;
  activeTenderId: string;
}

const CONTRACTORS = 4;
const ENTERPRISE_USERS = 6;
const WORKING_OBLIGATIONS = 6;
const REPORTING_OBLIGATIONS = 2;
const REPORTING_CONTRIBUTIONS = 40;
const SE_OFFERINGS: { title: string; description: string; cpvCodes: string[] }[] = [
  {
    title: 'Schoonmaak van kantoren en scholen',
    description: 'Dagelijkse schoonmaak en glasbewassing met mensen uit de Participatiewet.',
    cpvCodes: ['90910000'],
  },
  {
    title: 'Groenonderhoud en snoeiwerk',
    description: 'Maaien, snoeien en onkruidbeheer als leerwerkplek.',
    cpvCodes: ['77310000'],
  },
  {
    title: 'Catering voor vergaderingen',
    description: 'Lunches en koffie met lokale producten, bereid door leerlingen.',
    cpvCodes: ['55520000'],
  },
  {
    title: 'Drukwerk en mailings',
    description: 'Printen, vouwen en verzenden in onze sociale werkplaats.',
    cpvCodes: ['79810000'],
  },
];
const TENDER_CPVS = ['90911200', '77310000', '55520000', '79810000', '90910000', '90911300'];
const POSTCODES = ['2011 AB', '2031 BN', '2012 JK', '2023 BC', '2071 CD', '2032 HA'];

function policyBody(stamp: number): unknown {
  return {
    name: `Soak social return ${stamp}`,
    version: `v${stamp}`,
    validFrom: `${today().slice(0, 4)}-01-01`,
    categories: ['services', 'works', 'goods'],
    thresholdCents: 0,
    defaultPercentage: 5,
    goodsMinLabourShare: null,
    minCents: null,
    capCents: null,
    fullTimeHoursPerWeek: 36,
    psoDiscounts: [],
    blocks: [{ code: 'ACT_HOUR', category: 'social_activity', unit: 'hour', valueCents: 10_000 }],
    bonuses: [],
    purchaseRule: {
      eligibleCertifications: ['pso', 'pso_30plus', 'code_sociale_ondernemingen', 'sw_company'],
      minPsoLevel: null,
      mode: 'full_invoice',
      factor: null,
    },
  };
}

function session(label: string, a: Json): Session {
  return {
    label,
    token: a.accessToken as string,
    refreshToken: a.refreshToken as string,
    at: Date.now(),
    organisationId: (a.user as { organisationId: string }).organisationId,
  };
}

/** Registers a contractor or social enterprise; a KvK number already taken (the generated directory) is retried. */
async function register(kind: string, label: string, stamp: number, n: number): Promise<Session> {
  for (let attempt = 0; ; attempt++) {
    const kvk = String(10_000_000 + ((stamp + (n * 31 + attempt) * 7919) % 89_999_999));
    try {
      const a = await setup('POST', '/api/v1/auth/register', {
        email: `${kind}.${n}.${stamp}@soak.local`,
        password: 'a-good-long-password',
        name: `${label} ${n}`,
        organisation: {
          kind,
          name: `${label} ${n} (soak ${stamp})`,
          kvkNumber: kvk,
          postcode: POSTCODES[n % POSTCODES.length],
          city: 'Haarlem',
        },
      });
      return session(`${kind} ${n}`, a);
    } catch (err) {
      if (attempt < 5 && / 409 /.test((err as Error).message)) continue;
      throw err;
    }
  }
}

async function buyer(admin: Session, stamp: number, name: string): Promise<{ officer: Session; id: string }> {
  const org = await setup(
    'POST',
    '/api/v1/organisations',
    { kind: 'buyer', name: `${name} (soak ${stamp})`, postcode: '2011 RD' },
    admin,
  );
  const email = `officer.${org.id}@soak.local`;
  await setup(
    'POST',
    `/api/v1/organisations/${org.id}/users`,
    { email, name: `Inkoper ${name}`, password: 'officer-password-1', role: 'procurement_officer' },
    admin,
  );
  const officer = session(
    `officer ${name}`,
    await setup('POST', '/api/v1/auth/login', { email, password: 'officer-password-1' }),
  );
  return { officer, id: org.id! };
}

async function awardedObligation(
  officer: Session,
  policyId: string,
  contractor: Session,
  title: string,
  cpvCode: string,
  award = true,
): Promise<Obligation> {
  const year = Number(today().slice(0, 4));
  const tender = await setup(
    'POST',
    '/api/v1/tenders',
    {
      title,
      description: `${title}: schoonmaak, groen en catering met social return.`,
      mainProcurementCategory: 'services',
      items: [{ description: title, cpvCode }],
      estimatedValueCents: 120_000_000,
      deliveryPostcode: '2011 RD',
      contractPeriod: { startDate: `${year}-01-01`, endDate: `${year + 1}-12-31` },
      labourShare: 0.7,
      sroi: { policyId },
    },
    officer,
  );
  await setup('POST', `/api/v1/tenders/${tender.id}/publish`, undefined, officer);
  if (!award) return { id: '', tenderId: tender.id!, contractor, officer };
  const a = await setup(
    'POST',
    `/api/v1/tenders/${tender.id}/award`,
    { contractorOrganisationId: contractor.organisationId, contractValueCents: 115_000_000 },
    officer,
  );
  return { id: (a.obligation as { id: string }).id, tenderId: tender.id!, contractor, officer };
}

async function fixture(): Promise<Fixture> {
  const stamp = Date.now();
  const admin = session(
    'admin',
    await setup('POST', '/api/v1/auth/login', { email: ENV.ADMIN_EMAIL, password: ENV.ADMIN_PASSWORD }),
  );
  const work = await buyer(admin, stamp, 'Gemeente Werkstad');
  const reports = await buyer(admin, stamp, 'Gemeente Rapportdam');
  const policies: string[] = [];
  for (const officer of [work.officer, reports.officer]) {
    const p = await setup('POST', '/api/v1/sroi-policies', policyBody(stamp), officer);
    await setup('POST', `/api/v1/sroi-policies/${p.id}/publish`, undefined, officer);
    policies.push(p.id!);
  }
  const contractors: Session[] = [];
  for (let i = 0; i < CONTRACTORS; i++)
    contractors.push(await register('contractor', 'Soak Aannemer', stamp, i));
  const enterprises: Enterprise[] = [];
  const year = Number(today().slice(0, 4));
  for (let i = 0; i < ENTERPRISE_USERS; i++) {
    const s = await register('social_enterprise', 'Soak Sociaal Bedrijf', stamp, 100 + i);
    await setup(
      'PUT',
      `/api/v1/social-enterprises/${s.organisationId}/profile`,
      {
        mission: 'Werk voor mensen met afstand tot de arbeidsmarkt.',
        targetGroups: ['participatiewet', 'banenafspraak'],
        fteTotal: 20 + i,
        fteTargetGroup: 10 + i,
        serviceRadiusKm: 50,
      },
      s,
    );
    const cert = await setup(
      'POST',
      `/api/v1/organisations/${s.organisationId}/certifications`,
      { type: 'pso', level: 'trede_2', validFrom: `${year - 1}-01-01`, validUntil: `${year + 2}-12-31` },
      s,
    );
    await setup(
      'POST',
      `/api/v1/certifications/${cert.id}/verification`,
      { decision: 'verified' },
      work.officer,
    );
    const offerings: string[] = [];
    for (const k of [i % SE_OFFERINGS.length, (i + 1) % SE_OFFERINGS.length]) {
      const o = await setup(
        'POST',
        '/api/v1/offerings',
        {
          ...SE_OFFERINGS[k],
          priceIndicationCents: 3500,
          unit: 'uur',
          labourShare: 0.8,
          deliveryRadiusKm: 40,
          capacityCentsPerMonth: 2_000_000,
        },
        s,
      );
      offerings.push(o.id!);
    }
    enterprises.push({ session: s, offerings });
  }
  const working: Obligation[] = [];
  for (let i = 0; i < WORKING_OBLIGATIONS; i++)
    working.push(
      await awardedObligation(
        work.officer,
        policies[0],
        contractors[i % CONTRACTORS],
        `Soak perceel ${i + 1}`,
        TENDER_CPVS[i % TENDER_CPVS.length],
      ),
    );
  const active = await awardedObligation(
    work.officer,
    policies[0],
    contractors[0],
    'Soak openbare aanbesteding',
    '90911200',
    false,
  );
  const reporting: Obligation[] = [];
  for (let i = 0; i < REPORTING_OBLIGATIONS; i++) {
    const ob = await awardedObligation(
      reports.officer,
      policies[1],
      contractors[i % CONTRACTORS],
      `Soak rapportage ${i + 1}`,
      TENDER_CPVS[i],
    );
    for (let k = 0; k < REPORTING_CONTRIBUTIONS; k++) {
      const c = await setup(
        'POST',
        `/api/v1/obligations/${ob.id}/contributions`,
        {
          category: 'social_activity',
          blockCode: 'ACT_HOUR',
          quantity: 1 + (k % 8),
          description: `Gastles ${k + 1} op het Spaarne College, "praktijkdag"`,
        },
        ob.contractor,
      );
      if (k % 2 === 0)
        await setup(
          'POST',
          `/api/v1/contributions/${c.id}/review`,
          k % 4 === 0 ? { decision: 'verified' } : { decision: 'rejected', note: 'Geen presentielijst' },
          reports.officer,
        );
    }
    reporting.push(ob);
  }
  return {
    officerWork: work.officer,
    officerReports: reports.officer,
    contractors,
    enterprises,
    working,
    reporting,
    reportingBuyerId: reports.id,
    activeTenderId: active.tenderId,
  };
}

// ------------------------------------------------------------------------------------------------ scenarios

/** A small seeded generator per virtual user, so two runs ask for the same mix. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'schoonmaak',
  'groenonderhoud',
  'catering',
  'drukwerk',
  'inpakwerk',
  'koffie',
  'onderhoud',
  'schoonmak',
  'glasbewassing',
  'sociale werkplaats',
  'cleaning',
  'leerwerkplek',
];
const SEARCH_CPVS = ['90000000', '77000000', '55000000', '79000000', '45000000'];
let invoiceCounter = 0;
let editCounter = 0;

class VirtualUser {
  private readonly r: () => number;

  constructor(
    private readonly f: Fixture,
    index: number,
  ) {
    this.r = rng(0x50a4 + index * 7919);
  }

  private pick<T>(xs: T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }

  /** The scenarios and their weights (share of the scenarios a user starts). */
  private readonly mix: [number, () => Promise<void>][] = [
    [34, () => this.search()],
    [10, () => this.read()],
    [16, () => this.contribute()],
    [10, () => this.marketplace()],
    [5, () => this.editOffering()],
    [13, () => this.rescore()],
    [12, () => this.report()],
  ];

  async run(until: number): Promise<void> {
    const total = this.mix.reduce((s, [w]) => s + w, 0);
    while (Date.now() < until) {
      let x = this.r() * total;
      const scenario = this.mix.find(([w]) => (x -= w) < 0)?.[1] ?? this.mix[0][1];
      await scenario();
      if (THINK_MS) await sleep(THINK_MS);
    }
  }

  private async search(): Promise<void> {
    const q = encodeURIComponent(this.pick(WORDS));
    const paths = [
      `/api/v1/offerings?q=${q}&limit=20`,
      `/api/v1/offerings?q=${q}&certification=pso&limit=20`,
      `/api/v1/offerings?cpv=${this.pick(SEARCH_CPVS)}&postcode=2011&radiusKm=25&limit=20`,
      `/api/v1/social-enterprises?q=${q}&limit=20`,
      `/api/v1/tenders?status=active&limit=20`,
      `/api/v1/cpv?q=${q}&limit=10`,
    ];
    await call('search', 'GET', this.pick(paths), { compressed: true });
  }

  private async read(): Promise<void> {
    const ob = this.pick(this.f.working);
    const se = this.pick(this.f.enterprises).session;
    const reads: [Session, string][] = [
      [ob.contractor, `/api/v1/obligations/${ob.id}`],
      [ob.contractor, `/api/v1/obligations/${ob.id}/contributions?limit=20`],
      [ob.contractor, `/api/v1/obligations/${ob.id}/matches?limit=20`],
      [ob.contractor, `/api/v1/tenders/${this.f.activeTenderId}/matches?limit=20`],
      [ob.contractor, '/api/v1/orders?limit=20'],
      [se, `/api/v1/social-enterprises/${se.organisationId}/opportunities?limit=20`],
      [se, '/api/v1/quote-requests?limit=20'],
      [ob.officer, '/api/v1/obligations?limit=20'],
      [this.f.officerReports, '/api/v1/reports?limit=20'],
    ];
    const [s, path] = this.pick(reads);
    await call('read', 'GET', path, { session: s, compressed: true });
  }

  private async review(contributionId: string): Promise<void> {
    const verified = this.r() < 0.75;
    await call('review', 'POST', `/api/v1/contributions/${contributionId}/review`, {
      session: this.f.officerWork,
      body: verified ? { decision: 'verified' } : { decision: 'rejected', note: 'Bewijs ontbreekt' },
    });
  }

  private async contribute(): Promise<void> {
    const ob = this.pick(this.f.working);
    const c = await call('contribute', 'POST', `/api/v1/obligations/${ob.id}/contributions`, {
      session: ob.contractor,
      body: {
        category: 'social_activity',
        blockCode: 'ACT_HOUR',
        quantity: 1 + Math.floor(this.r() * 8),
        description: 'Gastles over werken in de schoonmaak',
      },
    });
    if (c?.id) await this.review(c.id);
  }

  /** Quote request → quote → order → invoice (a purchase contribution) → order completed → the officer's review. */
  private async marketplace(): Promise<void> {
    const ob = this.pick(this.f.working);
    const se = this.pick(this.f.enterprises);
    const now = today();
    const qr = await call('quote_request', 'POST', '/api/v1/quote-requests', {
      session: ob.contractor,
      body: {
        obligationId: ob.id,
        offeringId: this.pick(se.offerings),
        description: 'Extra schoonmaak van twee wijkcentra tijdens de verbouwing.',
        budgetCents: 1_500_000,
        neededBy: addDays(now, 30),
      },
    });
    if (!qr?.id) return;
    const quote = await call('quote', 'POST', `/api/v1/quote-requests/${qr.id}/quotes`, {
      session: se.session,
      body: { amountCents: 1_200_000 + Math.floor(this.r() * 300_000), validUntil: addDays(now, 30) },
    });
    if (!quote?.id) return;
    const order = await call('order', 'POST', `/api/v1/quotes/${quote.id}/accept`, {
      session: ob.contractor,
    });
    if (!order?.id) return;
    const invoice = await call('invoice', 'POST', `/api/v1/orders/${order.id}/invoices`, {
      session: se.session,
      body: {
        invoiceNumber: `SOAK-${process.pid}-${Date.now()}-${++invoiceCounter}`,
        invoiceDate: now,
        amountCents: 50_000 + Math.floor(this.r() * 450_000),
      },
    });
    await call('order', 'POST', `/api/v1/orders/${order.id}/complete`, { session: ob.contractor });
    const contribution = invoice?.contribution as { id?: string } | undefined;
    if (contribution?.id) await this.review(contribution.id);
  }

  /** A changed offering re-scores the obligations near it through the outbox (score-obligation jobs). */
  private async editOffering(): Promise<void> {
    const se = this.pick(this.f.enterprises);
    const n = ++editCounter;
    await call('offering', 'PATCH', `/api/v1/offerings/${this.pick(se.offerings)}`, {
      session: se.session,
      body: {
        description: `Schoonmaak, groen en catering met mensen uit de Participatiewet (versie ${n % 7}).`,
        priceIndicationCents: 3000 + (n % 10) * 100,
      },
    });
  }

  /** Polls a job until it is finished; the status seen last. */
  private async waitFor(kind: JobKind, path: string, s: Session, askedAt: number, id: string): Promise<void> {
    for (;;) {
      await sleep(POLL_MS);
      const j = await call('poll', 'GET', path, { session: s });
      const status = j?.status as string | undefined;
      if (status === 'done' || status === 'failed') {
        for (const b of [minuteJobs[kind], totalJobs[kind]]) {
          if (status === 'done') {
            b.done++;
            b.turnaround.push(Date.now() - askedAt);
          } else b.failed++;
        }
        if (status === 'failed') {
          const key = `${kind} job ${id} failed: ${String(j?.error ?? '').slice(0, 120)}`;
          problems.set(key, (problems.get(key) ?? 0) + 1);
        }
        return;
      }
      if (Date.now() - askedAt > POLL_LIMIT_MS) {
        minuteJobs[kind].unfinished++;
        totalJobs[kind].unfinished++;
        return;
      }
    }
  }

  private track(id: string, kind: JobKind): void {
    const t = started.get(id);
    if (t) t.requests++;
    else started.set(id, { kind, requests: 1 });
  }

  private async rescore(): Promise<void> {
    const ob = this.pick(this.f.working);
    const s = this.r() < 0.7 ? ob.contractor : ob.officer;
    const askedAt = Date.now();
    const job = await call('rescore', 'POST', `/api/v1/obligations/${ob.id}/matches/refresh`, {
      session: s,
      expect: [202],
    });
    if (!job?.id) return;
    this.track(job.id, 'rescore');
    await this.waitFor('rescore', `/api/v1/jobs/${job.id}`, s, askedAt, job.id);
    await call('read', 'GET', `/api/v1/obligations/${ob.id}/matches?limit=20`, {
      session: s,
      compressed: true,
    });
  }

  private async report(): Promise<void> {
    const ob = this.pick(this.f.reporting);
    const language = this.r() < 0.8 ? 'nl' : 'en';
    const variants: [Session, unknown][] = [
      [ob.contractor, { scope: 'obligation', scopeId: ob.id, format: 'pdf', language }],
      [ob.contractor, { scope: 'obligation', scopeId: ob.id, format: 'csv', language }],
      [ob.officer, { scope: 'tender', scopeId: ob.tenderId, format: 'pdf', language }],
      [ob.officer, { scope: 'tender', scopeId: ob.tenderId, format: 'json', language }],
      [ob.officer, { scope: 'buyer', scopeId: this.f.reportingBuyerId, format: 'csv', language }],
      [ob.officer, { scope: 'buyer', scopeId: this.f.reportingBuyerId, format: 'pdf', language }],
    ];
    const [s, body] = this.pick(variants);
    const askedAt = Date.now();
    const job = await call('report', 'POST', '/api/v1/reports', { session: s, body, expect: [202] });
    if (!job?.id) return;
    this.track(job.id, 'report');
    await this.waitFor('report', `/api/v1/reports/${job.id}`, s, askedAt, job.id);
    await call('report', 'GET', `/api/v1/reports/${job.id}/download`, { session: s, compressed: true });
  }
}

// ------------------------------------------------------------------------------------------------ monitoring

interface MemSample {
  apiRss: number | null;
  workerRss: number | null;
  pgPss: number;
  pgSoakPss: number;
}

interface Minute {
  index: number;
  apiRss: number;
  workerRss: number;
  apiHeap: ProbeReading | null;
  workerHeap: ProbeReading | null;
  pgPss: number;
  pgSoakPss: number;
}

const avg = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Least-squares slope of ys over their index (per minute). */
function slope(ys: number[]): number {
  const n = ys.length;
  if (n < 2) return 0;
  const mx = (n - 1) / 2;
  const my = avg(ys);
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

class Monitor {
  private samples: MemSample[] = [];
  readonly minutes: Minute[] = [];
  private timer: NodeJS.Timeout | undefined;
  private cpu = { api: 0, worker: 0, pg: postgresCpu(), redis: new Map<number, number>(), bench: 0 };
  private completed = 0;
  private failedEvents = 0;
  private minuteStart = Date.now();

  constructor(
    private readonly api: Proc,
    private readonly worker: Proc,
    private readonly pg: Client,
    private readonly redis: Redis,
    private readonly queues: Queue[],
    private readonly outboxStart: string,
    private readonly t0: Date,
  ) {}

  onCompleted(): void {
    this.completed++;
  }

  onFailed(): void {
    this.failedEvents++;
  }

  begin(): void {
    this.minuteStart = Date.now();
    this.cpu = {
      api: processCpuSeconds(this.api.child.pid) ?? 0,
      worker: processCpuSeconds(this.worker.child.pid) ?? 0,
      pg: postgresCpu(),
      redis: new Map(pidsNamed('redis-server').map((p) => [p, processCpuSeconds(p) ?? 0])),
      bench: process.cpuUsage().user + process.cpuUsage().system,
    };
    this.timer = setInterval(() => void this.sample(), SAMPLE_MS);
    void this.sample();
  }

  end(): void {
    clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    let soakPids: number[] = [];
    try {
      soakPids = (
        await this.pg.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database()',
        )
      ).rows.map((r) => r.pid);
    } catch {
      /* counted as 0 this time */
    }
    const all = pidsNamed('postgres');
    this.samples.push({
      apiRss: statusKb(this.api.child.pid, 'VmRSS'),
      workerRss: statusKb(this.worker.child.pid, 'VmRSS'),
      pgPss: all.reduce((s, p) => s + pss(p), 0),
      pgSoakPss: soakPids.reduce((s, p) => s + pss(p), 0),
    });
  }

  async queueCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const q of this.queues) {
      const c = await q.getJobCounts(
        'waiting',
        'active',
        'delayed',
        'failed',
        'prioritized',
        'waiting-children',
      );
      for (const [k, v] of Object.entries(c)) out[k] = (out[k] ?? 0) + v;
    }
    return out;
  }

  async minute(index: number): Promise<void> {
    await this.sample();
    const s = this.samples;
    this.samples = [];
    const seconds = (Date.now() - this.minuteStart) / 1000;
    this.minuteStart = Date.now();
    const stats = minuteStats;
    minuteStats = buckets();
    const jobs = minuteJobs;
    minuteJobs = jobBuckets();
    const completed = this.completed;
    const failedEvents = this.failedEvents;
    this.completed = 0;
    this.failedEvents = 0;

    const m: Minute = {
      index,
      apiRss: avg(s.map((x) => x.apiRss ?? 0)),
      workerRss: avg(s.map((x) => x.workerRss ?? 0)),
      apiHeap: readProbe(this.api.probe),
      workerHeap: readProbe(this.worker.probe),
      pgPss: avg(s.map((x) => x.pgPss)),
      pgSoakPss: avg(s.map((x) => x.pgSoakPss)),
    };
    this.minutes.push(m);

    // CPU per process over the minute (100 % = one core).
    const apiCpu = processCpuSeconds(this.api.child.pid) ?? 0;
    const workerCpu = processCpuSeconds(this.worker.child.pid) ?? 0;
    const pgNow = postgresCpu();
    const redisNow = new Map(pidsNamed('redis-server').map((p) => [p, processCpuSeconds(p) ?? 0]));
    const benchNow = process.cpuUsage().user + process.cpuUsage().system;
    const share = (used: number | null): string =>
      used === null ? '?' : `${Math.round((used / seconds) * 100)} %`;
    let redisUsed = 0;
    for (const [pid, c] of redisNow) redisUsed += c - (this.cpu.redis.get(pid) ?? 0);
    const cpuLine =
      `api ${share(apiCpu - this.cpu.api)}, worker ${share(workerCpu - this.cpu.worker)}, ` +
      `postgres (all) ${share(postgresCpuBetween(this.cpu.pg, pgNow))}, redis ${share(redisUsed)}, ` +
      `bench ${share((benchNow - this.cpu.bench) / 1e6)}`;
    this.cpu = { api: apiCpu, worker: workerCpu, pg: pgNow, redis: redisNow, bench: benchNow };

    const db = (
      await this.pg.query<{ written: number; relayed: number; active: number }>(
        `SELECT count(*)::int AS written, count(dispatched_at)::int AS relayed,
                (SELECT count(*) FROM background_job WHERE created_at >= $2 AND status IN ('queued', 'running'))::int
                  AS active
           FROM outbox_message WHERE id > $1`,
        [this.outboxStart, this.t0],
      )
    ).rows[0];
    const q = await this.queueCounts();
    let redisMemory = '?';
    try {
      redisMemory = mb(Number(/used_memory:(\d+)/.exec(await this.redis.info('memory'))?.[1]));
    } catch {
      /* not told */
    }

    const lines = [
      `\n── minute ${index}/${MINUTES} (${seconds.toFixed(0)} s, load average ${loadavg()[0].toFixed(2)}) ──`,
      `  ${'kind'.padEnd(14)}${'req/s'.padStart(8)}${'p99 ms'.padStart(9)}${'4xx'.padStart(6)}${'5xx'.padStart(6)}${'net'.padStart(6)}`,
    ];
    for (const k of KINDS) {
      const b = stats.get(k)!;
      if (!b.n) continue;
      const p = p99(b.lat);
      lines.push(
        `  ${k.padEnd(14)}${(b.n / seconds).toFixed(1).padStart(8)}${(p === null ? '-' : p.toFixed(0)).padStart(9)}` +
          `${String(b.c4).padStart(6)}${String(b.c5).padStart(6)}${String(b.net).padStart(6)}`,
      );
    }
    const all = [...stats.values()];
    lines.push(
      `  ${'all'.padEnd(14)}${(all.reduce((t, b) => t + b.n, 0) / seconds).toFixed(1).padStart(8)}${''.padStart(9)}` +
        `${String(all.reduce((t, b) => t + b.c4, 0)).padStart(6)}${String(all.reduce((t, b) => t + b.c5, 0)).padStart(6)}` +
        `${String(all.reduce((t, b) => t + b.net, 0)).padStart(6)}`,
    );
    const jobLine = (k: JobKind): string => {
      const j = jobs[k];
      const p = p99(j.turnaround);
      return (
        `${k} ${j.done} done (p99 ${p === null ? '-' : (p / 1000).toFixed(1)} s from request)` +
        `${j.failed ? `, ${j.failed} FAILED` : ''}${j.unfinished ? `, ${j.unfinished} not finished in time` : ''}`
      );
    };
    lines.push(
      `  jobs    ${jobLine('rescore')}; ${jobLine('report')}; BullMQ ${completed} completed` +
        `${failedEvents ? `, ${failedEvents} attempts failed` : ''}`,
      `          outbox ${db.written} written / ${db.relayed} relayed since the start; background jobs queued or ` +
        `running ${db.active}; queues: ${q.waiting + q.prioritized} waiting, ${q.active} active, ${q.delayed} delayed (schedules included), ` +
        `${q.failed} failed`,
      `  memory  api RSS ${mb(m.apiRss)} (heap ${mb(m.apiHeap?.heapUsed)}, after last major GC ` +
        `${mb(m.apiHeap?.afterGc)}) · worker RSS ${mb(m.workerRss)} (heap ${mb(m.workerHeap?.heapUsed)}, after GC ` +
        `${mb(m.workerHeap?.afterGc)})`,
      `          postgres PSS ${mb(m.pgPss)} all processes, ${mb(m.pgSoakPss)} this database's backends · redis ` +
        `${redisMemory}`,
      `  cpu     ${cpuLine}`,
    );
    for (const p of [this.api, this.worker])
      if (exited(p))
        lines.push(`  !! ${p.name} EXITED (${p.child.exitCode ?? p.child.signalCode}); see ${p.log}`);
    console.log(lines.join('\n'));
  }
}

// ------------------------------------------------------------------------------------------------ final checks

interface Verdict {
  ok: boolean;
  parts: string[];
}

async function finalChecks(
  pg: Client,
  queues: Queue[],
  outboxStart: string,
  t0: Date,
  completions: Map<string, number>,
  duplicatedAdds: number,
): Promise<{ lost: number; duplicated: number; lines: string[] }> {
  const lines: string[] = [];
  let lost = 0;
  let duplicated = 0;

  // Background jobs: every one asked for must be done, and run once.
  const ids = [...started.keys()];
  const rows = (
    await pg.query<{ id: string; kind: string; status: string; attempts: number; error: string | null }>(
      `SELECT id, kind, status, attempts, error FROM background_job WHERE created_at >= $1 OR id = ANY($2::uuid[])`,
      [t0, ids],
    )
  ).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  const notDone = rows.filter((r) => r.status !== 'done');
  const rerun = rows.filter((r) => r.attempts > 1);
  const perKind = (kind: JobKind): string => {
    const mine = ids.filter((id) => started.get(id)!.kind === kind);
    const requests = mine.reduce((s, id) => s + started.get(id)!.requests, 0);
    const done = mine.filter((id) => byId.get(id)?.status === 'done').length;
    return `${kind} ${requests} requests → ${mine.length} jobs, ${done} done`;
  };
  lines.push(
    `  background jobs: ${perKind('rescore')}; ${perKind('report')}; ${rows.length} rows since the start ` +
      `(scheduled ones included), ${notDone.length} not done, ${rerun.length} run more than once`,
  );
  for (const r of notDone.slice(0, 5))
    lines.push(`    not done: ${r.kind} ${r.id} ${r.status}${r.error ? `: ${r.error.slice(0, 160)}` : ''}`);
  for (const id of missing.slice(0, 5)) lines.push(`    no row for the job id the API answered: ${id}`);
  lost += notDone.length + missing.length;
  duplicated += rerun.length;

  // Reports: a done report has its file.
  const reportIds = ids.filter((id) => started.get(id)!.kind === 'report');
  const files = (
    await pg.query<{ without: number }>(
      `SELECT count(*)::int AS without FROM report r JOIN background_job j ON j.id = r.id
        WHERE r.id = ANY($1::uuid[]) AND j.status = 'done' AND (r.sha256 IS NULL OR r.size_bytes IS NULL)`,
      [reportIds],
    )
  ).rows[0].without;
  if (files) lines.push(`    ${files} reports done without a file`);
  lost += files;

  // Outbox: every row written since the start relayed, and its job completed exactly once in BullMQ.
  const outbox = (
    await pg.query<{ queue: string; job_id: string; job_name: string; sent: boolean }>(
      `SELECT queue, job_id, job_name, dispatched_at IS NOT NULL AS sent FROM outbox_message WHERE id > $1`,
      [outboxStart],
    )
  ).rows;
  const unsent = outbox.filter((o) => !o.sent);
  const never = outbox.filter((o) => o.sent && !completions.get(`${o.queue}:${o.job_id}`));
  const twice = outbox.filter((o) => (completions.get(`${o.queue}:${o.job_id}`) ?? 0) > 1);
  const names = new Map<string, number>();
  for (const o of outbox) names.set(o.job_name, (names.get(o.job_name) ?? 0) + 1);
  lines.push(
    `  outbox: ${outbox.length} rows since the start (${[...names].map(([n, c]) => `${n} ${c}`).join(', ')}); ` +
      `${unsent.length} not relayed, ${never.length} relayed but never completed, ${twice.length} completed more ` +
      `than once; ${duplicatedAdds} re-adds of an existing id ignored by BullMQ`,
  );
  for (const o of [...unsent, ...never].slice(0, 5))
    lines.push(`    lost: ${o.queue} ${o.job_id} (${o.sent ? 'relayed, not completed' : 'not relayed'})`);
  lost += unsent.length + never.length;
  duplicated += twice.length;

  // BullMQ: nothing left behind (the schedulers' next runs are delayed by design).
  let left = 0;
  const leftLines: string[] = [];
  for (const q of queues) {
    const c = await q.getJobCounts('waiting', 'active', 'failed', 'prioritized', 'waiting-children');
    const delayed = (await q.getDelayed(0, -1)).filter(
      (j) => !j.repeatJobKey && !String(j.id).startsWith('repeat:'),
    );
    const n = Object.values(c).reduce((s, v) => s + v, 0) + delayed.length;
    if (n) {
      left += n;
      leftLines.push(
        `${q.name}: ${Object.entries(c)
          .filter(([, v]) => v)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}${delayed.length ? ` ${delayed.length} delayed (retries)` : ''}`,
      );
      for (const j of (await q.getFailed(0, 2)) ?? [])
        leftLines.push(`    failed ${j.name} ${j.id}: ${String(j.failedReason).slice(0, 160)}`);
    }
  }
  lines.push(
    `  BullMQ after the drain: ${left ? leftLines.join('; ') : 'no job waiting, active, delayed or failed'}`,
  );
  lost += left;
  return { lost, duplicated, lines };
}

function logCounts(p: Proc): string {
  let warn = 0;
  let error = 0;
  const first: string[] = [];
  try {
    for (const line of readFileSync(p.log, 'utf8').split('\n')) {
      const m = /"level":(\d+)/.exec(line);
      if (!m) continue;
      const level = Number(m[1]);
      if (level >= 50) {
        error++;
        const msg = /"msg":"([^"]{0,160})/.exec(line)?.[1];
        if (msg && first.length < 3 && !first.includes(msg)) first.push(msg);
      } else if (level >= 40) warn++;
    }
  } catch {
    /* no log */
  }
  return `${p.name} ${error} errors, ${warn} warnings${first.length ? ` (${first.join(' | ')})` : ''}`;
}

// ------------------------------------------------------------------------------------------------ main

async function prepareDatabase(): Promise<void> {
  if (FRESH) {
    const url = new URL(DB);
    const name = decodeURIComponent(url.pathname.slice(1));
    url.pathname = '/postgres';
    const c = new Client({ connectionString: url.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await c.end();
    console.log(`dropped database ${name}`);
  }
  // As scripts/start.sh: migrations (the script creates the database), then the demo seed (idempotent).
  npm('migration:run');
  console.log(npm('seed', [], true).split('\n')[0]);
  const c = new Client({ connectionString: DB });
  await c.connect();
  const generated = (
    await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM organisation o WHERE o.kind = 'social_enterprise'
          AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.organisation_id = o.id)`,
    )
  ).rows[0].n;
  await c.end();
  if (ENTERPRISES && generated === 0) {
    console.log(`generating ${ENTERPRISES} social enterprises for the directory (npm run generate)…`);
    npm(
      'generate',
      ['--enterprises', String(ENTERPRISES), '--seed', '1111', '--skip-migrations', '--database-url', DB],
      true,
    );
  }
}

async function main(): Promise<void> {
  console.log(
    `soak: ${MINUTES} min, ${CONNECTIONS} virtual users${THINK_MS ? ` (${THINK_MS} ms between scenarios)` : ''}, ` +
      `database ${DB.replace(/:[^:@/]+@/, ':***@')}, redis ${REDIS}; node ${process.version}, ${cpus().length} cores, ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
  );
  await prepareDatabase();

  const pg = new Client({ connectionString: DB, application_name: 'soak-bench' });
  await pg.connect();
  const sizes = (
    await pg.query<{ se: number; offerings: number; obligations: number; contributions: number }>(
      `SELECT (SELECT count(*) FROM organisation WHERE kind = 'social_enterprise')::int AS se,
              (SELECT count(*) FROM offering)::int AS offerings,
              (SELECT count(*) FROM obligation)::int AS obligations,
              (SELECT count(*) FROM contribution)::int AS contributions`,
    )
  ).rows[0];
  console.log(
    `data before the run: ${sizes.se} social enterprises, ${sizes.offerings} offerings, ${sizes.obligations} ` +
      `obligations, ${sizes.contributions} contributions`,
  );
  const { t0, outboxStart } = (
    await pg.query<{ t0: Date; outboxStart: string }>(
      `SELECT now() AS t0, coalesce(max(id), 0)::text AS "outboxStart" FROM outbox_message`,
    )
  ).rows[0];

  // BullMQ from a clean state: only this run's jobs are judged.
  const redis = new Redis(redisOptionsFromUrl(REDIS));
  await redis.flushdb();
  const connection = redisOptionsFromUrl(REDIS);
  const queues = ALL_QUEUES.map((name) => new Queue(name, { connection: redis, prefix: 'buysocial' }));
  const matching = queues.find((q) => q.name === 'matching')!;
  const completions = new Map<string, number>();
  let duplicatedAdds = 0;
  let monitor: Monitor | undefined;
  const events = ALL_QUEUES.map((name) => {
    const e = new QueueEvents(name, { connection, prefix: 'buysocial' });
    e.on('completed', ({ jobId }) => {
      completions.set(`${name}:${jobId}`, (completions.get(`${name}:${jobId}`) ?? 0) + 1);
      monitor?.onCompleted();
    });
    e.on('failed', () => monitor?.onFailed());
    e.on('duplicated', () => duplicatedAdds++);
    return e;
  });
  await Promise.all(events.map((e) => e.waitUntilReady()));

  const dir = mkdtempSync(join(tmpdir(), 'soak-'));
  const api = start('api', 'api', dir);
  const worker = start('worker', 'worker', dir, ['--max-semi-space-size=128']);
  const procs = [api, worker];
  let stopping = false;
  process.on('SIGINT', () => {
    if (stopping) return;
    stopping = true;
    console.log('\ninterrupted: stopping the API and the worker');
    void stop(procs).then(() => process.exit(130));
  });
  try {
    for (let i = 0; ; i++) {
      for (const p of procs)
        if (p.child.exitCode !== null)
          throw new Error(`${p.name} exited with ${p.child.exitCode}; see ${p.log}`);
      const up = await fetch(`${BASE}/health`)
        .then((r) => r.status === 200)
        .catch(() => false);
      const workers = await matching.getWorkersCount().catch(() => 0);
      if (up && workers > 0) break;
      if (i > 360) throw new Error(`the API or the worker did not come up in 3 minutes; see ${dir}`);
      await sleep(500);
    }
    console.log(`API (pid ${api.child.pid}) and worker (pid ${worker.child.pid}) up; logs in ${dir}`);

    const f = await fixture();
    console.log(
      `fixture: 2 buyers, ${f.contractors.length} contractors, ${f.enterprises.length} social enterprises with users, ` +
        `${f.working.length} working obligations, ${f.reporting.length} reported-on obligations ` +
        `(${REPORTING_CONTRIBUTIONS} contributions each), 1 active tender`,
    );

    monitor = new Monitor(api, worker, pg, redis, queues, outboxStart, t0);
    const loadStart = Date.now();
    const loadEnd = loadStart + MINUTES * 60_000;
    monitor.begin();
    const users = Array.from({ length: CONNECTIONS }, (_, i) => new VirtualUser(f, i).run(loadEnd));
    for (let m = 1; m <= MINUTES; m++) {
      await sleep(Math.max(0, loadStart + m * 60_000 - Date.now()));
      await monitor.minute(m);
    }
    monitor.end();
    await Promise.all(users);
    const loadSeconds = (Date.now() - loadStart) / 1000;
    const tail = (Date.now() - loadEnd) / 1000;

    // Drain: let the worker finish what the load started.
    const drainStart = Date.now();
    let drained = false;
    while (Date.now() - drainStart < DRAIN_S * 1000) {
      const db = (
        await pg.query<{ unsent: number; active: number }>(
          `SELECT (SELECT count(*) FROM outbox_message WHERE id > $1 AND dispatched_at IS NULL)::int AS unsent,
                  (SELECT count(*) FROM background_job WHERE created_at >= $2 AND status IN ('queued', 'running'))::int
                    AS active`,
          [outboxStart, t0],
        )
      ).rows[0];
      const q = await monitor.queueCounts();
      if (!db.unsent && !db.active && !q.waiting && !q.active && !q.prioritized && !q['waiting-children']) {
        drained = true;
        break;
      }
      await sleep(1000);
    }
    await sleep(2000); // the last completion events
    console.log(
      `\nload stopped; the users' last scenarios took ${tail.toFixed(0)} s more; ` +
        `${drained ? `drained in ${((Date.now() - drainStart) / 1000 - 2).toFixed(0)} s` : `NOT drained after ${DRAIN_S} s`}`,
    );

    // ---------------------------------------------------------------------------------------- summary
    const seconds = loadSeconds;
    console.log(`\n══ summary: ${MINUTES} min, ${CONNECTIONS} virtual users ══`);
    console.log(
      `  ${'kind'.padEnd(14)}${'requests'.padStart(10)}${'req/s'.padStart(8)}${'p99 ms'.padStart(9)}` +
        `${'4xx'.padStart(6)}${'5xx'.padStart(6)}${'net'.padStart(6)}`,
    );
    let c4 = 0;
    let c5 = 0;
    let net = 0;
    for (const k of KINDS) {
      const b = totalStats.get(k)!;
      c4 += b.c4;
      c5 += b.c5;
      net += b.net;
      if (!b.n) continue;
      const p = p99(b.lat);
      console.log(
        `  ${k.padEnd(14)}${String(b.n).padStart(10)}${(b.n / seconds).toFixed(1).padStart(8)}` +
          `${(p === null ? '-' : p.toFixed(0)).padStart(9)}${String(b.c4).padStart(6)}${String(b.c5).padStart(6)}` +
          `${String(b.net).padStart(6)}`,
      );
    }
    for (const k of ['rescore', 'report'] as JobKind[]) {
      const j = totalJobs[k];
      const p = p99(j.turnaround);
      console.log(
        `  ${k} jobs: ${j.done} done (p99 ${p === null ? '-' : (p / 1000).toFixed(1)} s from request to done), ` +
          `${j.failed} failed, ${j.unfinished} not finished within ${POLL_LIMIT_MS / 60_000} min`,
      );
    }
    if (problems.size) {
      console.log('  unexpected answers:');
      for (const [k, n] of [...problems].sort((a, b) => b[1] - a[1]).slice(0, 12))
        console.log(`    ${n}× ${k}`);
    }
    if (socketRetries)
      console.log(`  ${socketRetries} requests re-sent on a kept-alive socket the server had closed`);

    // Memory after warm-up.
    const ms = monitor.minutes;
    const last = ms[ms.length - 1];
    const baseIndex = Math.min(WARMUP, MINUTES - 1);
    const base = ms[baseIndex - 1];
    const judged = MINUTES > WARMUP;
    const memory: { name: string; growth: number; line: string }[] = [];
    if (base && last && base !== last) {
      const since = ms.slice(baseIndex - 1);
      for (const [name, pick] of [
        ['api', (m: Minute) => m.apiRss],
        ['worker', (m: Minute) => m.workerRss],
      ] as [string, (m: Minute) => number][]) {
        const growth = (pick(last) - pick(base)) / pick(base);
        memory.push({
          name,
          growth,
          line:
            `${name} RSS ${mb(pick(base))} → ${mb(pick(last))} (${pct(growth)}; trend ` +
            `${(slope(since.map(pick)) / 2 ** 20).toFixed(1)} MB/min)`,
        });
      }
      const heap = (name: string, b: ProbeReading | null, l: ProbeReading | null): string =>
        b?.afterGc && l?.afterGc
          ? `${name} heap after major GC ${mb(b.afterGc)} → ${mb(l.afterGc)} (${pct((l.afterGc - b.afterGc) / b.afterGc)})`
          : `${name} heap ${mb(b?.heapUsed)} → ${mb(l?.heapUsed)}`;
      console.log(
        `  memory, minute ${baseIndex} → minute ${last.index}${judged ? '' : ` (run shorter than the ${WARMUP}-minute warm-up: not judged)`}:`,
      );
      for (const m of memory) console.log(`    ${m.line}`);
      console.log(
        `    ${heap('api', base.apiHeap, last.apiHeap)}; ${heap('worker', base.workerHeap, last.workerHeap)}`,
      );
      console.log(
        `    postgres: this database's backends ${mb(base.pgSoakPss)} → ${mb(last.pgSoakPss)}, all processes ` +
          `${mb(base.pgPss)} → ${mb(last.pgPss)} (other databases on the server count in the second)`,
      );
    } else console.log('  memory: one minute only, nothing to compare (run at least 2 minutes)');

    const checks = await finalChecks(pg, queues, outboxStart, t0, completions, duplicatedAdds);
    console.log('  jobs:');
    for (const l of checks.lines) console.log(`  ${l}`);
    console.log(`  logs: ${logCounts(api)}; ${logCounts(worker)} (${dir})`);

    const verdict: Verdict = { ok: true, parts: [] };
    if (judged && memory.length) {
      const worst = memory.reduce((a, b) => (b.growth > a.growth ? b : a));
      const ok = memory.every((m) => m.growth < 0.1);
      verdict.ok &&= ok;
      verdict.parts.push(
        `memory growth after warm-up ${memory.map((m) => `${m.name} ${pct(m.growth)}`).join(', ')} ` +
          `(target < 10 %${ok ? '' : `: ${worst.name} MISSED`})`,
      );
    } else verdict.parts.push(`memory not judged (needs more than ${WARMUP} minutes)`);
    verdict.ok &&= c5 === 0 && net === 0;
    verdict.parts.push(`${c5} 5xx (target 0)`);
    if (net) verdict.parts.push(`${net} network errors or timeouts`);
    verdict.ok &&= checks.lost === 0 && checks.duplicated === 0 && drained;
    verdict.parts.push(`${checks.lost} lost and ${checks.duplicated} duplicated jobs (target 0)`);
    if (!drained) verdict.parts.push('queues not drained');
    for (const p of procs)
      if (exited(p)) {
        verdict.ok = false;
        verdict.parts.push(`${p.name} exited during the run`);
      }
    if (c4) verdict.parts.push(`${c4} other unexpected answers (see above)`);
    console.log(`\nVERDICT: ${verdict.ok ? 'PASS' : 'FAIL'} — ${verdict.parts.join('; ')}`);
    process.exitCode = verdict.ok ? 0 : 1;
  } finally {
    monitor?.end();
    await stop(procs);
    await Promise.all(events.map((e) => e.close()));
    await Promise.all(queues.map((q) => q.close()));
    redis.disconnect();
    await pg.end();
    agent.destroy();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
