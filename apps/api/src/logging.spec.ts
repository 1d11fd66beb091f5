import type { Env } from '@app/config';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  flushLogLines,
  jsonLogDestination,
  LOG_BUFFER_BYTES,
  LOG_FLUSH_MS,
  loggerParams,
  requestLogOptions,
} from './logging';

describe('request log lines', () => {
  const serializers = requestLogOptions({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' } as Env, 'api')
    .serializers as Record<string, (v: unknown) => unknown>;

  it('keep the id, method and URL of a request, never its headers', () => {
    const req = {
      id: 'abc12345',
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer secret', cookie: 'a=b' },
    };
    expect(serializers.req(req)).toEqual({ id: 'abc12345', method: 'GET', url: '/api/v1/me' });
  });

  it('keep the status of an answer, never its headers', () => {
    const res = { statusCode: 201, headers: { 'set-cookie': 'refresh=secret' } };
    expect(serializers.res(res)).toEqual({ statusCode: 201 });
  });
});

describe('where request log lines go', () => {
  it('JSON lines: an asynchronous stdout destination next to the options', () => {
    const { pinoHttp } = loggerParams({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' } as Env, 'api');
    expect(Array.isArray(pinoHttp)).toBe(true);
    const [options, stream] = pinoHttp as [{ name: string }, { write: unknown; fd?: number }];
    expect(options.name).toBe('api');
    expect(typeof stream.write).toBe('function');
  });

  it('pretty lines: pino-pretty as a transport, so no stream of our own', () => {
    const { pinoHttp } = loggerParams({ LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' } as Env, 'api');
    expect(Array.isArray(pinoHttp)).toBe(false);
    expect((pinoHttp as { transport?: { target: string } }).transport?.target).toBe('pino-pretty');
  });
});

describe('the JSON line destination', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'log-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const opened = async (file: string): Promise<ReturnType<typeof jsonLogDestination>> => {
    const dest = jsonLogDestination(file);
    await new Promise((resolve) => (dest as unknown as NodeJS.EventEmitter).once('ready', resolve));
    return dest;
  };
  const read = (file: string): string => readFileSync(file, 'utf8');

  it('holds a few lines back, then writes them within the flush interval', async () => {
    const file = join(dir, 'a.log');
    const dest = await opened(file);
    dest.write('{"msg":"one"}\n');
    dest.write('{"msg":"two"}\n');
    expect(read(file)).toBe('');
    await new Promise((r) => setTimeout(r, LOG_FLUSH_MS + 300));
    expect(read(file)).toBe('{"msg":"one"}\n{"msg":"two"}\n');
    (dest as unknown as { end(): void }).end();
  });

  it('writes as soon as a buffer of lines is full, and everything on a synchronous flush', async () => {
    const file = join(dir, 'b.log');
    const dest = await opened(file);
    const line = `{"msg":"${'x'.repeat(200)}"}\n`;
    const lines = Math.ceil(LOG_BUFFER_BYTES / line.length) + 1;
    for (let i = 0; i < lines; i++) dest.write(line);
    await new Promise((r) => setTimeout(r, 100));
    expect(read(file).length).toBeGreaterThanOrEqual(LOG_BUFFER_BYTES);
    dest.write('{"msg":"last"}\n');
    dest.flushSync();
    expect(read(file)).toBe(line.repeat(lines) + '{"msg":"last"}\n');
    (dest as unknown as { end(): void }).end();
  });

  it('gives up its waiting lines when the app shuts down (a signal ends the process without an exit event)', async () => {
    const file = join(dir, 'c.log');
    const dest = await opened(file);
    dest.write('{"msg":"shutting down"}\n');
    expect(read(file)).toBe('');
    flushLogLines();
    expect(read(file)).toBe('{"msg":"shutting down"}\n');
    (dest as unknown as { end(): void }).end();
  });
});
