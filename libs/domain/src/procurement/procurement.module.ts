import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { AuditService } from './audit.service';
import { ObligationsService } from './obligations.service';
import { PoliciesService } from './policies.service';
import { TendersService } from './tenders.service';

@Module({
  imports: [DirectoryModule],
  providers: [AuditService, PoliciesService, TendersService, ObligationsService],
  exports: [AuditService, PoliciesService, TendersService, ObligationsService],
})
export class ProcurementModule {}
