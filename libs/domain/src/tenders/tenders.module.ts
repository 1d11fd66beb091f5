import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DirectoryModule } from '../directory/directory.module';
import { MatchingTriggersModule } from '../matching/matching-triggers.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { TendersService } from './tenders.service';

@Module({
  imports: [DirectoryModule, AuditModule, MatchingTriggersModule, ObligationsModule],
  providers: [TendersService],
  exports: [TendersService],
})
export class TendersModule {}
