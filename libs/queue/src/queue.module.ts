import { Env } from '@app/config';
import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox.service';
import { QueueErrorLogger } from './queue-error.logger';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS } from './queue-names';
import { redisOptionsFromUrl } from './redis-connection';

const queues = BullModule.registerQueue(
  ...ALL_QUEUES.map((name) => ({ name, defaultJobOptions: DEFAULT_JOB_OPTIONS })),
);

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({ connection: redisOptionsFromUrl(env.REDIS_URL), prefix: 'buysocial' }),
    }),
    queues,
  ],
  providers: [OutboxService, QueueErrorLogger],
  exports: [queues, OutboxService],
})
export class QueueModule {}
