import { BackgroundJobEntity, OutboxMessageEntity } from '@app/database';
import { JobsService } from '@app/domain';
import { JobName, QueueName } from '@app/queue';
import { createTestApp, TestApp } from '../support/app';
import { bearer, register, Session } from '../support/factories';

describe('background jobs (real PostgreSQL)', () => {
  let t: TestApp;
  let jobs: JobsService;
  let owner: Session;
  let stranger: Session;

  beforeAll(async () => {
    t = await createTestApp();
    jobs = t.app.get(JobsService);
    owner = await register(t, 'contractor');
    stranger = await register(t, 'contractor');
  });
  afterAll(() => t.close());

  const enqueue = (dedupeKey?: string): Promise<BackgroundJobEntity> =>
    t.ds.transaction((m) =>
      jobs.enqueue(m, {
        kind: 'test',
        queue: QueueName.Reports,
        name: JobName.GenerateReport,
        payload: {},
        organisationId: owner.user.organisationId,
        userId: owner.user.id,
        dedupeKey,
      }),
    );

  it('writes the job row and its outbox row in one transaction', async () => {
    const job = await enqueue();
    const outbox = await t.ds
      .getRepository(OutboxMessageEntity)
      .findOneByOrFail({ jobId: `${JobName.GenerateReport}-${job.id}` });
    expect(outbox.payload).toMatchObject({ backgroundJobId: job.id });
    await expect(
      t.ds.getRepository(BackgroundJobEntity).findOneByOrFail({ id: job.id }),
    ).resolves.toMatchObject({
      status: 'queued',
      progress: 0,
    });
  });

  it('nothing is written when the caller rolls back', async () => {
    let id = '';
    await expect(
      t.ds.transaction(async (m) => {
        id = (
          await jobs.enqueue(m, {
            kind: 'test',
            queue: QueueName.Reports,
            name: JobName.GenerateReport,
            payload: {},
            organisationId: null,
            userId: null,
          })
        ).id;
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await expect(t.ds.getRepository(BackgroundJobEntity).countBy({ id })).resolves.toBe(0);
    await expect(
      t.ds.getRepository(OutboxMessageEntity).countBy({ jobId: `${JobName.GenerateReport}-${id}` }),
    ).resolves.toBe(0);
  });

  it('an identical request while one is active answers that one', async () => {
    const key = `dedupe-${Date.now()}`;
    const [a, b] = await Promise.all([enqueue(key), enqueue(key)]);
    expect(b.id).toBe(a.id);
    await jobs.run(a.id, { attemptsMade: 0, opts: { attempts: 1 } }, async () => 'ok');
    const c = await enqueue(key);
    expect(c.id).not.toBe(a.id);
  });

  it('GET /jobs/:id answers the owner and 404 to anyone else', async () => {
    const job = await enqueue();
    const res = await t
      .http()
      .get(`/api/v1/jobs/${job.id}`)
      .set(...bearer(owner))
      .expect(200);
    expect(res.body).toEqual({
      id: job.id,
      kind: 'test',
      status: 'queued',
      progress: 0,
      createdAt: expect.any(String),
    });
    const other = await t
      .http()
      .get(`/api/v1/jobs/${job.id}`)
      .set(...bearer(stranger))
      .expect(404);
    expect(other.body.code).toBe('JOB_NOT_FOUND');
    await t.http().get(`/api/v1/jobs/${job.id}`).expect(401);
    await t
      .http()
      .get('/api/v1/jobs/not-a-uuid')
      .set(...bearer(owner))
      .expect(400);
  });

  it('run: progress, done with the result, and a re-delivery after done is skipped', async () => {
    const job = await enqueue();
    const seen: number[] = [];
    const result = await jobs.run(job.id, { attemptsMade: 0, opts: { attempts: 3 } }, async (progress) => {
      await progress(40);
      seen.push((await jobs.findById(job.id))!.progress);
      return { rows: 3 };
    });
    expect(result).toEqual({ rows: 3 });
    expect(seen).toEqual([40]);
    const done = await jobs.findById(job.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, result: { rows: 3 }, attempts: 1 });
    expect(done!.finishedAt).toBeInstanceOf(Date);
    let called = false;
    await jobs.run(job.id, { attemptsMade: 1, opts: { attempts: 3 } }, async () => {
      called = true;
    });
    expect(called).toBe(false);
  });

  it('run: an error before the last attempt leaves it queued with the error; the last attempt marks it failed', async () => {
    const job = await enqueue();
    const boom = async (): Promise<never> => {
      throw new Error('boom');
    };
    await expect(jobs.run(job.id, { attemptsMade: 0, opts: { attempts: 2 } }, boom)).rejects.toThrow('boom');
    await expect(jobs.findById(job.id)).resolves.toMatchObject({ status: 'queued', error: 'boom' });
    await expect(jobs.run(job.id, { attemptsMade: 1, opts: { attempts: 2 } }, boom)).rejects.toThrow('boom');
    const failed = await jobs.findById(job.id);
    expect(failed).toMatchObject({ status: 'failed', error: 'boom', attempts: 2 });
    const res = await t
      .http()
      .get(`/api/v1/jobs/${job.id}`)
      .set(...bearer(owner))
      .expect(200);
    expect(res.body).toMatchObject({ status: 'failed', error: 'boom', finishedAt: expect.any(String) });
  });

  it('giveUp: a queued or running job becomes failed with the reason; a finished one is left alone', async () => {
    const queued = await enqueue();
    await expect(jobs.giveUp(queued.id, 'job stalled more than allowable limit')).resolves.toBe(true);
    await expect(jobs.findById(queued.id)).resolves.toMatchObject({
      status: 'failed',
      error: 'job stalled more than allowable limit',
      finishedAt: expect.any(Date),
    });
    const done = await enqueue();
    await jobs.run(done.id, { attemptsMade: 0, opts: { attempts: 1 } }, async () => 'ok');
    await expect(jobs.giveUp(done.id, 'late')).resolves.toBe(false);
    await expect(jobs.findById(done.id)).resolves.toMatchObject({ status: 'done', error: null });
  });

  it('requeueStalled: a delivery whose lock ran out is queued again; a newer one just started is left running', async () => {
    const stalled = await enqueue();
    const fresh = await enqueue();
    await t.ds.query(
      `UPDATE background_job SET status = 'running', started_at = now() - interval '20 seconds' WHERE id = $1`,
      [stalled.id],
    );
    await t.ds.query(`UPDATE background_job SET status = 'running', started_at = now() WHERE id = $1`, [
      fresh.id,
    ]);
    await expect(jobs.requeueStalled(stalled.id, 'worker stopped', 15_000)).resolves.toBe(true);
    await expect(jobs.requeueStalled(fresh.id, 'worker stopped', 15_000)).resolves.toBe(false);
    await expect(jobs.findById(stalled.id)).resolves.toMatchObject({
      status: 'queued',
      error: 'worker stopped',
    });
    await expect(jobs.findById(fresh.id)).resolves.toMatchObject({ status: 'running', error: null });
    const res = await t
      .http()
      .get(`/api/v1/jobs/${stalled.id}`)
      .set(...bearer(owner))
      .expect(200);
    expect(res.body).toMatchObject({ status: 'queued', error: 'worker stopped' });
  });
});
