/**
 * npm run bench:mail — notification mail end to end: N notifications (default 10,000) to R recipients (default
 * 2,000: one user per organisation, N/R notifications each) written as `notify` jobs through the outbox, handled by
 * a real worker process (outbox relay on: notify → email_delivery + send-email → SMTP), delivered to a real SMTP
 * server (smtp-server, in this process). Prints mails per second (end to end, and between the first and the last
 * accepted mail), the worker's RSS at start (ready, idle), its peak and at the end, and checks that every mail
 * arrived exactly once (by Message-ID).
 *
 *   npm run bench:mail -- [--notifications 10000] [--recipients 2000] [--database-url postgres://…]
 *
 * Uses its own database (created and migrated when missing; recipients reused, notifications and deliveries of
 * earlier runs removed) and Redis database index (BENCH_REDIS_URL, default 14, flushed).
 */
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { ensureDatabase } from '../../libs/database/src/ensure-database';
import { OutboxJob, OutboxJobs } from '../../libs/queue/src/producers';
import { OutboxService } from '../../libs/queue/src/outbox/outbox.service';
import { SmtpCatcher } from '../../test/notifications/smtp-catcher';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const NOTIFICATIONS = Number(args.get('notifications') ?? 10_000);
const RECIPIENTS = Number(args.get('recipients') ?? 2_000);
const DB =
  args.get('database-url') ??
  process.env.BENCH_MAIL_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/buysocial_bench_mail';
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/14';
const MARKER = 'Bench mail';

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** R organisations with one user each (reused on the next run). */
async function seedRecipients(c: Client): Promise<string[]> {
  const have = await c.query<{ id: string }>(
    `SELECT id FROM organisation WHERE name LIKE $1 ORDER BY name LIMIT $2`,
    [`${MARKER} %`, RECIPIENTS],
  );
  if (have.rows.length >= RECIPIENTS) return have.rows.map((r) => r.id);
  console.log(`seeding ${RECIPIENTS} recipients…`);
  await c.query('BEGIN');
  await c.query(`DELETE FROM app_user WHERE email LIKE 'bench-mail-%'`);
  await c.query(`DELETE FROM organisation WHERE name LIKE $1`, [`${MARKER} %`]);
  const orgs = await c.query<{ id: string }>(
    `INSERT INTO organisation (kind, name, postcode, city)
     SELECT 'contractor', $1 || ' ' || lpad(g::text, 6, '0'), '2011 RD', 'Haarlem' FROM generate_series(1, $2) g
     RETURNING id`,
    [MARKER, RECIPIENTS],
  );
  await c.query(
    `INSERT INTO app_user (email, name, password_hash, role, organisation_id)
     SELECT 'bench-mail-' || row_number() OVER () || '@example.nl', 'Bench Ontvanger', 'x', 'contractor', id
     FROM unnest($1::uuid[]) AS id`,
    [orgs.rows.map((r) => r.id)],
  );
  // Half of them read English.
  await c.query(
    `INSERT INTO user_preference (user_id, language, email)
     SELECT u.id, CASE WHEN row_number() OVER (ORDER BY u.email) % 2 = 0 THEN 'en' ELSE 'nl' END, 'immediately'
     FROM app_user u WHERE u.email LIKE 'bench-mail-%'`,
  );
  await c.query('COMMIT');
  return orgs.rows.map((r) => r.id);
}

