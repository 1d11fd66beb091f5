import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { WORKER_QUEUE_NAMES } from './outbox/outbox.relay';
import { QueueName } from './queue-names';
import { RedisOutageLog } from './redis-outage.log';

/** Listens to every queue's `error` event and reports a Redis outage through `RedisOutageLog`. */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly outage: RedisOutageLog,
    @Inject(WORKER_QUEUE_NAMES) private readonly queueNames: readonly QueueName[],
  ) {}

  onModuleInit(): void {
    for (const name of this.queueNames) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (err: Error) => this.outage.report(`queue ${name}`, err));
    }
  }
}
