import { AppConfigModule, Env, prettyTransport } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  MeetingDaysModule,
  InteropModule,
  JobsModule,
  MatchingModule,
  NotificationsModule,
  ReportsModule,
  ReportSchedulesService,
} from '@app/domain';
import { QueueModule, WorkerQueueModule } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { EventsProcessor } from './meeting-days/events.processor';
import { ImportsProcessor } from './interop/imports.processor';
import { MatchingProcessor } from './matching/matching.processor';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { ReportsProcessor } from './reports/reports.processor';

/** Every processor; the worker opens exactly their queues (WorkerQueueModule), plus the outbox relay. */
export const PROCESSORS = [
  NotificationsProcessor,
  ReportsProcessor,
  MatchingProcessor,
  EventsProcessor,
  ImportsProcessor,
];

/** The queue process: processors and the outbox relay, no HTTP. */
@Module({})
export class WorkerModule {
  static register(overrides: Record<string, string | undefined> = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(overrides),
        LoggerModule.forRootAsync({
          inject: [Env],
          useFactory: (env: Env) => ({
            pinoHttp: { name: 'worker', level: env.LOG_LEVEL, ...prettyTransport(env) },
          }),
        }),
        DatabaseModule,
        QueueModule,
        WorkerQueueModule.forProcessors(PROCESSORS),
        NotificationsModule,
        JobsModule,
        ReportsModule,
        MatchingModule,
        MeetingDaysModule,
        InteropModule,
      ],
      // ReportSchedulesService upserts the reports queue's job schedulers: worker-only, like the queue.
      providers: [...PROCESSORS, ReportSchedulesService],
    };
  }
}
