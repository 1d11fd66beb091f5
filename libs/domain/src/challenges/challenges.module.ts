import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { ChallengeMatchingService } from './challenge-matching.service';
import { ChallengesService } from './challenges.service';

@Module({
  imports: [DirectoryModule],
  providers: [ChallengesService, ChallengeMatchingService],
  exports: [ChallengesService, ChallengeMatchingService],
})
export class ChallengesModule {}
