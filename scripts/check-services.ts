import { loadEnvOrExit } from '@app/config';
import Redis from 'ioredis';
import { Client } from 'pg';
import { redisOptionsFromUrl } from '@app/queue';

/** Says which dependency is unreachable and how to start it, instead of a stack trace later. */
async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const problems: string[] = [];
  const pgUrl = new URL(env.DATABASE_URL);
  pgUrl.pathname = '/postgres';
  const pg = new Client({ connectionString: pgUrl.toString(), connectionTimeoutMillis: 3000 });
  try {
    await pg.connect();
    await pg.query('SELECT 1');
  } catch (err) {
    problems.push(
      `PostgreSQL is not reachable at ${pgUrl.host} (${(err as Error).message}).\n` +
        '    start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
        '          or: docker compose -f docker/compose.yml up -d postgres',
    );
  } finally {
    await pg.end().catch(() => undefined);
  }
  const redis = new Redis({
    ...redisOptionsFromUrl(env.REDIS_URL),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3000,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    problems.push(
      `Redis is not reachable at ${new URL(env.REDIS_URL).host} (${(err as Error).message}).\n` +
        '    start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\n' +
        '          or: docker compose -f docker/compose.yml up -d redis',
    );
  } finally {
    redis.disconnect();
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(69);
  }
}

void main();
