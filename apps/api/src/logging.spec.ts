import type { Env } from '@app/config';
import { loggerParams } from './logging';

describe('request log lines', () => {
  const params = loggerParams({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' } as Env, 'api');
  const serializers = (params.pinoHttp as { serializers: Record<string, (v: unknown) => unknown> })
    .serializers;

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
