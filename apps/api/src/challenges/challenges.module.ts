import { ChallengesModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { ChallengesController } from './challenges.controller';
import { ProposalsController } from './proposals.controller';

/** Challenges (routes under /challenges and /proposals): officers' social questions and entrepreneurs' proposals. */
@Module({
  imports: [ChallengesModule],
  controllers: [ChallengesController, ProposalsController],
})
export class ChallengesApiModule {}
