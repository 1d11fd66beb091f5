import { Injectable, Logger } from '@nestjs/common';

/** At most one line per minute for the whole process, however many queues and workers see the outage. */
export const REDIS_OUTAGE_LOG_INTERVAL_MS = 60_000;

/**
 * BullMQ queues and workers print every failed reconnect to the console when nothing listens to their `error`
 * event. Every queue (`QueueErrorLogger`) and every processor (`JobProcessor`) reports here instead: a Redis
 * outage is logged once a minute with the number of errors since the last line, so it is visible but not a flood.
 */
@Injectable()
export class RedisOutageLog {
  private readonly logger = new Logger('Redis');
  private lastLogged = -Infinity;
  private since = 0;

  /** `source` names who saw it (`queue matching`, `worker reports`); returns whether a line was written. */
  report(source: string, err: Error, now = Date.now()): boolean {
    this.since += 1;
    if (now - this.lastLogged < REDIS_OUTAGE_LOG_INTERVAL_MS) return false;
    this.logger.warn(
      { source, err: err?.message, errors: this.since },
      'cannot reach Redis; jobs wait in the outbox and the workers retry',
    );
    this.lastLogged = now;
    this.since = 0;
    return true;
  }
}
