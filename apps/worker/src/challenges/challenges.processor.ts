import { ChallengeMatchingService, ChallengesService } from '@app/domain';
import { JobName, QueueName } from '@app/queue';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobHandlers, JobProcessor } from '../job-processor';

export const CLOSE_DUE_CHALLENGES_SCHEDULER_ID = 'close-due-challenges';

/**
 * Challenges: scoring a published challenge against the offerings (and telling the enterprises that fit), and a
 * sweep every minute that moves open challenges past their deadline to judging (reads never write, so the API
 * only treats them as closed until the sweep records it) and scores open challenges again once offerings changed.
 */
@Processor(QueueName.Challenges, { concurrency: 2 })
export class ChallengesProcessor extends JobProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly matching: ChallengeMatchingService,
    private readonly challenges: ChallengesService,
    @InjectQueue(QueueName.Challenges) private readonly queue: Queue,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.ScoreChallenge]: ({ challengeId }) => this.matching.scoreChallenge(challengeId),
    [JobName.CloseDueChallenges]: async () => ({
      closed: await this.challenges.closeDue(),
      rescored: await this.matching.rescoreStale(),
    }),
  };

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        CLOSE_DUE_CHALLENGES_SCHEDULER_ID,
        { every: 60_000 },
        { name: JobName.CloseDueChallenges, data: {} },
      );
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not register the challenge deadline sweep');
    }
  }
}
