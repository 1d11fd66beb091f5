import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { AuditModule } from '../audit/audit.module';
import { MatchingTriggersModule } from '../matching/matching-triggers.module';
import { ObligationsService } from './obligations.service';
import { PoliciesService } from './policies.service';
import { TendersService } from './tenders.service';

@Module({
  imports: [DirectoryModule, AuditModule, MatchingTriggersModule],
  providers: [PoliciesService, TendersService, ObligationsService],
  exports: [AuditModule, PoliciesService, TendersService, ObligationsService],
})
export class ProcurementModule {}
