import { DashboardModule } from '@app/domain';
import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller';

/** The officer's dashboard: read-only figures. */
@Module({
  imports: [DashboardModule],
  controllers: [DashboardController],
})
export class DashboardApiModule {}
