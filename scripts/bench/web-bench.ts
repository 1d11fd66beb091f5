/*
 * The home page's weight and first paint, measured in Debian's Chromium against a running API (which serves the
 * built web app, compressed per Accept-Encoding): `npm run build:web`, start the API, then
 * `npm run bench:web -- --url http://127.0.0.1:3000 [--runs 5] [--target-kb 200]`.
 *
 * Sizes are what the browser received (Chrome DevTools Protocol: the bytes of each response minus its headers),
 * with the Content-Encoding the server chose: once with Chromium's own Accept-Encoding (the server picks br), once
 * asking for gzip only (the same files, as a browser without brotli gets them). The home page's JS as received in
 * brotli is checked against its budget (`--target-kb`, 200 by default); the process exits 1 over it. Then the first
 * contentful paint and the page heading's render time of N cold loads.
 */
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../test/browser/chromium';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface Asset {
  url: string;
  type: 'Script' | 'Stylesheet';
  encoding: string;
  /** Body bytes as received (compressed when encoded). */
  encoded: number;
  /** Body bytes after decoding. */
  decoded: number;
}

interface Load {
  assets: Asset[];
  fcp: number;
  heading: number;
}

/**
 * One cold load (a fresh context: nothing cached, as for a first visit). `acceptEncoding` replaces the browser's
 * own header when given.
 */
async function load(browser: Browser, url: string, acceptEncoding?: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (acceptEncoding)
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': acceptEncoding } });

  const seen = new Map<string, { url: string; type: string; encoding: string; headerBytes: number }>();
  const decoded = new Map<string, number>();
  const assets: Asset[] = [];
  cdp.on('Network.responseReceived', (e) => {
    if (e.type !== 'Script' && e.type !== 'Stylesheet') return;
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    seen.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      encoding: String(headers['content-encoding'] ?? 'identity'),
      // At responseReceived, the bytes received so far are the status line and headers.
      headerBytes: e.response.encodedDataLength,
    });
  });
  cdp.on('Network.dataReceived', (e) => {
    if (seen.has(e.requestId)) decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId);
    if (!r) return;
    assets.push({
      url: r.url,
      type: r.type as Asset['type'],
      encoding: r.encoding,
      encoded: e.encodedDataLength - r.headerBytes,
      decoded: decoded.get(e.requestId) ?? 0,
    });
  });

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
  await context.close();
  return { assets, fcp: Math.round(fcp), heading: Math.round(heading) };
}

function report(label: string, assets: Asset[]): number {
  let js = 0;
  for (const type of ['Script', 'Stylesheet'] as const) {
    const list = assets.filter((a) => a.type === type).sort((a, b) => b.decoded - a.decoded);
    const encoded = list.reduce((s, a) => s + a.encoded, 0);
    const decoded = list.reduce((s, a) => s + a.decoded, 0);
    const encodings = [...new Set(list.map((a) => a.encoding))].join('+') || '-';
    if (type === 'Script') js = encoded;
    console.log(
      `${label} ${type === 'Script' ? 'JS ' : 'CSS'}: ${list.length} file(s), ${kb(encoded)} received (${encodings}), ${kb(decoded)} decoded`,
    );
    for (const a of list)
      console.log(
        `     ${new URL(a.url).pathname}  ${kb(a.encoded)} ${a.encoding}, ${kb(a.decoded)} decoded`,
      );
  }
  return js;
}

async function main(): Promise<void> {
  const url = arg('url', 'http://127.0.0.1:3000');
  const runs = Number(arg('runs', '5'));
  const targetKb = Number(arg('target-kb', '200'));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    // Chromium's own Accept-Encoding (gzip, deflate, br, zstd): N cold loads, the sizes of the first.
    const loads: Load[] = [];
    for (let i = 0; i < runs; i++) loads.push(await load(browser, url));
    const gzip = await load(browser, url, 'gzip');

    const brJs = report('default', loads[0].assets);
    const gzJs = report('gzip   ', gzip.assets);
    const jsEncodings = new Set(loads[0].assets.filter((a) => a.type === 'Script').map((a) => a.encoding));
    const within = brJs <= targetKb * 1024;
    console.log(
      `home page JS: ${kb(brJs)} ${[...jsEncodings].join('+')}, ${kb(gzJs)} gzip; budget ${targetKb} KB ` +
        `(${jsEncodings.has('br') ? 'brotli' : 'as received'}): ${within ? 'within' : 'OVER'}`,
    );
    if (!jsEncodings.has('br'))
      console.log('  note: the server did not answer brotli; the budget is for brotli');

    const fcps = loads.map((l) => l.fcp);
    const headings = loads.map((l) => l.heading);
    console.log(
      `first contentful paint (ms), ${runs} cold loads: ${fcps.join(', ')}; median ${median(fcps)}`,
    );
    console.log(`page heading rendered at (ms): ${headings.join(', ')}; median ${median(headings)}`);
    if (!within) process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
