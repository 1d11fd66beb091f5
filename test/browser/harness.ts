import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { ApiModule } from '../../apps/api/src/api.module';
import { setupApp } from '../../apps/api/src/app.setup';
import { createHttpAdapter } from '../../apps/api/src/http-adapter';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { DataSource } from 'typeorm';
import { clearBacklog, dbNow } from '../support/backlog';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

const ROOT = resolve(__dirname, '../..');
// Its own build directory: a `npm run build` elsewhere empties dist/web while it writes, which would break a run.
// WEB_E2E_DIST: a directory of one's own, when several runs share the working tree.
const WEB_DIST = process.env.WEB_E2E_DIST ?? join(ROOT, 'dist', 'web-e2e');
export const ARTIFACTS = join(ROOT, 'test', 'browser', 'artifacts');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app unless its build is newer than every source file (the API serves what is built). */
export function ensureWebBuild(): void {
  const index = join(WEB_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(join(ROOT, 'apps/web/src')),
    statSync(join(ROOT, 'apps/web/index.html')).mtimeMs,
    statSync(join(ROOT, 'apps/web/vite.config.mts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const args = [
    'vite',
    'build',
    '--config',
    'apps/web/vite.config.mts',
    '--outDir',
    WEB_DIST,
    '--emptyOutDir',
  ];
  execFileSync('npx', [...args, '--logLevel', 'error'], {
    cwd: ROOT,
    stdio: 'inherit',
    // The tests run with NODE_ENV=test; the bundle must still be React's production build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface Stack {
  baseUrl: string;
  api: NestFastifyApplication;
  worker: INestApplicationContext;
  browser: Browser;
  close: () => Promise<void>;
}

/** The real API (serving the built web app), the real worker with its outbox relay, and one Chromium. */
export async function startStack(): Promise<Stack> {
  ensureWebBuild();
  mkdirSync(ARTIFACTS, { recursive: true });
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule.register()] }).compile();
  const api = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
    bodyParser: false,
    logger: false,
  });
  await setupApp(api, { webDist: WEB_DIST });
  await api.listen(Number(process.env.BROWSER_TEST_PORT ?? 0), '127.0.0.1');
  const port = (api.getHttpServer().address() as AddressInfo).port;
  const ds = api.get<DataSource>(getDataSourceToken());
  await clearBacklog(ds, await dbNow(ds));
  const workerRef = await Test.createTestingModule({
    imports: [WorkerModule.register({ OUTBOX_RELAY: 'on' })],
  }).compile();
  const worker = await workerRef.init();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    api,
    worker,
    browser,
    close: async () => {
      await browser.close();
      await worker.close();
      await api.close();
    },
  };
}

export async function newPage(stack: Stack, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({
    baseURL: stack.baseUrl,
    viewport: { width, height: 900 },
    // A Dutch user's browser: date inputs render dd-mm-jjjj; fill() still types yyyy-mm-dd, as in any locale.
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const page = await context.newPage();
  // Generous: CI machines are small and the tests share them with the API, the worker and the databases.
  page.setDefaultTimeout(15_000);
  // Script errors in the page would otherwise only show up as a timeout.
  page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') console.error(`[browser console] ${msg.text()}`);
  });
  return { context, page };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is now; returns the serious and critical violations (the tests expect none). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // evaluate() runs through the DevTools protocol, so the app's Content-Security-Policy does not block it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** True when the page is wider than its viewport (a horizontal scrollbar). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** JSON calls to the same API for test data the story needs from other roles. */
export async function apiCall<T = Record<string, unknown>>(
  stack: Stack,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}
