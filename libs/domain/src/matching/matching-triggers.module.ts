import { Module } from '@nestjs/common';
import { MatchingTriggers } from './matching-triggers.service';

/** On its own so the directory and procurement modules can write triggers without importing matching. */
@Module({ providers: [MatchingTriggers], exports: [MatchingTriggers] })
export class MatchingTriggersModule {}
