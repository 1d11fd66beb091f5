/*
 * The home page's weight and first paint, measured in Debian's Chromium against a running API (which serves the
 * built web app): `npm run build:web`, start the API, then `npm run bench:web -- --url http://127.0.0.1:3000`.
 * Reports the JS and CSS the home page loads (raw and gzip -9) and the first contentful paint of N cold loads.
 */
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/browser/chromium';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const url = arg('url', 'http://127.0.0.1:3000');
  const runs = Number(arg('runs', '5'));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const fcps: number[] = [];
  const headings: number[] = [];
  const assets = new Map<string, { type: string; raw: number; gzip: number }>();
  for (let i = 0; i < runs; i++) {
    // A fresh context each time: nothing cached, as for a first visit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Notes the moment the app has rendered the page's heading (the real content, not the loading shell).
    await page.addInitScript(() => {
      const w = window as unknown as { headingAt?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector('main h1')) {
          w.headingAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    page.on('response', async (res) => {
      const type = res.request().resourceType();
      if ((type !== 'script' && type !== 'stylesheet') || assets.has(res.url())) return;
      const body = await res.body().catch(() => null);
      if (body) assets.set(res.url(), { type, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    const [fcp, heading] = await page.evaluate(
      () =>
        new Promise<[number, number]>((done) => {
          const heading = (window as unknown as { headingAt?: number }).headingAt ?? Number.NaN;
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) done([entry.startTime, heading]);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    fcps.push(Math.round(fcp));
    headings.push(Math.round(heading));
    await context.close();
  }
  await browser.close();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const type of ['script', 'stylesheet']) {
    const list = [...assets.entries()].filter(([, a]) => a.type === type);
    const raw = list.reduce((s, [, a]) => s + a.raw, 0);
    const gz = list.reduce((s, [, a]) => s + a.gzip, 0);
    console.log(
      `${type === 'script' ? 'JS ' : 'CSS'}: ${list.length} file(s), ${kb(raw)} raw, ${kb(gz)} gzip`,
    );
    for (const [u, a] of list)
      console.log(`     ${new URL(u).pathname}  ${kb(a.raw)} raw, ${kb(a.gzip)} gzip`);
  }
  console.log(`first contentful paint (ms), ${runs} cold loads: ${fcps.join(', ')}; median ${median(fcps)}`);
  console.log(`page heading rendered at (ms): ${headings.join(', ')}; median ${median(headings)}`);
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
