import { AppConfigModule, Env, prettyTransport } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  EventsModule,
  InteropModule,
  JobsModule,
  MatchingModule,
  NotificationsModule,
  ReportingModule,
} from '@app/domain';
import { QueueModule } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { EventsProcessor } from './events/events.processor';
import { ImportsProcessor } from './imports/imports.processor';
import { MatchingProcessor } from './matching/matching.processor';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { OutboxRelay } from './outbox/outbox.relay';
import { ReportsProcessor } from './reports/reports.processor';

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
        NotificationsModule,
        JobsModule,
        ReportingModule,
        MatchingModule,
        EventsModule,
        InteropModule,
      ],
      providers: [
        OutboxRelay,
        NotificationsProcessor,
        ReportsProcessor,
        MatchingProcessor,
        EventsProcessor,
        ImportsProcessor,
      ],
    };
  }
}
