// Global setup runs outside Jest's module mapper: resolve the @app/* aliases from tsconfig.json.
import 'tsconfig-paths/register';
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import Redis from 'ioredis';
import { dataSourceOptions } from '../libs/database/src/data-source-options';
import { ensureDatabase } from '../libs/database/src/ensure-database';

/** Refuses any database without "test" in its name, then rebuilds the schema from the real migrations. */
export default async function globalSetup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/buysocial_test';
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('test')) throw new Error(`refusing to run e2e tests against database "${name}"`);
  await ensureDatabase(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
  const ds = new DataSource(dataSourceOptions({ DATABASE_URL: url }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/1';
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  redis.disconnect();
}
