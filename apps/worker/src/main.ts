import 'reflect-metadata';
import { loadEnvOrExit } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  loadEnvOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule.register(), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  // SIGTERM/SIGINT close the BullMQ workers (current jobs finish) and the database pool.
  app.enableShutdownHooks();
  logger.log('worker started', 'Bootstrap');
}

void bootstrap();
