import { writeConflictCode } from '@app/common';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

export interface RetryOptions {
  /** Tries in all, the first included (default 5). */
  attempts?: number;
  /** The first wait's upper bound in ms, doubled on every retry (default 25). */
  baseDelayMs?: number;
  /** The longest wait in ms (default 400). */
  maxDelayMs?: number;
  /** For logs: what the transaction does (`profile PUT`, `offering update`). */
  label?: string;
}

const logger = new Logger('Transactions');
/** Retries since the process started, by SQLSTATE: read by tests and worth a metric. */
export const transactionRetries: Record<string, number> = {};

/**
 * Runs `work` in a transaction of its own and, when PostgreSQL aborts it as a deadlock victim (40P01) or for a
 * serialization failure (40001), runs the whole transaction again: up to `attempts` tries in all, each after a
 * random wait between half and all of a cap that doubles per retry (25, 50, 100, 200 ms by default), so the two
 * requests that collided do not meet again in step. Anything else, and the last try's failure, is thrown as it is
 * (the HTTP filter answers a 40P01/40001 that still escapes with 503 WRITE_CONFLICT).
 *
 * `work` may run more than once: it must have no effect outside the transaction (the outbox is inside it) and must
 * not count into variables it does not reset on entry. Only a transaction's outermost caller can retry it, which
 * is why this never joins a caller's transaction.
 */
export async function retryingTransaction<T>(
  ds: DataSource,
  work: (m: EntityManager) => Promise<T>,
  opts: RetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? 5);
  const base = opts.baseDelayMs ?? 25;
  const max = opts.maxDelayMs ?? 400;
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (err) {
      const code = writeConflictCode(err);
      if (code === null || attempt >= attempts) throw err;
      transactionRetries[code] = (transactionRetries[code] ?? 0) + 1;
      const cap = Math.min(max, base * 2 ** (attempt - 1));
      const wait = Math.round(cap / 2 + (Math.random() * cap) / 2);
      logger.warn(
        { code, attempt, of: attempts, waitMs: wait, label: opts.label },
        'transaction lost a race (deadlock or serialization failure); running it again',
      );
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * Runs `work` in a transaction, joining the caller's when one is passed in; a transaction of its own is retried
 * on a deadlock or serialization failure (`retryingTransaction`), a joined one is the caller's to retry.
 */
export function inTransaction<T>(
  ds: DataSource,
  manager: EntityManager | undefined,
  work: (m: EntityManager) => Promise<T>,
): Promise<T> {
  if (manager?.queryRunner?.isTransactionActive) return work(manager);
  return retryingTransaction(ds, work);
}
