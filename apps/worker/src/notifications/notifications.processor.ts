import { NotificationsService } from '@app/domain';
import { JobName, NotifyJob, QueueName, WelcomeOrganisationJob } from '@app/queue';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

@Processor(QueueName.Notifications, { concurrency: 4 })
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private lastErrorLogged = 0;

  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  async process(job: Job<WelcomeOrganisationJob | NotifyJob>): Promise<void> {
    switch (job.name) {
      case JobName.WelcomeOrganisation:
        return this.notifications.welcomeOrganisation(job.data.organisationId);
      case JobName.Notify:
        return this.notifications.notify(job.data as NotifyJob);
      default:
        this.logger.error({ job: job.name }, 'unknown job');
        throw new UnrecoverableError(`unknown job ${job.name}`);
    }
  }

  /** Without a listener BullMQ prints every failed reconnect; log a Redis outage at most once a minute. */
  @OnWorkerEvent('error')
  onError(err: Error): void {
    if (Date.now() - this.lastErrorLogged < 60_000) return;
    this.lastErrorLogged = Date.now();
    this.logger.warn({ err: err.message }, 'worker cannot reach Redis; retrying');
  }
}
