import 'reflect-metadata';
import { loadEnvOrExit } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { ApiModule } from './api.module';
import { setupApp } from './app.setup';

async function bootstrap(): Promise<void> {
  const env = loadEnvOrExit();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(), {
    bodyParser: false,
    bufferLogs: true,
  });
  setupApp(app, { webDist: join(process.cwd(), 'dist', 'web') });
  await app.listen(env.PORT);
  app.get(Logger).log(`api listening on http://localhost:${env.PORT} (docs: /api/docs)`, 'Bootstrap');
}

void bootstrap();
