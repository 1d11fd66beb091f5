import { JobsModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';

/** The state of long-running work answered with 202. */
@Module({
  imports: [JobsModule],
  controllers: [JobsController],
})
export class JobsApiModule {}
