import { Logger } from '@nestjs/common';
import { REDIS_OUTAGE_LOG_INTERVAL_MS, RedisOutageLog } from './redis-outage.log';

describe('RedisOutageLog', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes one line a minute for the whole process, with the errors seen since the last line', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const log = new RedisOutageLog();
    const err = new Error('connect ECONNREFUSED');
    const t0 = 1_000_000;
    expect(log.report('queue matching', err, t0)).toBe(true);
    // Other queues and workers in the same minute add to the count only.
    expect(log.report('worker matching', err, t0 + 10)).toBe(false);
    expect(log.report('queue reports', err, t0 + REDIS_OUTAGE_LOG_INTERVAL_MS - 1)).toBe(false);
    expect(log.report('worker reports', err, t0 + REDIS_OUTAGE_LOG_INTERVAL_MS)).toBe(true);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0][0]).toMatchObject({ source: 'queue matching', errors: 1 });
    expect(warn.mock.calls[1][0]).toMatchObject({
      source: 'worker reports',
      err: 'connect ECONNREFUSED',
      errors: 3,
    });
  });
});
