/**
 * npm run bench:scale — the same mixed load (offering search, contribution submits, matching refreshes when that
 * route exists) on 1 API + 1 worker and then on 2 + 2 processes, all on one PostgreSQL and one Redis. Prints the
 * throughput and latency of each run and the CPU each process used (100 % = one core), with PostgreSQL and Redis.
 *
 *   npm run bench:scale -- [--duration 10] [--connections 8] [--database-url postgres://.../buysocial_scale]
 *                          [--redis-url redis://127.0.0.1:6379/12]
 */
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { ensureDatabase } from '../../libs/database/src/ensure-database';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const DURATION = Number(args.get('duration') ?? 10);
const CONNECTIONS = Number(args.get('connections') ?? 8);
const DB = args.get('database-url') ?? 'postgres://postgres@127.0.0.1:5432/buysocial_scale';
const REDIS = args.get('redis-url') ?? 'redis://127.0.0.1:6379/12';
const BASE_PORT = 3210;
const OBLIGATIONS = 4;
const TS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const ENV = {
  NODE_ENV: 'production',
  DATABASE_URL: DB,
  REDIS_URL: REDIS,
  JWT_SECRET: 'bench-jwt-secret-0123456789-abcdefghijkl',
  ADMIN_EMAIL: 'admin@bench.local',
  ADMIN_PASSWORD: 'admin-bench-password',
  AUTH_RATE_LIMIT: '100000',
  OUTBOX_RELAY: 'on',
  LOG_LEVEL: 'warn',
  TS_NODE_TRANSPILE_ONLY: '1',
};

interface Proc {
  name: string;
  child: ChildProcess;
}

