import { EformsImportService, ImportsService } from '@app/domain';
import { JobName, QueueName } from '@app/queue';
import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { JobHandlers, JobProcessor } from '../job-processor';

/**
 * One import at a time per worker: an import writes thousands of tenders and validates every release, so two at
 * once would only compete for the same database. A retry re-runs the whole import, which is idempotent.
 */
@Processor(QueueName.Imports, { concurrency: 1 })
export class ImportsProcessor extends JobProcessor {
  constructor(
    private readonly imports: ImportsService,
    private readonly eforms: EformsImportService,
  ) {
    super();
  }

  protected readonly handlers: JobHandlers = {
    [JobName.ImportOcds]: async ({ backgroundJobId }, progress) => {
      const result = await this.imports.run(backgroundJobId, progress);
      if (!result) throw new UnrecoverableError(`import ${backgroundJobId} is gone`);
      return result;
    },
    [JobName.ImportEforms]: async ({ backgroundJobId }, progress) => {
      const result = await this.eforms.run(backgroundJobId, progress);
      if (!result) throw new UnrecoverableError(`import ${backgroundJobId} is gone`);
      return result;
    },
  };
}
