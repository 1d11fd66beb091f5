import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './redis-server';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** Polls `check` until it returns true or the deadline passes; never a bare sleep. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check().catch(() => false)) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * A PostgreSQL 15 cluster of the test's own (initdb + pg_ctl as the postgres user) on a free port, so a test
 * can stop and start the database without touching the shared one.
 */
export class PgCluster {
  readonly dir = mkdtempSync(join(tmpdir(), 'buysocial-pg-'));
  port = 0;

  private run(...args: string[]): string {
    return execFileSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', stdio: 'pipe' });
  }

  async init(): Promise<void> {
    chownSync(this.dir, uid('postgres'), uid('postgres'));
    this.port = await freePort();
    this.run(
      `${PG_BIN}/initdb`,
      '-D',
      join(this.dir, 'data'),
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
    );
  }

  start(): void {
    this.run(
      `${PG_BIN}/pg_ctl`,
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'log'),
      '-w',
      '-t',
      '30',
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c full_page_writes=off`,
      'start',
    );
  }

  /** `immediate` is a crash as far as clients can tell: connections are cut, nothing is shut down cleanly. */
  stop(mode: 'fast' | 'immediate' = 'immediate'): void {
    this.run(`${PG_BIN}/pg_ctl`, '-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop');
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async createDatabase(name: string): Promise<void> {
    const c = new Client({ connectionString: this.url('postgres') });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
  }

  destroy(): void {
    try {
      this.stop('immediate');
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function uid(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}

/** A Redis with an append-only file (as in docker/compose.yml), so a stop loses no accepted job. */
export class RedisServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'buysocial-redis-'));
  proc: ChildProcess | undefined;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--daemonize',
        'no',
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.proc = proc;
    await new Promise<void>((resolve, reject) => {
      proc.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('Ready to accept connections')) resolve();
      });
      proc.on('error', reject);
      proc.on('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
    });
  }

  stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const proc = this.proc;
    return new Promise((resolve) => {
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * An app's real entry point (`apps/<app>/src/main.ts`) in a child process, so a test can SIGKILL it; its output
 * goes to `logFile` (a pipe nobody reads would fill up and stall the process).
 */
export function spawnEntryPoint(
  app: 'api' | 'worker',
  env: Record<string, string>,
  logFile: string,
): ChildProcess {
  const out = openSync(logFile, 'a');
  try {
    return spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', `apps/${app}/src/main.ts`],
      {
        cwd: join(__dirname, '../..'),
        env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', out, out],
      },
    );
  } finally {
    closeSync(out);
  }
}

export function killProcess(proc: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill(signal);
  });
}
