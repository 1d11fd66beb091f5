import { NotificationsService } from '@app/domain';
import { JobName, NotifyJob, QueueName, WelcomeOrganisationJob } from '@app/queue';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

@Processor(QueueName.Notifications, { concurrency: 4 })
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

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
}
