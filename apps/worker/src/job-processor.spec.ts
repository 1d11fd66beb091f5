import { JobsService } from '@app/domain';
import { JobName, QueueName, RedisOutageLog, STALLED_TOO_OFTEN } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobHandlers, JobProcessor, STALLED_REASON } from './job-processor';

const BG = '7d3f0a52-6f0e-4c37-9a0e-3c1f6c1b2a10';

/** A processor of the kit with fake work, a fake JobsService and a fake BullMQ store for stalled jobs. */
@Processor(QueueName.Matching)
class TestProcessor extends JobProcessor {
  readonly stored = new Map<string, Job>();
  readonly work = {
    score: jest.fn(async (_id: string) => 'scored'),
    refresh: jest.fn(async (_id: string) => ({ rows: 2 })),
  };

  protected readonly handlers: JobHandlers = {
    [JobName.ScoreObligation]: ({ obligationId }) => this.work.score(obligationId),
    [JobName.RefreshMatches]: async ({ obligationId }, progress) => {
      await progress(50);
      return this.work.refresh(obligationId);
    },
  };

  readonly givenUp: [string, string][] = [];

  protected override async whenGivenUp(job: Job, reason: string): Promise<void> {
    if (reason === 'hook fails') throw new Error('hook fails');
    this.givenUp.push([job.name, reason]);
  }

  protected override async loadJob(jobId: string): Promise<Job | undefined> {
    return this.stored.get(jobId);
  }

  protected override lockDuration(): number {
    return 15_000;
  }
}

function job(name: string, data: object, attemptsMade = 0, attempts = 5): Job {
  return { id: `${name}-x`, name, data, attemptsMade, opts: { attempts } } as unknown as Job;
}

