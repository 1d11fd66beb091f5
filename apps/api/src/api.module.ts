import { AllExceptionsFilter, InputEdgeGuard } from '@app/common';
import { AppConfigModule, Env } from '@app/config';
import { DatabaseModule } from '@app/database';
import { IdentityModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { DynamicModule, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AdminBootstrap } from './admin.bootstrap';
import { QueueBoard } from './admin/queue-board';
import { AuditApiModule } from './audit/audit.module';
import { DashboardApiModule } from './dashboard/dashboard.module';
import { DirectoryApiModule } from './directory/directory.module';
import { HealthModule } from './health/health.module';
import { AuthGuard } from './identity/auth.guard';
import { IdentityApiModule } from './identity/identity.module';
import { RedisThrottlerStorage, ThrottlerStorageModule } from './identity/redis-throttler.storage';
import { InteropApiModule } from './interop/interop.module';
import { JobsApiModule } from './jobs/jobs.module';
import { flushLogLines, loggerParams } from './logging';
import { MarketplaceApiModule } from './marketplace/marketplace.module';
import { MatchingApiModule, OpportunitiesApiModule } from './matching/matching.module';
import { MeetingDaysApiModule } from './meeting-days/meeting-days.module';
import { NotificationsApiModule } from './notifications/notifications.module';
import { ObligationsApiModule } from './obligations/obligations.module';
import { PoliciesApiModule } from './policies/policies.module';
import { ReportsApiModule } from './reports/reports.module';
import { TendersApiModule } from './tenders/tenders.module';
import { ChallengesApiModule } from './challenges/challenges.module';
import { InitiativesApiModule } from './initiatives/initiatives.module';

/**
 * The API's features: each module declares its controllers and imports the domain module they use. The order is
 * the order of paths in openapi.json (Swagger scans modules in the order they are imported).
 */
export const API_FEATURES = [
  IdentityApiModule,
  NotificationsApiModule,
  DirectoryApiModule,
  PoliciesApiModule,
  TendersApiModule,
  ObligationsApiModule,
  AuditApiModule,
  DashboardApiModule,
  JobsApiModule,
  ReportsApiModule,
  MarketplaceApiModule,
  MatchingApiModule,
  MeetingDaysApiModule,
  OpportunitiesApiModule,
  InteropApiModule,
  ChallengesApiModule,
  InitiativesApiModule,
  HealthModule,
];

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
        // The global guard, the admin bootstrap and the queue board read tokens and users.
        IdentityModule,
        ...API_FEATURES,
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
