import { Env } from '@app/config';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Global, Module, Type } from '@nestjs/common';
import { OutboxRelay, WORKER_QUEUE_NAMES } from './outbox/outbox.relay';
import { OutboxService } from './outbox/outbox.service';
import { QueueErrorLogger } from './queue-error.logger';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS, QUEUE_JOB_OPTIONS, QueueName } from './queue-names';
import { redisOptionsFromUrl } from './redis-connection';
import { RedisOutageLog } from './redis-outage.log';

/**
 * The outbox writer, for every process (API, worker, seed). It opens no Redis connection: producers write
 * outbox rows in their transaction and only the worker talks to BullMQ.
 */
@Global()
@Module({
  providers: [OutboxService],
  exports: [OutboxService],
})
export class QueueModule {}

/** `@Processor(...)` keeps its options under this key (`@nestjs/bullmq`'s PROCESSOR_METADATA, not exported). */
const PROCESSOR_METADATA = 'bullmq:processor_metadata';

/** The queue each `@Processor` class works on; a class without the decorator is a programming error. */
export function processorQueues(processors: readonly Type[]): QueueName[] {
  const names = processors.map((processor) => {
    const name = (Reflect.getMetadata(PROCESSOR_METADATA, processor) as { name?: string } | undefined)?.name;
    if (!name || !ALL_QUEUES.includes(name as QueueName))
      throw new Error(`${processor.name} is not a @Processor of a known queue (got ${String(name)})`);
    return name as QueueName;
  });
  return [...new Set(names)];
}

/**
 * BullMQ for the worker: registers exactly the queues its processors work on (no queue without a processor),
 * with the default job options, and the outbox relay that moves committed rows onto them. The queues are
 * exported for the worker's own producers (job schedulers); the Redis outage log for the processors.
 */
@Module({})
export class WorkerQueueModule {
  static forProcessors(processors: readonly Type[]): DynamicModule {
    const names = processorQueues(processors);
    const queues = BullModule.registerQueue(
      ...names.map((name) => ({ name, defaultJobOptions: QUEUE_JOB_OPTIONS[name] ?? DEFAULT_JOB_OPTIONS })),
    );
    return {
      module: WorkerQueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [Env],
          useFactory: (env: Env) => ({ connection: redisOptionsFromUrl(env.REDIS_URL), prefix: 'buysocial' }),
        }),
        queues,
      ],
      providers: [
        { provide: WORKER_QUEUE_NAMES, useValue: names },
        OutboxRelay,
        QueueErrorLogger,
        RedisOutageLog,
      ],
      exports: [queues, OutboxRelay, RedisOutageLog],
    };
  }
}