describe('JobProcessor (the kit every processor extends)', () => {
  let processor: TestProcessor;
  let jobs: {
    run: jest.Mock;
    giveUp: jest.Mock;
    requeueStalled: jest.Mock;
  };
  let outage: { report: jest.Mock };
  let progressSeen: number[];

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    progressSeen = [];
    jobs = {
      // As JobsService.run: hands the work a progress callback and answers its result.
      run: jest.fn(
        async (_id: string, _job: Job, work: (p: (n: number) => Promise<void>) => Promise<unknown>) =>
          work(async (n) => {
            progressSeen.push(n);
          }),
      ),
      giveUp: jest.fn(async () => true),
      requeueStalled: jest.fn(async () => true),
    };
    outage = { report: jest.fn() };
    processor = new TestProcessor();
    Object.assign(processor, {
      jobs: jobs as unknown as JobsService,
      outage: outage as unknown as RedisOutageLog,
    });
  });
  afterEach(() => jest.restoreAllMocks());

  describe('process', () => {
    it('runs a plain job with its payload', async () => {
      await expect(
        processor.process(job(JobName.ScoreObligation, { obligationId: 'o1', revision: 1 })),
      ).resolves.toBe('scored');
      expect(processor.work.score).toHaveBeenCalledWith('o1');
      expect(jobs.run).not.toHaveBeenCalled();
    });

    it('runs a polled job through JobsService.run, for its row, with progress', async () => {
      const refresh = job(JobName.RefreshMatches, { obligationId: 'o1', backgroundJobId: BG });
      await expect(processor.process(refresh)).resolves.toEqual({ rows: 2 });
      expect(jobs.run).toHaveBeenCalledWith(BG, refresh, expect.any(Function));
      expect(progressSeen).toEqual([50]);
    });

    it('fails a job it has no handler for, for good', async () => {
      const unknown = processor.process(job(JobName.ScoreTender, { tenderId: 't1', revision: 1 }));
      await expect(unknown).rejects.toBeInstanceOf(UnrecoverableError);
      await expect(unknown).rejects.toThrow('unknown job score-tender');
    });
  });

  describe('a failed job', () => {
    const refresh = (attemptsMade: number) =>
      job(JobName.RefreshMatches, { obligationId: 'o1', backgroundJobId: BG }, attemptsMade, 3);

    it('that BullMQ retries is left to BullMQ', async () => {
      await processor.onJobFailed(refresh(1), new Error('deadlock detected'));
      await processor.onJobFailed(refresh(2), new Error('deadlock detected'));
      expect(jobs.giveUp).not.toHaveBeenCalled();
    });

    it('given up after its last attempt marks its row failed with the reason', async () => {
      await processor.onJobFailed(refresh(3), new Error('deadlock detected'));
      expect(jobs.giveUp).toHaveBeenCalledWith(BG, 'deadlock detected');
    });

    it('given up at once: unrecoverable, or stalled more often than allowed', async () => {
      await processor.onJobFailed(refresh(1), new UnrecoverableError('import is gone'));
      await processor.onJobFailed(refresh(0), new UnrecoverableError(STALLED_TOO_OFTEN));
      expect(jobs.giveUp.mock.calls).toEqual([
        [BG, 'import is gone'],
        [BG, STALLED_TOO_OFTEN],
      ]);
    });

    it('that is not polled has no row: only logged', async () => {
      const error = jest.spyOn(Logger.prototype, 'error');
      await processor.onJobFailed(
        job(JobName.ScoreObligation, { obligationId: 'o1', revision: 1 }, 5, 5),
        new Error('boom'),
      );
      expect(jobs.giveUp).not.toHaveBeenCalled();
      expect(error).toHaveBeenCalledWith(
        expect.objectContaining({ queue: QueueName.Matching, job: JobName.ScoreObligation, reason: 'boom' }),
        'job given up',
      );
    });

    it("then calls the processor's own whenGivenUp, for every job kind, never for a retry", async () => {
      await processor.onJobFailed(refresh(1), new Error('deadlock detected'));
      await processor.onJobFailed(refresh(3), new Error('deadlock detected'));
      await processor.onJobFailed(
        job(JobName.ScoreObligation, { obligationId: 'o1', revision: 1 }, 5, 5),
        new Error('boom'),
      );
      expect(processor.givenUp).toEqual([
        [JobName.RefreshMatches, 'deadlock detected'],
        [JobName.ScoreObligation, 'boom'],
      ]);
    });

    it('whose row cannot be written is logged, never thrown out of the event', async () => {
      await expect(processor.onJobFailed(refresh(3), new Error('hook fails'))).resolves.toBeUndefined();
      expect(jobs.giveUp).toHaveBeenCalledWith(BG, 'hook fails');
      jobs.giveUp.mockRejectedValueOnce(new Error('connection refused'));
      await expect(processor.onJobFailed(refresh(3), new Error('boom'))).resolves.toBeUndefined();
      await expect(processor.onJobFailed(undefined, new Error('boom'))).resolves.toBeUndefined();
    });
  });

  describe('a stalled job', () => {
    it('that is polled shows queued again with the reason, for the worker lock it lost', async () => {
      processor.stored.set('j1', job(JobName.RefreshMatches, { obligationId: 'o1', backgroundJobId: BG }));
      await processor.onJobStalled('j1');
      expect(jobs.requeueStalled).toHaveBeenCalledWith(BG, STALLED_REASON, 15_000);
    });

    it('that is not polled, or gone, changes no row', async () => {
      processor.stored.set('j2', job(JobName.ScoreObligation, { obligationId: 'o1', revision: 1 }));
      await processor.onJobStalled('j2');
      await processor.onJobStalled('gone');
      expect(jobs.requeueStalled).not.toHaveBeenCalled();
    });

    it('whose row cannot be written is logged, never thrown out of the event', async () => {
      processor.stored.set('j1', job(JobName.RefreshMatches, { obligationId: 'o1', backgroundJobId: BG }));
      jobs.requeueStalled.mockRejectedValueOnce(new Error('connection refused'));
      await expect(processor.onJobStalled('j1')).resolves.toBeUndefined();
    });
  });

  it('reports a worker error to the process-wide Redis outage log, naming its queue', () => {
    const err = new Error('connect ECONNREFUSED');
    processor.onWorkerError(err);
    expect(outage.report).toHaveBeenCalledWith('worker matching', err);
  });
});
