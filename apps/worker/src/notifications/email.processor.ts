import { EmailService } from '@app/domain';
import { JobName, JobPayloads, QueueName } from '@app/queue';
import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { JobHandlers, JobProcessor } from '../job-processor';

export const EMAIL_DIGEST_SCHEDULER_ID = 'email-daily-digest';
export const EMAIL_REQUEUE_SCHEDULER_ID = 'email-requeue-failed';
/** The daily digest goes out at 07:00 Dutch time. */
export const EMAIL_DIGEST_PATTERN = '0 7 * * *';
export const EMAIL_TIMEZONE = 'Europe/Amsterdam';

/**
 * The `email` queue: one `send-email` job per delivery row (retried with exponential backoff, 14 attempts over
 * about 4.5 hours), the daily digest and the hourly re-queue of deliveries the queue gave up on. Without SMTP_URL
 * it says once that email is off and sends nothing.
 */
@Processor(QueueName.Email, { concurrency: 16 })
export class EmailProcessor extends JobProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly email: EmailService,
    @InjectQueue(QueueName.Email) private readonly queue: Queue,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.SendEmail]: ({ deliveryId }) =>
      this.email.enabled ? this.email.send(deliveryId) : Promise.resolve(),
    [JobName.EmailDigest]: () => this.email.digest(),
    [JobName.EmailRequeue]: () => this.email.requeueFailed(60),
  };

  protected override async whenGivenUp(job: Job, reason: string): Promise<void> {
    if (job.name !== JobName.SendEmail) return;
    await this.email.givenUp((job.data as JobPayloads[JobName.SendEmail]).deliveryId, reason);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.email.enabled) {
      this.logger.warn('email is off (no SMTP_URL)');
      return;
    }
    try {
      // Upserting is idempotent, so every worker may do it at start.
      await this.queue.upsertJobScheduler(
        EMAIL_DIGEST_SCHEDULER_ID,
        { pattern: EMAIL_DIGEST_PATTERN, tz: EMAIL_TIMEZONE },
        { name: JobName.EmailDigest, data: {} },
      );
      await this.queue.upsertJobScheduler(
        EMAIL_REQUEUE_SCHEDULER_ID,
        { pattern: '20 * * * *', tz: EMAIL_TIMEZONE },
        { name: JobName.EmailRequeue, data: {} },
      );
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'could not register the email schedules');
    }
  }
}
