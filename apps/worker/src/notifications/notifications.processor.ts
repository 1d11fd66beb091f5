import { NotificationsService } from '@app/domain';
import { JobName, QueueName } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '../job-processor';

@Processor(QueueName.Notifications, { concurrency: 4 })
export class NotificationsProcessor extends JobProcessor {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.WelcomeOrganisation]: ({ organisationId }) =>
      this.notifications.welcomeOrganisation(organisationId),
    [JobName.Notify]: (job) => this.notifications.notify(job),
  };
}
