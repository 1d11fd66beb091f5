import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiModule } from './api.module';
import { createHttpAdapter } from './http-adapter';
import { buildOpenApi } from './openapi-document';

/** Writes openapi.json (or, with --check, fails when the committed file differs from the code). */
async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.register(), createHttpAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix('api/v1', { exclude: ['health'] });
  const json = JSON.stringify(buildOpenApi(app), null, 2) + '\n';
  const file = join(process.cwd(), 'openapi.json');
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      /* missing file is a difference */
    }
    if (committed !== json) {
      console.error('openapi.json is out of date with the code: run `npm run openapi` and commit the result');
      process.exit(1);
    }
    console.log('openapi.json matches the code');
  } else {
    writeFileSync(file, json);
    console.log(`wrote ${file}`);
  }
  await app.close();
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
