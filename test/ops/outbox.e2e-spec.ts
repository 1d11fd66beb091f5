import { NotificationEntity, OutboxMessageEntity } from '@app/database';
import { ALL_QUEUES, jobId, JobName, OutboxRelay, QueueName, redisOptionsFromUrl } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue, QueueEvents } from 'bullmq';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import { registrationBody } from '../support/factories';

describe('transactional outbox (e2e, real PostgreSQL + Redis + BullMQ worker)', () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  let relay: OutboxRelay;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    api = await createTestApp();
    await clearBacklog(api.ds, await dbNow(api.ds));
    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'off' })],
    }).compile();
    worker = await ref.init();
    relay = worker.get(OutboxRelay);
    queue = worker.get<Queue>(getQueueToken(QueueName.Notifications));
    events = new QueueEvents(QueueName.Notifications, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
      prefix: 'buysocial',
    });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await worker.close();
    await api.close();
  });

  it('opens BullMQ queues in the worker only, one per processor; the API has none', () => {
    for (const name of ALL_QUEUES) {
      expect(() => api.app.get(getQueueToken(name), { strict: false })).toThrow();
      expect(worker.get<Queue>(getQueueToken(name), { strict: false })).toBeInstanceOf(Queue);
    }
  });

  it('keeps the job in PostgreSQL while the relay is stopped, then runs it exactly once', async () => {
    await relay.stop();
    const res = await api
      .http()
      .post('/api/v1/auth/register')
      .send(registrationBody('social_enterprise'))
      .expect(201);
    const organisationId = res.body.user.organisationId as string;
    const id = jobId(JobName.WelcomeOrganisation, organisationId);

    // Committed with the registration, not yet in Redis.
    const row = await api.ds.getRepository(OutboxMessageEntity).findOneByOrFail({ jobId: id });
    expect(row.dispatchedAt).toBeNull();
    expect(await queue.getJobState(id)).toBe('unknown');

    // Restart the relay by hand and wait for the job itself to finish.
    expect(await relay.relayOnce()).toBeGreaterThanOrEqual(1);
    const job = await queue.getJob(id);
    expect(job).toBeDefined();
    await job!.waitUntilFinished(events, 15_000);
    expect(await queue.getJobState(id)).toBe('completed');

    // A relay that crashed after `add` but before marking the row re-sends the same job id: BullMQ ignores it.
    await api.ds.getRepository(OutboxMessageEntity).update({ jobId: id }, { dispatchedAt: null });
    await relay.relayOnce();
    expect(
      (await api.ds.getRepository(OutboxMessageEntity).findOneByOrFail({ jobId: id })).dispatchedAt,
    ).not.toBeNull();

    // And the processor is idempotent when the job does run twice (a retry after a worker crash).
    const done = await queue.getJob(id);
    const firstFinish = done!.finishedOn!;
    await done!.retry('completed');
    await done!.waitUntilFinished(events, 15_000);
    // It really ran a second time...
    expect((await queue.getJob(id))!.finishedOn!).toBeGreaterThan(firstFinish);
    // ...and still left exactly one notification.
    const notifications = await api.ds.getRepository(NotificationEntity).findBy({ organisationId });
    expect(notifications).toHaveLength(1);
    expect(notifications[0].kind).toBe('welcome');
  });

  it('shows the notification to the organisation through the API', async () => {
    const res = await api
      .http()
      .post('/api/v1/auth/register')
      .send(registrationBody('contractor'))
      .expect(201);
    await relay.relayOnce();
    const job = await queue.getJob(jobId(JobName.WelcomeOrganisation, res.body.user.organisationId));
    await job!.waitUntilFinished(events, 15_000);
    const list = await api
      .http()
      .get('/api/v1/notifications')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ kind: 'welcome' })]);
  });

  it('a failed registration leaves no outbox row behind', async () => {
    const before = await api.ds.getRepository(OutboxMessageEntity).count();
    const body = registrationBody('contractor');
    await api.http().post('/api/v1/auth/register').send(body).expect(201);
    await api
      .http()
      .post('/api/v1/auth/register')
      .send({ ...registrationBody('contractor'), email: body.email })
      .expect(409);
    expect(await api.ds.getRepository(OutboxMessageEntity).count()).toBe(before + 1);
  });
});
