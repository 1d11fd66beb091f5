import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MatchingTriggersModule } from '../matching/matching-triggers.module';
import { CertificationsService } from './certifications.service';
import { CsvImportService } from './csv-import.service';
import { DirectoryService } from './directory.service';
import { ReferenceDataService } from './reference-data.service';
import { SearchService } from './search.service';

@Module({
  imports: [AuditModule, MatchingTriggersModule],
  providers: [ReferenceDataService, CertificationsService, DirectoryService, SearchService, CsvImportService],
  exports: [ReferenceDataService, CertificationsService, DirectoryService, SearchService, CsvImportService],
})
export class DirectoryModule {}
