import { JobsService } from '@app/domain';
import { ALL_QUEUES, JOB_QUEUE, JobName, OutboxRelay, PolledJobName, redisOptionsFromUrl } from '@app/queue';
import { INestApplicationContext, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Job, Queue, Worker, WorkerOptions } from 'bullmq';
import Redis from 'ioredis';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JobProcessor } from '../../apps/worker/src/job-processor';
import { PROCESSORS, WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import { bearer, createBuyerWithOfficer, register, Session } from '../support/factories';
import { waitFor } from '../support/faults';
import { awardedObligation } from '../support/procurement';

// BullMQ's own retries (five attempts, 2 s exponential backoff: 30 s of waiting) on a shared 2-core machine.
jest.setTimeout(240_000);

const OCDS_PACKAGE = join(__dirname, '../fixtures/ocds/ocp-fictional-example-1.1-ocds-213czf-000-00001.json');
const REFUSED = 'the database refused to start this job (test)';
/** `@nestjs/bullmq` keeps a processor's worker options under this key (`@Processor(queue, options)`). */
const WORKER_METADATA = 'bullmq:worker_metadata';

/** One job of each kind the API exposes at GET /api/v1/jobs/:id, with who asked for it. */
interface PolledJob {
  kind: string;
  name: PolledJobName;
  id: string;
  owner: Session;
}

interface Answer {
  status: string;
  error?: string;
  finishedAt?: string;
}

describe('a job BullMQ gives up on ends failed with its reason, for every polled job kind (e2e, real worker)', () => {
  let t: TestApp;
  let officer: Session;
  let contractor: Session;
  let obligationId: string;
  let round = 0;

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    officer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    ({ obligationId } = await awardedObligation(t, officer, contractor));
  });
  afterAll(() => t?.close());

  /** Asks the API for a matching refresh, a report, an OCDS import and a meeting-day schedule. */
  async function requestEveryKind(): Promise<PolledJob[]> {
    round += 1;
    const accepted = async (req: Promise<{ status: number; body: { id: string } }>) => {
      const res = await req;
      expect(res.status).toBe(202);
      return res.body.id;
    };
    const refresh = await accepted(
      t
        .http()
        .post(`/api/v1/obligations/${obligationId}/matches/refresh`)
        .set(...bearer(contractor)),
    );
    const report = await accepted(
      t
        .http()
        .post('/api/v1/reports')
        .set(...bearer(contractor))
        .send({ scope: 'obligation', scopeId: obligationId, format: round === 1 ? 'csv' : 'json' }),
    );
    // Another uri per round: an identical package while one is active would answer that import.
    const pkg = JSON.parse(readFileSync(OCDS_PACKAGE, 'utf8'));
    pkg.uri = `${pkg.uri}?given-up-round=${round}`;
    const ocds = await accepted(
      t
        .http()
        .post('/api/v1/imports/ocds')
        .set(...bearer(officer))
        .send(pkg),
    );
    const event = (
      await t
        .http()
        .post('/api/v1/events')
        .set(...bearer(officer))
        .send({
          title: `Marktplaats ${round}`,
          postcode: '2011 RD',
          date: '2027-06-11',
          startTime: '09:00',
          endTime: '10:00',
          slotMinutes: 20,
          tables: 2,
        })
        .expect(201)
    ).body.id;
    for (const step of ['open', 'close'])
      await t
        .http()
        .post(`/api/v1/events/${event}/${step}`)
        .set(...bearer(officer))
        .expect(200);
    const schedule = await accepted(
      t
        .http()
        .post(`/api/v1/events/${event}/schedule`)
        .set(...bearer(officer)),
    );
    return [
      { kind: 'matching_refresh', name: JobName.RefreshMatches, id: refresh, owner: contractor },
      { kind: 'report', name: JobName.GenerateReport, id: report, owner: contractor },
      { kind: 'ocds_import', name: JobName.ImportOcds, id: ocds, owner: officer },
      { kind: 'event_schedule', name: JobName.BuildEventSchedule, id: schedule, owner: officer },
    ];
  }

  const answer = async (job: PolledJob): Promise<Answer> =>
    (
      await t
        .http()
        .get(`/api/v1/jobs/${job.id}`)
        .set(...bearer(job.owner))
        .expect(200)
    ).body;

  /** Polls every job until none is queued or running; answers what GET /api/v1/jobs/:id says of each. */
  async function settled(jobs: PolledJob[], timeoutMs: number): Promise<Record<string, Answer>> {
    const answers: Record<string, Answer> = {};
    await waitFor(
      'every job to leave queued and running',
      async () => {
        for (const job of jobs) answers[job.name] = await answer(job);
        return Object.values(answers).every((a) => a.status === 'done' || a.status === 'failed');
      },
      timeoutMs,
      250,
    );
    return answers;
  }

  const expectFailedWith = (answers: Record<string, Answer>, jobs: PolledJob[], reason: string) => {
    for (const job of jobs)
      expect({ kind: job.kind, ...answers[job.name] }).toMatchObject({
        kind: job.kind,
        status: 'failed',
        error: reason,
        finishedAt: expect.any(String),
      });
  };

  describe('after its last attempt', () => {
    let worker: INestApplicationContext | undefined;

    beforeAll(async () => {
      // Every attempt of these jobs fails before its work starts (the row cannot be moved to running), so
      // JobsService.run never sees the error: only the processor's given-up handling can record it.
      await t.ds.query(`
        CREATE TABLE test_refused_job (id uuid PRIMARY KEY);
        CREATE FUNCTION test_refuse_start() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.status = 'running' AND EXISTS (SELECT 1 FROM test_refused_job r WHERE r.id = NEW.id) THEN
            RAISE EXCEPTION '${REFUSED}';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_refuse_start BEFORE UPDATE ON background_job
          FOR EACH ROW EXECUTE FUNCTION test_refuse_start();`);
    });
    afterAll(async () => {
      await worker?.close();
      await t.ds.query(`
        DROP TRIGGER IF EXISTS test_refuse_start ON background_job;
        DROP FUNCTION IF EXISTS test_refuse_start();
        DROP TABLE IF EXISTS test_refused_job;`);
    });

    it('is failed with the error of that attempt', async () => {
      const jobs = await requestEveryKind();
      await t.ds.query('INSERT INTO test_refused_job (id) SELECT unnest($1::uuid[])', [
        jobs.map((j) => j.id),
      ]);
      const ref = await Test.createTestingModule({
        imports: [WorkerModule.register({ OUTBOX_RELAY: 'on' })],
      }).compile();
      worker = await ref.init();

      const answers = await settled(jobs, 150_000);
      expectFailedWith(answers, jobs, REFUSED);
      const rows: { attempts: number }[] = await t.ds.query(
        'SELECT attempts FROM background_job WHERE id = ANY($1)',
        [jobs.map((j) => j.id)],
      );
      // Never started: each of BullMQ's five attempts was refused before the work.
      expect(rows.map((r) => r.attempts)).toEqual([0, 0, 0, 0]);
    });
  });

  describe('after its worker stopped under it more often than allowed (stalled)', () => {
    const connection = redisOptionsFromUrl(process.env.REDIS_URL!);
    const saved = new Map<Type, unknown>();
    let worker: INestApplicationContext | undefined;
    let running: Promise<void>[] = [];

    beforeAll(async () => {
      // The real worker, with a quick stalled-job check that gives up on the first stall, started by hand below.
      const quick: WorkerOptions = {
        autorun: false,
        lockDuration: 1_000,
        stalledInterval: 250,
        maxStalledCount: 0,
      } as WorkerOptions;
      for (const processor of PROCESSORS) {
        const own = Reflect.getOwnMetadata(WORKER_METADATA, processor);
        saved.set(processor, own);
        Reflect.defineMetadata(WORKER_METADATA, { ...own, ...quick }, processor);
      }
      const ref = await Test.createTestingModule({
        imports: [WorkerModule.register({ OUTBOX_RELAY: 'off' })],
      }).compile();
      worker = await ref.init();
    });
    afterAll(async () => {
      await worker?.close();
      await Promise.allSettled(running);
      for (const [processor, own] of saved)
        if (own === undefined) Reflect.deleteMetadata(WORKER_METADATA, processor);
        else Reflect.defineMetadata(WORKER_METADATA, own, processor);
    });

    it('is failed with the reason BullMQ gives, never left running', async () => {
      const relay = worker!.get(OutboxRelay);
      const jobs = await requestEveryKind();
      while ((await relay.relayOnce()) > 0);

      // A worker that takes each job, starts it (the row says running) and dies: its lock is never renewed.
      const service = t.app.get(JobsService);
      const ours = new Set(jobs.map((j) => `${j.name}-${j.id}`));
      for (const queue of new Set(jobs.map((j) => JOB_QUEUE[j.name]))) {
        const doomed = new Worker(queue, null, {
          connection,
          prefix: 'buysocial',
          autorun: false,
          lockDuration: 1_000,
        });
        for (let job: Job | undefined; (job = await doomed.getNextJob('doomed', { block: false }));) {
          if (!ours.has(job.id!)) continue;
          // The work never ends: the process "died" in the middle of it.
          void service.run(job.data.backgroundJobId, job, () => new Promise<never>(() => undefined));
        }
        await doomed.close(true);
      }
      await waitFor(
        'the dead worker to have started every job',
        async () => (await Promise.all(jobs.map(answer))).every((a) => a.status === 'running'),
        10_000,
      );

      // The real worker's stalled-job check finds the lost locks; BullMQ gives up on the jobs (maxStalledCount 0).
      const processors = PROCESSORS.map((p) => worker!.get<JobProcessor>(p));
      const requeue = jest.spyOn(worker!.get(JobsService), 'requeueStalled');
      // BullMQ checks a queue for stalled jobs at most once per stalledInterval of the worker that checked last
      // (a key with that expiry): forget the checks of the first describe's worker (5 s and 30 s intervals).
      const redis = new Redis(connection);
      try {
        await redis.del(...ALL_QUEUES.map((queue) => `buysocial:${queue}:stalled-check`));
      } finally {
        redis.disconnect();
      }
      running = processors.map((p) => p.worker.run());
      const answers = await settled(jobs, 60_000);
      expectFailedWith(answers, jobs, 'job stalled more than allowable limit');
      // The stall itself was reported for each job (its row shown queued again until a worker takes it, unless
      // the worker that found it had already given up on it: both come right after the check).
      expect(requeue.mock.calls.map(([id]) => id).sort()).toEqual(jobs.map((j) => j.id).sort());

      // BullMQ agrees: the jobs are failed there too, not waiting for another try.
      for (const job of jobs) {
        const queue = new Queue(JOB_QUEUE[job.name], { connection, prefix: 'buysocial' });
        try {
          expect(await (await queue.getJob(`${job.name}-${job.id}`))?.getState()).toBe('failed');
        } finally {
          await queue.close();
        }
      }
    });
  });
});
