import { ObligationsModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { ContributionsController } from './contributions.controller';
import { ObligationsController } from './obligations.controller';

/** Obligations and the contributions that fulfil them (and their review). */
@Module({
  imports: [ObligationsModule],
  controllers: [ObligationsController, ContributionsController],
})
export class ObligationsApiModule {}
