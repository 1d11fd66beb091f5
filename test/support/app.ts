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
  await app.init();
  const ds = app.get<DataSource>(getDataSourceToken());
  return { app, ds, http: () => request(app.getHttpServer()), close: () => app.close() };
}
