import { Processor, WorkerHost } from '@nestjs/bullmq';
import { backgroundOutboxJob, OutboxJob, OutboxJobs } from './producers';
import { processorQueues } from './queue.module';
import { ALL_QUEUES, isPolledJob, JOB_QUEUE, JobName, QueueName } from './queue-names';

describe('typed producers', () => {
  const bg = '7d3f0a52-6f0e-4c37-9a0e-3c1f6c1b2a10';
  it.each<[string, OutboxJob, QueueName, string]>([
    [
      'welcomeOrganisation',
      OutboxJobs.welcomeOrganisation({ organisationId: 'o1' }),
      QueueName.Notifications,
      'welcome-organisation-o1',
    ],
    [
      'obligationCreated',
      OutboxJobs.obligationCreated('ob1', { organisationId: 'o1', message: 'm' }),
      QueueName.Notifications,
      'notify-obligation-ob1',
    ],
    [
      'contributionSubmitted',
      OutboxJobs.contributionSubmitted('c1', { organisationId: 'o1', message: 'm' }),
      QueueName.Notifications,
      'notify-contribution-c1',
    ],
    [
      'schedulePublished',
      OutboxJobs.schedulePublished({ eventId: 'e1', revision: 2 }, { organisationId: 'o1', message: 'm' }),
      QueueName.Notifications,
      'notify-event-e1-2-o1',
    ],
    [
      'registrationOpen',
      OutboxJobs.registrationOpen('e1', { organisationId: 'o1', message: 'm' }),
      QueueName.Notifications,
      'notify-event-open-e1-o1',
    ],
    [
      'marketplaceStep',
      OutboxJobs.marketplaceStep('quote_received', 'q1', { organisationId: 'o1', message: 'm' }),
      QueueName.Notifications,
      'notify-quote_received-q1',
    ],
    [
      'scoreObligation',
      OutboxJobs.scoreObligation({ obligationId: 'ob1', revision: 3 }),
      QueueName.Matching,
      'score-obligation-ob1-3',
    ],
    [
      'scoreTender',
      OutboxJobs.scoreTender({ tenderId: 't1', revision: 1 }),
      QueueName.Matching,
      'score-tender-t1-1',
    ],
    [
      'refreshMatches',
      OutboxJobs.refreshMatches({ obligationId: 'ob1', backgroundJobId: bg }),
      QueueName.Matching,
      `refresh-matches-${bg}`,
    ],
    [
      'generateReport',
      OutboxJobs.generateReport({ backgroundJobId: bg }),
      QueueName.Reports,
      `generate-report-${bg}`,
    ],
    [
      'buildEventSchedule',
      OutboxJobs.buildEventSchedule({ eventId: 'e1', backgroundJobId: bg }),
      QueueName.Events,
      `build-event-schedule-${bg}`,
    ],
    ['importOcds', OutboxJobs.importOcds({ backgroundJobId: bg }), QueueName.Imports, `import-ocds-${bg}`],
  ])('%s goes to its queue with a deterministic id', (_name, job, queue, id) => {
    expect(job.queue).toBe(queue);
    expect(job.id).toBe(id);
    expect(job.id).not.toMatch(/:|^\d+$/);
  });

  it('a colon in an id part never reaches BullMQ', () => {
    expect(OutboxJobs.marketplaceStep('a:b', 'r1', { organisationId: 'o', message: 'm' }).id).toBe(
      'notify-a_b-r1',
    );
  });

  it('a notification carries its kind and the dedupe key of its subject', () => {
    const text = { organisationId: 'o1', message: 'm' };
    expect(OutboxJobs.obligationCreated('ob1', text).payload).toEqual({
      ...text,
      kind: 'obligation_created',
      dedupeKey: 'obligation-created-ob1',
    });
    expect(OutboxJobs.contributionSubmitted('c1', text).payload).toMatchObject({
      kind: 'contribution_submitted',
      dedupeKey: 'contribution-submitted-c1',
    });
    expect(OutboxJobs.schedulePublished({ eventId: 'e1', revision: 2 }, text).payload).toMatchObject({
      kind: 'schedule_published',
      dedupeKey: 'event-schedule-e1-2-o1',
    });
    expect(OutboxJobs.registrationOpen('e1', text).payload).toMatchObject({
      kind: 'event_registration_open',
      dedupeKey: 'event-registration-open-e1-o1',
    });
    expect(OutboxJobs.marketplaceStep('quote_received', 'q1', text).payload).toMatchObject({
      kind: 'quote_received',
      dedupeKey: 'quote_received-q1',
    });
  });

  it('a polled job is named by its background job, and only polled jobs are', () => {
    const job = backgroundOutboxJob(JobName.GenerateReport, { backgroundJobId: bg });
    expect(job).toMatchObject({ queue: QueueName.Reports, id: `generate-report-${bg}` });
    expect(isPolledJob(JobName.RefreshMatches)).toBe(true);
    expect(isPolledJob(JobName.ScoreObligation)).toBe(false);
    expect(isPolledJob('toString')).toBe(false);
  });

  it('every job belongs to a known queue', () => {
    for (const name of Object.values(JobName)) expect(ALL_QUEUES).toContain(JOB_QUEUE[name]);
  });
});

describe('processorQueues', () => {
  @Processor(QueueName.Matching)
  class A extends WorkerHost {
    async process(): Promise<void> {}
  }
  @Processor({ name: QueueName.Reports })
  class B extends WorkerHost {
    async process(): Promise<void> {}
  }
  class NotAProcessor {}
  @Processor('no-such-queue')
  class Unknown extends WorkerHost {
    async process(): Promise<void> {}
  }

  it('names the queue of each @Processor class once', () => {
    expect(processorQueues([A, B, A])).toEqual([QueueName.Matching, QueueName.Reports]);
  });

  it('refuses a class without @Processor or with an unknown queue', () => {
    expect(() => processorQueues([NotAProcessor])).toThrow(/NotAProcessor is not a @Processor/);
    expect(() => processorQueues([Unknown])).toThrow(/Unknown is not a @Processor of a known queue/);
  });
});
