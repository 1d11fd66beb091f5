import { Env } from '@app/config';
import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QueueName } from '../queue-names';
import { OutboxMessageEntity } from './outbox-message.entity';

/** The queues this worker opened (one per processor); the relay delivers to these. */
export const WORKER_QUEUE_NAMES = Symbol('WORKER_QUEUE_NAMES');

const BATCH = 100;
const IDLE_MS = 500;
/** BullMQ waits for Redis indefinitely; give up on a round instead and leave the rows for the next one. */
const ADD_TIMEOUT_MS = 5000;

/**
 * Moves committed outbox rows to BullMQ; runs in the worker (registered by `WorkerQueueModule`). Rows are
 * claimed with SKIP LOCKED so several workers can relay side by side; a row is marked dispatched only after
 * BullMQ accepted the job, and the job id is deterministic, so a crash between the two re-adds an existing id,
 * which BullMQ ignores.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly env: Env,
    @Inject(WORKER_QUEUE_NAMES) private readonly queueNames: readonly QueueName[],
  ) {}

  onApplicationBootstrap(): void {
    for (const name of this.queueNames)
      this.queues.set(name, this.moduleRef.get(getQueueToken(name), { strict: false }));
    if (this.env.OUTBOX_RELAY === 'on') this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Relays one batch; returns how many rows were dispatched. */
  async relayOnce(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const rows: OutboxMessageEntity[] = await m
        .getRepository(OutboxMessageEntity)
        .createQueryBuilder('o')
        .where('o.dispatched_at IS NULL')
        .orderBy('o.id', 'ASC')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      const done: string[] = [];
      // One round trip per queue (BullMQ's addBulk: one MULTI), in the rows' order.
      const byQueue = new Map<string, OutboxMessageEntity[]>();
      for (const row of rows) {
        if (!this.queues.has(row.queue)) {
          await m.update(
            OutboxMessageEntity,
            { id: row.id },
            { lastError: `unknown queue ${row.queue}`, attempts: row.attempts + 1 },
          );
          continue;
        }
        const batch = byQueue.get(row.queue) ?? [];
        batch.push(row);
        byQueue.set(row.queue, batch);
      }
      for (const [name, batch] of byQueue) {
        try {
          await withTimeout(
            this.queues
              .get(name)!
              .addBulk(
                batch.map((row) => ({ name: row.jobName, data: row.payload, opts: { jobId: row.jobId } })),
              ),
            ADD_TIMEOUT_MS,
          );
          done.push(...batch.map((row) => row.id));
        } catch (err) {
          // Redis is down or refused: leave these rows (and the other queues' batches) for the next round.
          await m
            .createQueryBuilder()
            .update(OutboxMessageEntity)
            .set({ lastError: String((err as Error).message).slice(0, 500), attempts: () => 'attempts + 1' })
            .whereInIds(batch.map((row) => row.id))
            .execute();
          break;
        }
      }
      if (done.length) {
        await m
          .createQueryBuilder()
          .update(OutboxMessageEntity)
          .set({ dispatchedAt: () => 'now()', lastError: null })
          .whereInIds(done)
          .execute();
      }
      return done.length;
    });
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayOnce()
        .then((n) => this.schedule(n === BATCH ? 0 : IDLE_MS))
        .catch((err) => {
          this.logger.warn({ err: (err as Error).message }, 'outbox relay round failed; retrying');
          this.schedule(IDLE_MS * 4);
        });
    }, delay);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not accept the job within ${ms} ms`)), ms);
  });
  // A late success is harmless: the job id is deterministic, so the next round's add is ignored by BullMQ.
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
