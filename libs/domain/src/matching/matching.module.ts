import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { MatchesService } from './matches.service';
import { MatchingTriggersModule } from './matching-triggers.module';
import { MatchingService } from './matching.service';

@Module({
  imports: [MatchingTriggersModule, JobsModule],
  providers: [MatchingService, MatchesService],
  exports: [MatchingTriggersModule, MatchingService, MatchesService],
})
export class MatchingModule {}
