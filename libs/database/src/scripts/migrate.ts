import 'reflect-metadata';
import { loadEnvOrExit } from '@app/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { ensureDatabase } from '../ensure-database';

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  try {
    if (await ensureDatabase(env.DATABASE_URL)) console.log(`created database ${env.databaseName}`);
  } catch (err) {
    console.error(
      `PostgreSQL is not reachable at ${env.DATABASE_URL.replace(/:[^:@/]+@/, ':***@')}: ${(err as Error).message}\n` +
        'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
        '           or: docker compose -f docker/compose.yml up -d postgres',
    );
    process.exit(69);
  }
  const ds = new DataSource({ ...dataSourceOptions(env), logging: ['error'] });
  await ds.initialize();
  const ran = await ds.runMigrations({ transaction: 'each' });
  console.log(
    ran.length
      ? `ran ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`
      : 'schema is up to date',
  );
  await ds.destroy();
}

void main().catch((err) => {
  console.error('migration failed:', err);
  process.exit(1);
});
