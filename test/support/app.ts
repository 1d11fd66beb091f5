import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../apps/api/src/api.module';
import { setupApp } from '../../apps/api/src/app.setup';
import { createHttpAdapter } from '../../apps/api/src/http-adapter';

export interface TestApp {
  app: NestFastifyApplication;
  ds: DataSource;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** Boots the real API module through the same setupApp() as main.ts, against the test database. */
export async function createTestApp(
  overrides: Record<string, string> = {},
  options: { webDist?: string } = {},
): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.register(overrides)] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
    bodyParser: false,
    logger: false,
  });
  try {
    await setupApp(app, options);
    await app.init();
    // Fastify answers once all its plugins have loaded; supertest talks to the bare Node server.
    await app.getHttpAdapter().getInstance().ready();
  } catch (err) {
    // A spec whose app fails to start never gets an app to close: close what did start (database pool, Redis
    // clients) here, or it keeps Jest running after the last test.
    await app.close().catch(() => undefined);
    throw err;
  }
  const ds = app.get<DataSource>(getDataSourceToken());
  return { app, ds, http: () => request(app.getHttpServer()), close: () => app.close() };
}
