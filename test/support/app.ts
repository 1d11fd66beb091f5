import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../apps/api/src/api.module';
import { setupApp } from '../../apps/api/src/app.setup';

export interface TestApp {
  app: NestExpressApplication;
  ds: DataSource;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** Boots the real API module through the same setupApp() as main.ts, against the test database. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.register(overrides)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  setupApp(app);
  try {
    await app.init();
  } catch (err) {
    // A spec whose app fails to start never gets an app to close: close what did start (database pool, Redis
    // clients) here, or it keeps Jest running after the last test.
    await app.close().catch(() => undefined);
    throw err;
  }
  const ds = app.get<DataSource>(getDataSourceToken());
  return { app, ds, http: () => request(app.getHttpServer()), close: () => app.close() };
}