function startWorker(smtpUrl: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--max-semi-space-size=128',
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/worker/src/main.ts',
    ],
    {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: DB,
        REDIS_URL: REDIS,
        SMTP_URL: smtpUrl,
        PUBLIC_URL: 'http://localhost:3000',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
        OUTBOX_RELAY: 'on',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

async function main(): Promise<void> {
  await ensureDatabase(DB);
  const ds = new DataSource({ ...dataSourceOptions({ DATABASE_URL: DB }), logging: ['error'] });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const c = new Client({ connectionString: DB });
  await c.connect();
  const orgs = await seedRecipients(c);
  await c.query(`DELETE FROM notification WHERE organisation_id = ANY($1::uuid[])`, [orgs]);
  await c.query(`DELETE FROM outbox_message`);
  await c.query(`DELETE FROM email_suppression`);
  const redis = new Redis(REDIS);
  await redis.flushdb();
  redis.disconnect();

  const smtp = new SmtpCatcher({ parse: false });
  await smtp.start();
  const worker = startWorker(smtp.url);
  let workerLog = '';
  worker.stdout?.on('data', (d: Buffer) => (workerLog += d.toString()));
  worker.stderr?.on('data', (d: Buffer) => (workerLog += d.toString()));
  const pid = worker.pid!;
  // Ready: the worker registered its email schedulers (a job scheduler key in Redis) and its RSS settled.
  const probe = new Redis(REDIS);
  for (let i = 0; i < 240; i++) {
    if ((await probe.keys('buysocial:email:repeat*')).length) break;
    if (worker.exitCode !== null) throw new Error(`worker exited:\n${workerLog}`);
    await sleep(250);
  }
  probe.disconnect();
  await sleep(2000);
  const rssStart = rssMb(pid);
  let rssPeak = rssStart;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 50);

  const outbox = new OutboxService();
  const per = Math.ceil(NOTIFICATIONS / RECIPIENTS);
  const jobs: OutboxJob[] = [];
  for (let i = 0; i < NOTIFICATIONS; i++) {
    const org = orgs[i % orgs.length];
    jobs.push(
      OutboxJobs.notification('quote_received', [`bench-${i}`], {
        organisationId: org,
        params: {
          offeringTitle: `Groenonderhoud perceel ${i}`,
          amountCents: 100_000 + i,
          validUntil: '2027-01-31',
        },
      }),
    );
  }
  console.log(
    `${NOTIFICATIONS} notifications to ${orgs.length} recipients (${per} each), worker pid ${pid}, ${cpus().length} CPUs`,
  );
  const t0 = Date.now();
  await ds.transaction(async (m) => {
    for (let i = 0; i < jobs.length; i += 1000) await outbox.addMany(m, jobs.slice(i, i + 1000));
  });
  const deadline = t0 + 30 * 60_000;
  let lastReport = t0;
  while (smtp.accepted < NOTIFICATIONS) {
    if (Date.now() > deadline) throw new Error(`only ${smtp.accepted} mails after 30 minutes`);
    if (worker.exitCode !== null) throw new Error(`worker exited:\n${workerLog.slice(-4000)}`);
    if (Date.now() - lastReport > 10_000) {
      lastReport = Date.now();
      console.log(`  ${smtp.accepted} mails after ${((lastReport - t0) / 1000).toFixed(0)} s`);
    }
    await sleep(50);
  }
  const t1 = Date.now();
  // A moment longer: a duplicate would arrive now.
  await sleep(3000);
  clearInterval(sampler);
  const rssEnd = rssMb(pid);
  const [{ sent, other }] = (
    await c.query<{ sent: number; other: number }>(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status <> 'sent')::int AS other
       FROM email_delivery d JOIN app_user u ON u.id = d.user_id WHERE u.email LIKE 'bench-mail-%'`,
    )
  ).rows;
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  await smtp.stop();
  await c.end();
  await ds.destroy();

  const unique = new Set(smtp.messageIds).size;
  const wall = (t1 - t0) / 1000;
  const sendWindow = (smtp.lastAt - smtp.firstAt) / 1000;
  console.log(
    `\nmails accepted      ${smtp.accepted} (${unique} distinct Message-IDs; duplicates ${smtp.accepted - unique})`,
  );
  console.log(`deliveries          ${sent} sent, ${other} not sent`);
  console.log(
    `end to end          ${wall.toFixed(1)} s: ${(NOTIFICATIONS / wall).toFixed(0)} mails/s (outbox → notify → send → SMTP)`,
  );
  console.log(
    `first to last mail  ${sendWindow.toFixed(1)} s: ${(NOTIFICATIONS / Math.max(sendWindow, 0.001)).toFixed(0)} mails/s`,
  );
  console.log(
    `worker RSS          start ${rssStart.toFixed(0)} MB, peak ${rssPeak.toFixed(0)} MB, end ${rssEnd.toFixed(0)} MB`,
  );
  if (smtp.accepted !== unique || unique !== NOTIFICATIONS) {
    console.error('FAIL: not every mail arrived exactly once');
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
