import 'reflect-metadata';
import { loadEnvOrExit } from '@app/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../data-source-options';
import { DEMO_PASSWORD } from './demo-data';
import { seedDemoData } from './seed';

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const ds = await new DataSource(dataSourceOptions(env)).initialize();
  try {
    const logins = await seedDemoData(ds);
    console.log('demo data ready. Logins (password for all demo accounts: %s):', DEMO_PASSWORD);
    console.log(
      `  ${'admin'.padEnd(22)} ${env.ADMIN_EMAIL} (password: ADMIN_PASSWORD, created when the API starts)`,
    );
    for (const l of logins) console.log(`  ${l.role.padEnd(22)} ${l.email.padEnd(34)} ${l.organisation}`);
  } finally {
    await ds.destroy();
  }
}

void main().catch((err) => {
  console.error('seeding failed:', err);
  process.exit(1);
});
