import { AppConfigModule, Env } from '@app/config';
import { DatabaseModule } from '@app/database';
import { NotificationsModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { OutboxRelay } from './outbox/outbox.relay';

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
          useFactory: (env: Env) => ({ pinoHttp: { name: 'worker', level: env.LOG_LEVEL } }),
        }),
        DatabaseModule,
        QueueModule,
        NotificationsModule,
      ],
      providers: [OutboxRelay, NotificationsProcessor],
    };
  }
}
