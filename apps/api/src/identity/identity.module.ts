import { IdentityModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { OrganisationsController } from './organisations.controller';

/** Identity: registration, sign-in and tokens, the signed-in user, organisations and their users. */
@Module({
  imports: [IdentityModule],
  controllers: [AuthController, MeController, OrganisationsController],
})
export class IdentityApiModule {}
