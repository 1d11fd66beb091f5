import { DynamicModule, Global, Module } from '@nestjs/common';
import { Env, loadEnvOrExit } from './env';

/**
 * Provides the validated `Env` to every module. `forRoot(overrides)` exists so tests can boot the app
 * with a different setting (a low rate limit, another Redis) without touching process.env.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(overrides: Record<string, string | undefined> = {}): DynamicModule {
    const env = loadEnvOrExit(overrides);
    return {
      module: AppConfigModule,
      global: true,
      providers: [{ provide: Env, useValue: env }],
      exports: [Env],
    };
  }
}
