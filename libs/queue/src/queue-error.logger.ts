import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { WORKER_QUEUE_NAMES } from './outbox/outbox.relay';
import { QueueName } from './queue-names';

/**
 * BullMQ prints every failed reconnect to the console when a queue has no error listener. Log them through
 * the app's logger instead, at most once a minute per queue, so a Redis outage is visible but not a flood.
 */
@Injectable()
export class QueueErrorLogger implements OnModuleInit {
  private readonly logger = new Logger('Queues');
  private readonly lastLogged = new Map<string, number>();

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(WORKER_QUEUE_NAMES) private readonly queueNames: readonly QueueName[],
  ) {}

  onModuleInit(): void {
    for (const name of this.queueNames) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (err: Error) => {
        const now = Date.now();
        if (now - (this.lastLogged.get(name) ?? 0) < 60_000) return;
        this.lastLogged.set(name, now);
        this.logger.warn(
          { queue: name, err: err.message },
          'queue cannot reach Redis; jobs wait in the outbox',
        );
      });
    }
  }
}
