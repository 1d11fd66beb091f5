import { ALL_QUEUES, OutboxRelay } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { WorkerModule } from '../../apps/worker/src/worker.module';

export interface TestWorker {
  worker: INestApplicationContext;
  /** The worker's outbox relay, off in test env: the spec delivers rows with `relayUntil`. */
  relay: OutboxRelay;
  close: () => Promise<void>;
}

/**
 * The real worker (every processor, its queues) in this process, against the test database and Redis, with the
 * relay off as everywhere in tests. Call `clearBacklog` first, or it works through rows other specs left.
 */
export async function startWorker(overrides: Record<string, string> = {}): Promise<TestWorker> {
  const ref = await Test.createTestingModule({
    imports: [WorkerModule.register({ OUTBOX_RELAY: 'off', ...overrides })],
  }).compile();
  const worker = await ref.init();
  return { worker, relay: worker.get(OutboxRelay), close: () => worker.close() };
}

/**
 * Delivers the outbox (the jobs it holds, and the jobs those jobs write) until `settled` answers something other
 * than undefined/false, polling every 100 ms up to a deadline: the worker's own completion, never a fixed sleep.
 * The deadline's error names `what` and the last value `describe` gives, so a stuck job says where it stuck.
 */
export async function relayUntil<T>(
  relay: OutboxRelay,
  what: string,
  settled: () => Promise<T | undefined | false>,
  opts: { timeoutMs?: number; describe?: () => Promise<string> } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  for (;;) {
    await relay.relayOnce();
    const value = await settled();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const state = opts.describe ? `: ${await opts.describe()}` : '';
      throw new Error(`${what}: not settled after ${opts.timeoutMs ?? 30_000} ms${state}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Jobs the worker's queues hold as failed or waiting to retry, with BullMQ's reason: what a deadline reports.
 * `since` leaves out jobs added before it (failed jobs of earlier specs stay in a queue).
 */
export async function queueTrouble(
  w: TestWorker,
  opts: { since?: Date; limit?: number } = {},
): Promise<string[]> {
  const out: string[] = [];
  for (const name of ALL_QUEUES) {
    const queue = w.worker.get<Queue>(getQueueToken(name), { strict: false });
    const jobs = await queue.getJobs(['failed', 'delayed'], 0, 200);
    for (const job of jobs.filter((j) => j.failedReason && j.timestamp >= (opts.since?.getTime() ?? 0)))
      out.push(`${name}/${job.name} ${JSON.stringify(job.data)} x${job.attemptsMade}: ${job.failedReason}`);
  }
  return out.slice(0, opts.limit ?? 10);
}
