import { ReportsModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';

/** SROI reports: requested, made in the background, downloaded. */
@Module({
  imports: [ReportsModule],
  controllers: [ReportsController],
})
export class ReportsApiModule {}
