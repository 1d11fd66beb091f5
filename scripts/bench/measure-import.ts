/**
 * The worker's part of an import bench, shared by the OCDS and eForms benches: runs one import job through
 * JobsService like the worker does, samples RSS and heap every 20 ms (garbage included) and, at every tenth of the
 * work, the live heap after a full collection (with --expose-gc): what the import really holds. Prints one JSON line.
 */
import { JobsService } from '@app/domain';
import type { INestApplicationContext } from '@nestjs/common';

export async function measureImport<R>(
  app: INestApplicationContext,
  id: string,
  run: (onProgress: (pct: number) => Promise<void>) => Promise<R>,
  counts: (result: R | undefined) => Record<string, unknown>,
): Promise<void> {
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  let liveHeap = 0;
  let tick = -1;
  const gc = (globalThis as { gc?: () => void }).gc;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  try {
    const t0 = performance.now();
    const result = await app
      .get(JobsService)
      .run(id, { attemptsMade: 0, opts: { attempts: 1 } }, (progress) =>
        run(async (pct) => {
          await progress(pct);
          if (!gc || Math.floor(pct / 10) === tick) return;
          tick = Math.floor(pct / 10);
          gc();
          liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
        }),
      );
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    process.stdout.write(
      JSON.stringify({
        seconds,
        ...counts(result as R | undefined),
        baseRssMb: base.rss / 2 ** 20,
        peakRssMb: peakRss / 2 ** 20,
        peakHeapMb: peakHeap / 2 ** 20,
        liveHeapMb: liveHeap / 2 ** 20,
      }),
    );
  } finally {
    clearInterval(timer);
  }
}
