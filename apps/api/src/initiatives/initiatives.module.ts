import { InitiativesModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { InitiativesController } from './initiatives.controller';
import { PledgesController } from './pledges.controller';

/** Initiatives (routes under /initiatives and /pledges): social ideas, the support pledged, and its SROI link. */
@Module({
  imports: [InitiativesModule],
  controllers: [InitiativesController, PledgesController],
})
export class InitiativesApiModule {}
