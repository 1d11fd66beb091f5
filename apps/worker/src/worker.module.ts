import { AppConfigModule, Env, prettyTransport } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  ChallengesModule,
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
import { ChallengesProcessor } from './challenges/challenges.processor';
import { ImportsProcessor } from './interop/imports.processor';
import { JobProcessor } from './job-processor';
import { EventsProcessor } from './meeting-days/events.processor';
import { MatchingProcessor } from './matching/matching.processor';
import { EmailProcessor } from './notifications/email.processor';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { ReportsProcessor } from './reports/reports.processor';

/**
 * The worker's features: each processor (a `JobProcessor`) with the domain modules it needs (and worker-only
 * providers). A feature with background work is one line here; the worker opens exactly the processors' queues
 * (WorkerQueueModule). The kit every processor uses (JobsService, the Redis outage log) comes with the worker.
 */
const WORKER_FEATURES: { processor: Type<JobProcessor>; imports: Type[]; providers?: Type[] }[] = [
  { processor: NotificationsProcessor, imports: [NotificationsModule] },
  { processor: EmailProcessor, imports: [NotificationsModule] },
  // ReportSchedulesService upserts the reports queue's job schedulers: worker-only, like the queue.
  {
    processor: ReportsProcessor,
    imports: [ReportsModule, NotificationsModule],
    providers: [ReportSchedulesService],
  },
  { processor: MatchingProcessor, imports: [MatchingModule] },
  { processor: EventsProcessor, imports: [MeetingDaysModule] },
  { processor: ImportsProcessor, imports: [InteropModule] },
  { processor: ChallengesProcessor, imports: [ChallengesModule] },
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
        JobsModule,
        ...new Set(WORKER_FEATURES.flatMap((f) => f.imports)),
      ],
      providers: WORKER_FEATURES.flatMap((f) => [f.processor, ...(f.providers ?? [])]),
    };
  }
}
