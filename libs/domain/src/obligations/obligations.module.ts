import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DirectoryModule } from '../directory/directory.module';
import { MatchingTriggersModule } from '../matching/matching-triggers.module';
import { ObligationsService } from './obligations.service';

@Module({
  imports: [DirectoryModule, AuditModule, MatchingTriggersModule],
  providers: [ObligationsService],
  exports: [ObligationsService],
})
export class ObligationsModule {}
