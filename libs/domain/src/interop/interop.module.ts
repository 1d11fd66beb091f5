import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { JobsModule } from '../jobs/jobs.module';
import { MatchingTriggersModule } from '../matching/matching-triggers.module';
import { TendersModule } from '../tenders/tenders.module';
import { EformsImportService } from './eforms/eforms-import.service';
import { ImportsService } from './imports.service';
import { OcdsExportService } from './ocds-export.service';

@Module({
  imports: [DirectoryModule, TendersModule, JobsModule, MatchingTriggersModule],
  providers: [ImportsService, EformsImportService, OcdsExportService],
  exports: [ImportsService, EformsImportService, OcdsExportService],
})
export class InteropModule {}
