import 'reflect-metadata';
import { AppConfigModule, loadEnvOrExit } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DEMO_PASSWORD } from './organisations.demo-data';
import { seedDemoData } from './organisations.seed';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ObligationsService } from '../obligations/obligations.service';
import { PoliciesService } from '../policies/policies.service';
import { ObligationsModule } from '../obligations/obligations.module';
import { PoliciesModule } from '../policies/policies.module';
import { TendersModule } from '../tenders/tenders.module';
import { TendersService } from '../tenders/tenders.service';
import { seedProcurementDemo } from './procurement.seed';
import { MarketplaceModule } from '../marketplace/marketplace.module';
import { OrdersService } from '../marketplace/orders.service';
import { QuoteRequestsService } from '../marketplace/quote-requests.service';
import { QuotesService } from '../marketplace/quotes.service';
import { seedMarketplaceDemo } from './marketplace.seed';

@Module({
  imports: [
    AppConfigModule.forRoot(),
    DatabaseModule,
    QueueModule,
    PoliciesModule,
    TendersModule,
    ObligationsModule,
    MarketplaceModule,
  ],
})
class SeedModule {}

/**
 * npm run seed: demo organisations, users and directory data, then the demo SROI policy, tenders and an
 * obligation through the same services the API uses. This is a command-line tool: it prints to stdout.
 */
async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const ds = app.get<DataSource>(getDataSourceToken());
    const logins = await seedDemoData(ds);
    const procurement = await seedProcurementDemo(ds, {
      policies: app.get(PoliciesService),
      tenders: app.get(TendersService),
      obligations: app.get(ObligationsService),
    });
    const marketplace = await seedMarketplaceDemo(ds, {
      requests: app.get(QuoteRequestsService),
      quotes: app.get(QuotesService),
      orders: app.get(OrdersService),
    });
    console.log('demo data ready.');
    for (const line of [...procurement, ...marketplace]) console.log(`  ${line}`);
    console.log('Logins (password for all demo accounts: %s):', DEMO_PASSWORD);
    // Outside production the admin password may be the development fallback: say which one to use.
    const adminPassword = env.isProduction ? 'from ADMIN_PASSWORD' : env.ADMIN_PASSWORD;
    console.log(
      `  ${'admin'.padEnd(22)} ${env.ADMIN_EMAIL.padEnd(34)} password: ${adminPassword} (created when the API starts)`,
    );
    for (const l of logins) console.log(`  ${l.role.padEnd(22)} ${l.email.padEnd(34)} ${l.organisation}`);
  } finally {
    await app.close();
  }
}

void main().catch((err) => {
  console.error('seeding failed:', err);
  process.exit(1);
});
