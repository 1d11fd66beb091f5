import { MatchingModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { ObligationMatchesController } from './obligation-matches.controller';
import { OpportunitiesController } from './opportunities.controller';
import { TenderMatchesController } from './tender-matches.controller';

/** Matching: social enterprises matched to obligations and to tenders. */
@Module({
  imports: [MatchingModule],
  controllers: [ObligationMatchesController, TenderMatchesController],
})
export class MatchingApiModule {}

/**
 * Matching seen from a social enterprise: its opportunities. A module apart from MatchingApiModule only because
 * openapi.json lists paths in module order and this path has always come after the meeting days' paths: folding
 * the controller into MatchingApiModule would move one path in openapi.json and the generated web client.
 */
@Module({
  imports: [MatchingModule],
  controllers: [OpportunitiesController],
})
export class OpportunitiesApiModule {}