function start(name: string, app: 'api' | 'worker', env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, [...TS, `apps/${app}/src/main.ts`], {
    env: { ...process.env, ...ENV, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { name, child };
}

async function until(url: string, proc: Proc): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited with ${proc.child.exitCode}`);
    const ok = await fetch(url)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

/** utime + stime of a process in clock ticks (1/100 s on Linux). */
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function pidsNamed(name: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    });
}

/** The fields of API answers the set-up reads. */
interface Answer {
  id: string;
  accessToken: string;
  user: { organisationId: string };
  obligation: { id: string };
}

async function call(api: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Answer;
  if (res.status >= 400 && res.status !== 404)
    throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return { status: res.status, body: json };
}

interface Fixture {
  contractorToken: string;
  obligationIds: string[];
  refresh: boolean;
}

/** A buyer with a policy, an awarded tender (the obligation), a contractor and a social enterprise with offerings. */
async function fixture(api: string): Promise<Fixture> {
  const stamp = Date.now();
  const admin = (
    await call(api, 'POST', '/api/v1/auth/login', { email: ENV.ADMIN_EMAIL, password: ENV.ADMIN_PASSWORD })
  ).body;
  const org = (
    await call(
      api,
      'POST',
      '/api/v1/organisations',
      { kind: 'buyer', name: `Gemeente Bench ${stamp}`, postcode: '2011 RD' },
      admin.accessToken,
    )
  ).body;
  const email = `officer.${stamp}@bench.local`;
  await call(
    api,
    'POST',
    `/api/v1/organisations/${org.id}/users`,
    { email, name: 'Officer', password: 'officer-password-1', role: 'procurement_officer' },
    admin.accessToken,
  );
  const officer = (await call(api, 'POST', '/api/v1/auth/login', { email, password: 'officer-password-1' }))
    .body.accessToken as string;
  const kvk = (n: number): string => String(10_000_000 + ((stamp + n * 7919) % 89_999_999));
  const reg = (kind: string, n: number) =>
    call(api, 'POST', '/api/v1/auth/register', {
      email: `${kind}.${stamp}@bench.local`,
      password: 'a-good-long-password',
      name: 'Bench',
      organisation: {
        kind,
        name: `Bench ${kind} ${stamp}`,
        kvkNumber: kvk(n),
        postcode: '2011 AB',
        city: 'Haarlem',
      },
    });
  const contractor = (await reg('contractor', 1)).body;
  const se = (await reg('social_enterprise', 2)).body;
  for (const title of [
    'Schoonmaak van kantoren',
    'Groenonderhoud en schoonmaak',
    'Catering met leerwerkplekken',
  ])
    await call(
      api,
      'POST',
      '/api/v1/offerings',
      { title, description: 'Bench', cpvCodes: ['90910000-9'] },
      se.accessToken,
    );
  const policy = (
    await call(
      api,
      'POST',
      '/api/v1/sroi-policies',
      {
        name: 'Bench',
        version: `v${stamp}`,
        validFrom: '2026-01-01',
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
          eligibleCertifications: ['pso'],
          minPsoLevel: null,
          mode: 'full_invoice',
          factor: null,
        },
      },
      officer,
    )
  ).body;
  await call(api, 'POST', `/api/v1/sroi-policies/${policy.id}/publish`, undefined, officer);
  // Several obligations: writes on one obligation lock its row, and the bench is about processes, not that lock.
  const obligationIds: string[] = [];
  for (let k = 0; k < OBLIGATIONS; k++) {
    const tender = (
      await call(
        api,
        'POST',
        '/api/v1/tenders',
        {
          title: 'Schoonmaak bench',
          description: 'Bench',
          mainProcurementCategory: 'services',
          items: [{ description: 'Schoonmaak', cpvCode: '90911200-8' }],
          estimatedValueCents: 100_000_000,
          contractPeriod: { startDate: '2026-01-01', endDate: '2027-12-31' },
          sroi: { policyId: policy.id },
        },
        officer,
      )
    ).body;
    await call(api, 'POST', `/api/v1/tenders/${tender.id}/publish`, undefined, officer);
    const award = (
      await call(
        api,
        'POST',
        `/api/v1/tenders/${tender.id}/award`,
        { contractorOrganisationId: contractor.user.organisationId, contractValueCents: 100_000_000 },
        officer,
      )
    ).body;
    obligationIds.push(award.obligation.id);
  }
  const probe = await call(
    api,
    'POST',
    `/api/v1/obligations/${obligationIds[0]}/matches/refresh`,
    undefined,
    contractor.accessToken,
  );
  return { contractorToken: contractor.accessToken, obligationIds, refresh: probe.status !== 404 };
}

interface Run {
  processes: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  cpu: { name: string; pct: number }[];
}

async function run(n: number, f: Fixture | undefined): Promise<{ run: Run; fixture: Fixture }> {
  const procs: Proc[] = [];
  for (let i = 0; i < n; i++) {
    procs.push(start(`api-${i + 1}`, 'api', { PORT: String(BASE_PORT + i) }));
    procs.push(start(`worker-${i + 1}`, 'worker'));
  }
  const apis = Array.from({ length: n }, (_, i) => `http://127.0.0.1:${BASE_PORT + i}`);
  try {
    for (const [i, api] of apis.entries()) await until(`${api}/health`, procs[i * 2]);
    const fx = f ?? (await fixture(apis[0]));
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${fx.contractorToken}` };
    const requests: autocannon.Request[] = fx.obligationIds.flatMap((obligationId) => [
      { method: 'GET' as const, path: '/api/v1/offerings?q=schoonmaak&limit=20' },
      {
        method: 'POST' as const,
        path: `/api/v1/obligations/${obligationId}/contributions`,
        headers: auth,
        body: JSON.stringify({
          category: 'social_activity',
          blockCode: 'ACT_HOUR',
          quantity: 1,
          description: 'Gastles',
        }),
      },
      ...(fx.refresh
        ? [
            {
              method: 'POST' as const,
              path: `/api/v1/obligations/${obligationId}/matches/refresh`,
              headers: auth,
            },
          ]
        : []),
    ]);
    // PostgreSQL backends come and go: a backend born during the run counts whole, one gone by the end is lost.
    const watched = (): { name: string; pid: number }[] => [
      ...procs.map((p) => ({ name: p.name, pid: p.child.pid! })),
      ...pidsNamed('postgres').map((pid) => ({ name: 'postgres', pid })),
      ...pidsNamed('redis-server').map((pid) => ({ name: 'redis', pid })),
    ];
    const before = new Map(watched().map((w) => [w.pid, cpuTicks(w.pid)]));
    const started = Date.now();
    const results = await Promise.all(
      apis.map((url) =>
        autocannon({
          url,
          connections: Math.max(1, Math.round(CONNECTIONS / n)),
          duration: DURATION,
          requests,
        }),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    const cpu = new Map<string, number>();
    for (const w of watched()) {
      const used = Math.max(0, cpuTicks(w.pid) - (before.get(w.pid) ?? 0));
      cpu.set(w.name, (cpu.get(w.name) ?? 0) + used / seconds);
    }
    return {
      fixture: fx,
      run: {
        processes: n,
        rps: results.reduce((s, r) => s + r.requests.average, 0),
        p50: Math.max(...results.map((r) => r.latency.p50)),
        p99: Math.max(...results.map((r) => r.latency.p99)),
        non2xx: results.reduce((s, r) => s + r.non2xx, 0),
        cpu: [...cpu.entries()].map(([name, pct]) => ({ name, pct: Math.round(pct) })),
      },
    };
  } finally {
    await Promise.all(
      procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.child.exitCode !== null) return resolve();
            p.child.once('exit', () => resolve());
            p.child.kill('SIGTERM');
          }),
      ),
    );
  }
}

async function main(): Promise<void> {
  await ensureDatabase(DB);
  const ds = new DataSource(dataSourceOptions({ DATABASE_URL: DB }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  const runs: Run[] = [];
  let fx: Fixture | undefined;
  for (const n of [1, 2]) {
    const { run: r, fixture } = await run(n, fx);
    fx = fixture;
    runs.push(r);
    process.stdout.write(
      `${n} API + ${n} worker: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}; CPU ` +
        `${r.cpu.map((c) => `${c.name} ${c.pct}%`).join(', ')}\n`,
    );
  }
  const last = runs[runs.length - 1];
  const total = last.cpu.reduce((s, c) => s + c.pct, 0);
  const top = [...last.cpu].sort((a, b) => b.pct - a.pct)[0];
  process.stdout.write(
    `scaling 1+1 → 2+2: ×${(last.rps / runs[0].rps).toFixed(2)} throughput; the processes above used ${total}% of ` +
      `${cpus().length * 100}% available, the busiest being ${top.name} (${top.pct}%)` +
      (fx?.refresh ? '' : '; matching refreshes were not part of the mix (route absent)') +
      '\n',
  );
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
