import { todayInNl } from '@app/common';
import { ReportEntity } from '@app/database';
import { JobName, QueueName } from '@app/queue';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { ReportsService } from './reports.service';
import {
  firstWorkingDayOfMonth,
  MONTHLY_TICK_PATTERN,
  previousMonth,
  SCHEDULE_TIMEZONE,
} from './monthly-schedule';

export const monthlySchedulerId = (buyerOrganisationId: string): string =>
  `monthly-buyer-report-${buyerOrganisationId}`;
export const SYNC_SCHEDULER_ID = 'sync-report-schedules';

/**
 * One BullMQ job scheduler per buyer produces last month's buyer report on the first working day of the month.
 * The worker upserts the schedulers at start and daily (new buyers get theirs within a day); upserting is
 * idempotent, so several workers may do it side by side.
 */
@Injectable()
export class ReportSchedulesService {
  private readonly logger = new Logger(ReportSchedulesService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
    private readonly reports: ReportsService,
  ) {}

  async sync(): Promise<number> {
    await this.queue.upsertJobScheduler(
      SYNC_SCHEDULER_ID,
      { pattern: '30 6 * * *', tz: SCHEDULE_TIMEZONE },
      { name: JobName.SyncReportSchedules, data: {} },
    );
    const buyers: { id: string }[] = await this.ds.query(
      `SELECT id FROM organisation WHERE kind = 'buyer' ORDER BY id`,
    );
    for (const { id } of buyers) {
      await this.queue.upsertJobScheduler(
        monthlySchedulerId(id),
        { pattern: MONTHLY_TICK_PATTERN, tz: SCHEDULE_TIMEZONE },
        { name: JobName.MonthlyBuyerReport, data: { buyerOrganisationId: id } },
      );
    }
    return buyers.length;
  }

  /** A tick: on the first working day, requests the previous month's buyer report (once per month). */
  async tick(buyerOrganisationId: string, today: string = todayInNl()): Promise<ReportEntity | null> {
    if (today !== firstWorkingDayOfMonth(today)) return null;
    const period = previousMonth(today);
    const key = `monthly-${buyerOrganisationId}-${period.month}`;
    const report = await this.ds.transaction((m) =>
      this.reports.requestScheduled(m, buyerOrganisationId, period, key),
    );
    if (report) this.logger.log({ buyerOrganisationId, reportId: report.id }, 'monthly buyer report queued');
    return report;
  }
}
