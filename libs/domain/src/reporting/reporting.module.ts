import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { ProcurementModule } from '../procurement/procurement.module';
import { ReportGeneratorService } from './report-generator.service';
import { ReportSchedulesService } from './report-schedules.service';
import { ReportsService } from './reports.service';

@Module({
  imports: [ProcurementModule, JobsModule],
  providers: [ReportsService, ReportGeneratorService, ReportSchedulesService],
  exports: [ReportsService, ReportGeneratorService, ReportSchedulesService],
})
export class ReportingModule {}
