import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { IdentityService } from './identity.service';
import { TokensService } from './tokens.service';

@Module({
  imports: [JwtModule.register({})],
  providers: [IdentityService, TokensService],
  exports: [IdentityService, TokensService],
})
export class IdentityModule {}
