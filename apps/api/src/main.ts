import 'reflect-metadata';
import { loadEnvOrExit } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { ApiModule } from './api.module';
import { setupApp } from './app.setup';
import { createHttpAdapter } from './http-adapter';

async function bootstrap(): Promise<void> {
  const env = loadEnvOrExit();
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(), createHttpAdapter(), {
    bodyParser: false,
    bufferLogs: true,
  });
  await setupApp(app, { webDist: join(process.cwd(), 'dist', 'web') });
  // Every interface, as Express listened (Fastify's default is the loopback interface only).
  await app.listen(env.PORT, '0.0.0.0');
  app.get(Logger).log(`api listening on http://localhost:${env.PORT} (docs: /api/docs)`, 'Bootstrap');
}

void bootstrap();
