import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { inTransaction, retryingTransaction, transactionRetries } from './transaction';

const pgError = (code: string) =>
  new QueryFailedError('UPDATE ...', [], Object.assign(new Error(`pg ${code}`), { code }));

/** A DataSource whose transactions fail with the given errors, in turn, and then run the work. */
function flakyDataSource(failures: unknown[]): { ds: DataSource; tries: () => number } {
  let tries = 0;
  const ds = {
    transaction: async (work: (m: EntityManager) => Promise<unknown>) => {
      tries += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { ds, tries: () => tries };
}

describe('retryingTransaction', () => {
  it('runs the whole transaction again after a deadlock or a serialization failure', async () => {
    const before = { ...transactionRetries };
    const { ds, tries } = flakyDataSource([pgError('40P01'), pgError('40001')]);
    await expect(retryingTransaction(ds, async () => 'saved', { baseDelayMs: 1 })).resolves.toBe('saved');
    expect(tries()).toBe(3);
    expect(transactionRetries['40P01']).toBe((before['40P01'] ?? 0) + 1);
    expect(transactionRetries['40001']).toBe((before['40001'] ?? 0) + 1);
  });

  it('gives up after the last attempt with the error as it was', async () => {
    const last = pgError('40P01');
    const { ds, tries } = flakyDataSource([pgError('40P01'), pgError('40P01'), last]);
    await expect(retryingTransaction(ds, async () => 'saved', { attempts: 3, baseDelayMs: 1 })).rejects.toBe(
      last,
    );
    expect(tries()).toBe(3);
  });

  it('never retries any other error (a unique violation, a domain error)', async () => {
    for (const err of [pgError('23505'), new Error('NOT_OWNER')]) {
      const { ds, tries } = flakyDataSource([err]);
      await expect(retryingTransaction(ds, async () => 'saved', { baseDelayMs: 1 })).rejects.toBe(err);
      expect(tries()).toBe(1);
    }
  });

  it('finds the code on the driver error or a cause as well', async () => {
    const wrapped = new Error('outer', { cause: Object.assign(new Error('pg'), { code: '40P01' }) });
    const { ds, tries } = flakyDataSource([wrapped]);
    await expect(retryingTransaction(ds, async () => 1, { baseDelayMs: 1 })).resolves.toBe(1);
    expect(tries()).toBe(2);
  });
});

describe('inTransaction', () => {
  it("joins the caller's transaction (never retried here) or runs its own with retries", async () => {
    const { ds, tries } = flakyDataSource([pgError('40P01')]);
    const outer = { queryRunner: { isTransactionActive: true } } as unknown as EntityManager;
    await expect(inTransaction(ds, outer, async (m) => m)).resolves.toBe(outer);
    expect(tries()).toBe(0);
    await expect(inTransaction(ds, undefined, async () => 'own')).resolves.toBe('own');
    expect(tries()).toBe(2);
  });
});
