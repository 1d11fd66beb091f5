import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ReportGeneratorService } from '@app/domain';
import { WorkerModule } from '../apps/worker/src/worker.module';
(async () => {
  const app = await NestFactory.createApplicationContext(
    WorkerModule.register({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/buysocial_test_reports', REDIS_URL: 'redis://127.0.0.1:6379/4', OUTBOX_RELAY: 'off', LOG_LEVEL: 'silent' }),
    { logger: false },
  );
  try {
    const r = await app.get(ReportGeneratorService).generate(process.argv[2], async () => undefined);
    console.log(r);
  } catch (e) { console.log((e as Error).stack); }
  await app.close();
})();
