import { todayInNl } from '@app/common';
import { NotificationEntity, OutboxMessageEntity } from '@app/database';
import { addDays } from '@app/domain';
import { jobId, JobName, OutboxRelay, QueueName, redisOptionsFromUrl } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue, QueueEvents } from 'bullmq';
import { In, IsNull } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import {
  addCertification,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
} from '../support/factories';
import { awardedObligation } from '../support/procurement';

jest.setTimeout(120_000);

const today = todayInNl();

describe('Marketplace notifications through the outbox and the worker (e2e)', () => {
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

  const finished = async (id: string): Promise<void> => {
    const job = await queue.getJob(id);
    expect(job).toBeDefined();
    await job!.waitUntilFinished(events, 60_000);
  };

  it('tells the enterprise of a request and the contractor of a quote, once each', async () => {
    const { officer } = await createBuyerWithOfficer(api);
    const contractor = await register(api, 'contractor');
    const se = await register(api, 'social_enterprise');
    await addCertification(
      api,
      se,
      { type: 'pso_30plus', validFrom: addDays(today, -30), validUntil: addDays(today, 400) },
      officer,
    );
    const { obligationId } = await awardedObligation(api, officer, contractor, {
      tender: { contractPeriod: { startDate: addDays(today, -30), endDate: addDays(today, 365) } },
    });
    const offering = await createOffering(api, se);
    const request = await api
      .http()
      .post('/api/v1/quote-requests')
      .set(...bearer(contractor))
      .send({ obligationId, offeringId: offering.id, description: 'Catering voor de bouwplaats' })
      .expect(201);
    const quote = await api
      .http()
      .post(`/api/v1/quote-requests/${request.body.id}/quotes`)
      .set(...bearer(se))
      .send({ amountCents: 250_000, validUntil: addDays(today, 14) })
      .expect(201);

    // Earlier suites may have left many rows in the outbox: relay batches until ours are in Redis.
    const ours = [
      jobId(JobName.Notify, 'quote_request_received', request.body.id),
      jobId(JobName.Notify, 'quote_received', quote.body.id),
    ];
    const deadline = Date.now() + 60_000;
    while (
      (await api.ds.getRepository(OutboxMessageEntity).countBy({ jobId: In(ours), dispatchedAt: IsNull() })) >
      0
    ) {
      if (Date.now() > deadline) throw new Error('outbox rows not relayed in time');
      await relay.relayOnce();
    }
    await finished(jobId(JobName.Notify, 'quote_request_received', request.body.id));
    await finished(jobId(JobName.Notify, 'quote_received', quote.body.id));
    // A second relay round re-sends nothing new: the job ids are deterministic.
    await relay.relayOnce();

    const seNotes = await api.ds
      .getRepository(NotificationEntity)
      .findBy({ organisationId: se.user.organisationId, kind: 'quote_request_received' });
    expect(seNotes).toHaveLength(1);
    expect(seNotes[0].message).toContain('Schoonmaak van kantoren');
    const contractorNotes = await api
      .http()
      .get('/api/v1/notifications')
      .set(...bearer(contractor))
      .expect(200);
    expect(contractorNotes.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'quote_received' })]),
    );
  });
});
