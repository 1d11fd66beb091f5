import { AllExceptionsFilter, InputEdgeGuard } from '@app/common';
import { AppConfigModule, Env } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  AuditModule,
  DirectoryModule,
  MeetingDaysModule,
  IdentityModule,
  InteropModule,
  JobsModule,
  MarketplaceModule,
  MatchingModule,
  NotificationsModule,
  ObligationsModule,
  PoliciesModule,
  TendersModule,
  ReportsModule,
} from '@app/domain';
import { QueueModule } from '@app/queue';
import { DynamicModule, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AdminBootstrap } from './admin.bootstrap';
import { QueueBoard } from './admin/queue-board';
import { AuthController } from './identity/auth.controller';
import { AuthGuard } from './identity/auth.guard';
import { RedisThrottlerStorage, ThrottlerStorageModule } from './identity/redis-throttler.storage';
import { MeController } from './identity/me.controller';
import { CertificationsController } from './directory/certifications.controller';
import { CpvController } from './directory/cpv.controller';
import { OfferingsController } from './directory/offerings.controller';
import { OrganisationCertificationsController } from './directory/organisation-certifications.controller';
import { SocialEnterpriseImportsController } from './directory/social-enterprise-imports.controller';
import { SocialEnterprisesController } from './directory/social-enterprises.controller';
import { AuditController } from './audit/audit.controller';
import { ContributionsController } from './obligations/contributions.controller';
import { ObligationsController } from './obligations/obligations.controller';
import { PoliciesController } from './policies/policies.controller';
import { TendersController } from './tenders/tenders.controller';
import { HealthModule } from './health/health.module';
import { ImportsController } from './interop/imports.controller';
import { OcdsExtensionsController, OpenDataController } from './interop/open-data.controller';
import { JobsController } from './jobs/jobs.controller';
import { ObligationMatchesController } from './matching/obligation-matches.controller';
import { OpportunitiesController } from './matching/opportunities.controller';
import { TenderMatchesController } from './matching/tender-matches.controller';
import { ReportsController } from './reports/reports.controller';
import { EventsController } from './meeting-days/events.controller';
import { MeetingsController } from './meeting-days/meetings.controller';
import { flushLogLines, loggerParams } from './logging';
import { OrdersController } from './marketplace/orders.controller';
import { QuoteRequestsController } from './marketplace/quote-requests.controller';
import { QuotesController } from './marketplace/quotes.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { OrganisationsController } from './identity/organisations.controller';

/** The HTTP process: controllers and queue producers only (processors live in the worker). */
@Module({})
export class ApiModule implements OnApplicationShutdown {
  /** The last step of a shutdown: buffered JSON log lines are written before the process ends. */
  onApplicationShutdown(): void {
    flushLogLines();
  }

  static register(overrides: Record<string, string | undefined> = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(overrides),
        LoggerModule.forRootAsync({ inject: [Env], useFactory: (env: Env) => loggerParams(env, 'api') }),
        // Counters in Redis so replicas share one limit.
        ThrottlerModule.forRootAsync({
          imports: [ThrottlerStorageModule],
          inject: [Env, RedisThrottlerStorage],
          useFactory: (env: Env, storage: RedisThrottlerStorage) => ({
            throttlers: [{ name: 'auth', ttl: 60_000, limit: env.AUTH_RATE_LIMIT }],
            storage,
          }),
        }),
        DatabaseModule,
        QueueModule,
        IdentityModule,
        NotificationsModule,
        DirectoryModule,
        AuditModule,
        PoliciesModule,
        TendersModule,
        ObligationsModule,
        JobsModule,
        ReportsModule,
        MarketplaceModule,
        MatchingModule,
        MeetingDaysModule,
        InteropModule,
        HealthModule,
      ],
      controllers: [
        AuthController,
        MeController,
        OrganisationsController,
        NotificationsController,
        // Registration order is the order of paths in openapi.json.
        CpvController,
        SocialEnterprisesController,
        OrganisationCertificationsController,
        CertificationsController,
        OfferingsController,
        SocialEnterpriseImportsController,
        PoliciesController,
        TendersController,
        ObligationsController,
        ContributionsController,
        AuditController,
        JobsController,
        ReportsController,
        QuoteRequestsController,
        QuotesController,
        OrdersController,
        ObligationMatchesController,
        TenderMatchesController,
        EventsController,
        MeetingsController,
        OpportunitiesController,
        ImportsController,
        OpenDataController,
        OcdsExtensionsController,
      ],
      providers: [
        // In this order: who is asking (401) before what was sent (400, the input edge rule).
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: InputEdgeGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        AdminBootstrap,
        QueueBoard,
      ],
    };
  }
}
