import type { Env } from '@app/config';
import { loggerParams, requestLogOptions } from './logging';

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
