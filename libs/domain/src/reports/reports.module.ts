import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ObligationsModule } from '../obligations/obligations.module';
import { ReportGeneratorService } from './report-generator.service';
import { ReportsService } from './reports.service';

@Module({
  imports: [ObligationsModule, JobsModule],
  // ReportSchedulesService upserts BullMQ job schedulers, so it needs the reports queue: the worker provides it.
  providers: [ReportsService, ReportGeneratorService],
  exports: [ReportsService, ReportGeneratorService],
})
export class ReportsModule {}
