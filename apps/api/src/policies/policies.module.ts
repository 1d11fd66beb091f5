import { PoliciesModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { PoliciesController } from './policies.controller';

/** SROI policies: drafts, versions and the evaluation of a hypothetical contribution. */
@Module({
  imports: [PoliciesModule],
  controllers: [PoliciesController],
})
export class PoliciesApiModule {}
