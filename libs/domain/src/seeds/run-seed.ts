import 'reflect-metadata';
import { loadEnvOrExit } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { DEMO_PASSWORD } from '@app/database/seeds/demo-data';
import { seedDemoData } from '@app/database/seeds/seed';
import { DataSource } from 'typeorm';
import { seedProcurementDemo } from './procurement.seed';

/** npm run seed: demo organisations, users and directory data, then demo SROI policy, tenders and an obligation. */
async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const ds = await new DataSource(dataSourceOptions(env)).initialize();
  try {
    const logins = await seedDemoData(ds);
    const procurement = await seedProcurementDemo(ds);
    console.log('demo data ready.');
    for (const line of procurement) console.log(`  ${line}`);
    console.log('Logins (password for all demo accounts: %s):', DEMO_PASSWORD);
    // Outside production the admin password may be the development fallback: say which one to use.
    const adminPassword = env.isProduction ? 'from ADMIN_PASSWORD' : env.ADMIN_PASSWORD;
    console.log(
      `  ${'admin'.padEnd(22)} ${env.ADMIN_EMAIL.padEnd(34)} password: ${adminPassword} (created when the API starts)`,
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
