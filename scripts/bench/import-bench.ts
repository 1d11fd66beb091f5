/**
 * npm run bench:import — releases per second and peak memory of the worker's part of an OCDS import, for release
 * packages of several sizes generated from the shared Sell2Wales releases (re-identified, so every run creates
 * its tenders). Each size is stored through the API's service, then imported in a fresh child process whose
 * memory is sampled: flat peak memory across sizes shows the worker never holds the whole package.
 *
 *   npm run bench:import -- [--sizes 2000,10000] [--database-url postgres://.../buysocial_bench_import]
 *   npm run bench:import -- --eforms [--sizes 2000,10000]   (eForms notices: scripts/bench/eforms-import-bench.ts)
 */
import 'reflect-metadata';
import { AppConfigModule } from '@app/config';
import { DatabaseModule, ensureDatabase, dataSourceOptions } from '@app/database';
import { Actor, ImportsService, InteropModule } from '@app/domain';
import { QueueModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { measureImport } from './measure-import';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const DB =
  args.get('database-url') ??
  process.env.BENCH_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/buysocial_bench_import';
const SIZES = (args.get('sizes') ?? '2000,10000').split(',').map(Number);
const TS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const SOURCES = [
  join(__dirname, '../../../shared/data/ocds/packages/wales-sell2wales-2025-02-release-package.json'),
  join(__dirname, '../../test/fixtures/ocds/suitability-release-package.json'),
];

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

function generate(size: number, run: string): Record<string, unknown> {
  const source = JSON.parse(
    readFileSync(
      SOURCES.find((s) => existsSync(s))!,
      'utf8',
    ),
  );
  const releases = Array.from({ length: size }, (_, i) => {
    const r = source.releases[i % source.releases.length];
    const ocid = `ocds-bench-${run}-${i}`;
    return { ...r, ocid, id: `${ocid}-1` };
  });
  return { ...source, uri: `https://example.org/bench/${run}.json`, releases };
}

/** Phase 1 (this process): store a package of `size` releases the way POST /imports/ocds does. */
async function store(size: number): Promise<{ id: string; bytes: number; storeSeconds: number }> {
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  try {
    const pkg = generate(size, `${Date.now()}-${size}`);
    const bytes = Buffer.byteLength(JSON.stringify(pkg));
    const t0 = performance.now();
    const view = await app.get(ImportsService).submit(benchActor(), pkg);
    return { id: view.id, bytes, storeSeconds: (performance.now() - t0) / 1000 };
  } finally {
    await app.close();
  }
}

/**
 * Phase 2 (a fresh child process): the worker's part, with its memory sampled every 20 ms (peak RSS and heap,
 * garbage included) and, at every tenth of the work, the live heap after a full collection: what the import
 * really holds, which must not grow with the package.
 */
async function runImport(id: string): Promise<void> {
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  try {
    await measureImport(
      app,
      id,
      (onProgress) => app.get(ImportsService).run(id, onProgress),
      (result) => ({
        releases: result?.releases,
        created: result?.tendersCreated,
        errorsTotal: result?.errorsTotal,
      }),
    );
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  // `--eforms`: the eForms notices import instead (scripts/bench/eforms-import-bench.ts).
  if (process.argv.includes('--eforms')) return (await import('./eforms-import-bench')).main();
  if (args.get('phase') === 'run') return runImport(args.get('id')!);
  await ensureDatabase(DB);
  const ds = new DataSource(dataSourceOptions({ DATABASE_URL: DB }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();

  console.log(
    `OCDS import bench on ${new URL(DB).pathname.slice(1)} (worker part in a fresh process per size)`,
  );
  console.log(
    'releases | package MB | store s | import s | releases/s | peak RSS MB (base) | peak heap MB | live heap MB',
  );
  for (const size of SIZES) {
    const stored = await store(size);
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', ...TS, __filename, '--phase', 'run', '--id', stored.id, '--database-url', DB],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 1 << 20,
      },
    );
    if (child.status !== 0) throw new Error(`import of ${size} releases failed`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    console.log(
      [
        String(size).padStart(8),
        (stored.bytes / 2 ** 20).toFixed(1).padStart(10),
        stored.storeSeconds.toFixed(1).padStart(7),
        r.seconds.toFixed(1).padStart(8),
        Math.round(size / r.seconds)
          .toString()
          .padStart(10),
        `${r.peakRssMb.toFixed(0)} (${r.baseRssMb.toFixed(0)})`.padStart(18),
        r.peakHeapMb.toFixed(0).padStart(12),
        r.liveHeapMb.toFixed(0).padStart(12),
      ].join(' | '),
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
