/**
 * npm run bench:import -- --eforms — notices per second and peak memory of an eForms import: for each size, one ZIP
 * of notices generated from the SDK examples (test/fixtures/eforms/notices, every copy with new procedure and notice
 * ids) is stored the way POST /imports/eforms stores it (streamed from a file), then imported in a fresh child
 * process whose memory is sampled. Flat peak memory across sizes shows the worker never holds the whole upload.
 *
 *   npm run bench:import -- --eforms [--sizes 2000,10000] [--database-url postgres://.../buysocial_bench_eforms]
 */
import 'reflect-metadata';
import { AppConfigModule } from '@app/config';
import { DatabaseModule, dataSourceOptions, ensureDatabase } from '@app/database';
import { Actor, EformsImportService, InteropModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { makeZip } from '../../test/support/zip';
import { measureImport } from './measure-import';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
const DB =
  option('database-url') ??
  process.env.BENCH_EFORMS_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/buysocial_bench_eforms';
const SIZES = (option('sizes') ?? '2000,10000').split(',').map(Number);
const TS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const NOTICES = join(__dirname, '../../test/fixtures/eforms/notices');

@Module({
  imports: [
    AppConfigModule.forRoot({ DATABASE_URL: DB, LOG_LEVEL: 'warn' }),
    DatabaseModule,
    QueueModule,
    InteropModule,
  ],
})
class BenchModule {}

const benchActor = (): Actor => ({
  userId: randomUUID(),
  role: 'admin',
  organisationId: null,
  organisationKind: null,
});

/** A ZIP of `size` notices: the examples in turn, each copy with its own procedure and notice ids. */
function generateZip(size: number, run: string): Buffer {
  const sources = readdirSync(NOTICES)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((name) => {
      const xml = readFileSync(join(NOTICES, name), 'utf8');
      return {
        name,
        xml,
        folder: xml.match(/<cbc:ContractFolderID>([^<]+)</)?.[1] ?? null,
        id: xml.match(/<cbc:ID schemeName="notice-id">([^<]+)</)?.[1] ?? null,
      };
    });
  return makeZip(
    Array.from({ length: size }, (_, i) => {
      const s = sources[i % sources.length];
      const tag = `${run}-${i}`.padStart(12, '0').slice(-12);
      let xml = s.xml;
      if (s.folder) xml = xml.split(s.folder).join(`${s.folder.slice(0, 24)}${tag}`);
      if (s.id) xml = xml.split(s.id).join(`${s.id.slice(0, 24)}${tag}`);
      return { name: `${i}-${s.name}`, data: xml };
    }),
  );
}

/** Phase 1 (this process): store the ZIP as POST /imports/eforms does (a stream, spooled, a notice per row). */
async function store(size: number): Promise<{ id: string; zipMb: number; storeSeconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'eforms-bench-'));
  const file = join(dir, 'notices.zip');
  const zip = generateZip(size, (Date.now() % 1e8).toString(36));
  writeFileSync(file, zip);
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  try {
    const t0 = performance.now();
    const id = await app
      .get(EformsImportService)
      .submit(benchActor(), createReadStream(file), 'application/zip', null);
    return { id, zipMb: zip.length / 2 ** 20, storeSeconds: (performance.now() - t0) / 1000 };
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Phase 2 (a fresh child process): the worker's part, memory sampled every 20 ms. */
async function runImport(id: string): Promise<void> {
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  try {
    await measureImport(
      app,
      id,
      (onProgress) => app.get(EformsImportService).run(id, onProgress),
      (result) => ({
        notices: result?.notices,
        created: result?.tendersCreated,
        errorsTotal: result?.errorsTotal,
      }),
    );
  } finally {
    await app.close();
  }
}

export async function main(): Promise<void> {
  if (option('phase') === 'run') return runImport(option('id')!);
  await ensureDatabase(DB);
  const ds = new DataSource(dataSourceOptions({ DATABASE_URL: DB }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();

  console.log(
    `eForms import bench on ${new URL(DB).pathname.slice(1)} (worker part in a fresh process per size)`,
  );
  console.log(
    'notices | ZIP MB | store s | import s | notices/s | created | errors | peak RSS MB (base) | peak heap MB | live heap MB',
  );
  for (const size of SIZES) {
    const stored = await store(size);
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', ...TS, __filename, '--phase', 'run', '--id', stored.id, '--database-url', DB],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) throw new Error(`import of ${size} notices failed`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    console.log(
      [
        String(size).padStart(7),
        stored.zipMb.toFixed(1).padStart(6),
        stored.storeSeconds.toFixed(1).padStart(7),
        r.seconds.toFixed(1).padStart(8),
        Math.round(size / r.seconds)
          .toString()
          .padStart(9),
        String(r.created).padStart(7),
        String(r.errorsTotal).padStart(6),
        `${r.peakRssMb.toFixed(0)} (${r.baseRssMb.toFixed(0)})`.padStart(18),
        r.peakHeapMb.toFixed(0).padStart(12),
        r.liveHeapMb.toFixed(0).padStart(12),
      ].join(' | '),
    );
  }
}

if (require.main === module)
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
