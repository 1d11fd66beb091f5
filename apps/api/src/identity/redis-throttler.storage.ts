import { Env } from '@app/config';
import { redisOptionsFromUrl } from '@app/queue';
import { Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import Redis from 'ioredis';

/**
 * Counts hits in Redis so the limit holds across API replicas (the throttler's default storage is
 * per-process memory). One Lua script per hit keeps count, expiry and block atomic.
 * (@nest-lab/throttler-storage-redis would do this, but its peer range stops at Nest 11.)
 */
const SCRIPT = `
local hitsKey, blockKey = KEYS[1], KEYS[2]
local ttl, limit, blockDuration = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local blocked = redis.call('PTTL', blockKey)
if blocked > 0 then
  return { tonumber(redis.call('GET', hitsKey) or limit + 1), redis.call('PTTL', hitsKey), 1, blocked }
end
local hits = redis.call('INCR', hitsKey)
if hits == 1 then redis.call('PEXPIRE', hitsKey, ttl) end
local expires = redis.call('PTTL', hitsKey)
if hits > limit then
  redis.call('SET', blockKey, '1', 'PX', blockDuration)
  return { hits, expires, 1, blockDuration }
end
return { hits, expires, 0, 0 }`;

@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly redis: Redis;

  constructor(env: Env) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(env.REDIS_URL),
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => 1000,
    });
    this.redis.on('error', () => undefined);
    this.redis.defineCommand('throttle', { numberOfKeys: 2, lua: SCRIPT });
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    name: string,
  ): Promise<ThrottlerStorageRecord> {
    const prefix = `buysocial:throttle:${name}:${key}`;
    let reply: number[];
    try {
      reply = await (
        this.redis as Redis & { throttle(...args: (string | number)[]): Promise<number[]> }
      ).throttle(`${prefix}:hits`, `${prefix}:block`, ttl, limit, blockDuration);
    } catch (err) {
      // Fail open: with Redis down, signing in still works (the health check reports Redis as down).
      this.logger.warn({ err: (err as Error).message }, 'rate limit counter unavailable; request allowed');
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
    const [hits, expiresMs, blocked, blockMs] = reply;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(expiresMs / 1000)),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
    };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

@Module({ providers: [RedisThrottlerStorage], exports: [RedisThrottlerStorage] })
export class ThrottlerStorageModule {}
