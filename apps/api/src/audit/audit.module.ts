import { AuditModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** The audit log. */
@Module({
  imports: [AuditModule],
  controllers: [AuditController],
})
export class AuditApiModule {}
