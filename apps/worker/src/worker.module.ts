import { AppConfigModule, Env, prettyTransport } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  InteropModule,
  JobsModule,
  MatchingModule,
  MeetingDaysModule,
  NotificationsModule,
  ReportsModule,
  ReportSchedulesService,
} from '@app/domain';
import { QueueModule, WorkerQueueModule } from '@app/queue';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { EventsProcessor } from './meeting-days/events.processor';
import { ImportsProcessor } from './interop/imports.processor';
import { MatchingProcessor } from './matching/matching.processor';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { ReportsProcessor } from './reports/reports.processor';

/**
 * The worker's features: each processor with the domain modules it needs (and worker-only providers). A feature
 * with background work is one line here; the worker opens exactly the processors' queues (WorkerQueueModule).
 */
const WORKER_FEATURES: { processor: Type; imports: Type[]; providers?: Type[] }[] = [
  { processor: NotificationsProcessor, imports: [NotificationsModule] },
  // ReportSchedulesService upserts the reports queue's job schedulers: worker-only, like the queue.
  { processor: ReportsProcessor, imports: [ReportsModule, JobsModule], providers: [ReportSchedulesService] },
  { processor: MatchingProcessor, imports: [MatchingModule, JobsModule] },
  { processor: EventsProcessor, imports: [MeetingDaysModule, JobsModule] },
  { processor: ImportsProcessor, imports: [InteropModule, JobsModule] },
];

/** Every processor; the worker opens exactly their queues (WorkerQueueModule), plus the outbox relay. */
export const PROCESSORS = WORKER_FEATURES.map((f) => f.processor);

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
        ...new Set(WORKER_FEATURES.flatMap((f) => f.imports)),
      ],
      providers: WORKER_FEATURES.flatMap((f) => [f.processor, ...(f.providers ?? [])]),
    };
  }
}
