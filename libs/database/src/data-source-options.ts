import type { Env } from '@app/config';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming.strategy';

/**
 * Search takes the first N matches of a common word as its candidate set; synchronized sequential scans
 * would start each scan somewhere else and make that set (and so the pages) change from call to call.
 */
export const SESSION_OPTIONS = '-c synchronize_seqscans=off';

export function dataSourceOptions(env: Pick<Env, 'DATABASE_URL'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    uuidExtension: 'pgcrypto',
    // A connection attempt to an unreachable database fails after 5 s (503) instead of hanging the request.
    extra: {
      max: 20,
      application_name: 'buysocial',
      options: SESSION_OPTIONS,
      connectionTimeoutMillis: 5000,
    },
  };
}
