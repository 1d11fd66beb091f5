import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DirectoryModule } from '../directory/directory.module';
import { PoliciesService } from './policies.service';

@Module({
  imports: [DirectoryModule, AuditModule],
  providers: [PoliciesService],
  exports: [PoliciesService],
})
export class PoliciesModule {}
