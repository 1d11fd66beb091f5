import { ChildProcess } from 'node:child_process';
import { createTestApp, TestApp } from '../support/app';
import { freePort, startRedis, stopRedis as stop } from '../support/redis-server';

describe('GET /health (e2e, with a Redis of its own that the test stops)', () => {
  let t: TestApp;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` });
  });

  afterAll(async () => {
    redis = await startRedis(port).catch(() => redis);
    await t.close();
    await stop(redis);
  });

  it('is ok with both dependencies up', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('answers 503 naming redis when Redis stops, and recovers when it is back', async () => {
    await stop(redis);
    const down = await t.http().get('/health').expect(503);
    expect(down.body.status).toBe('error');
    expect(down.body.error.redis.status).toBe('down');
    expect(down.body.info.database.status).toBe('up');
    // Signing in does not depend on Redis: the rate limiter fails open (a wrong password is still a 401).
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.nl', password: 'wrong-password' });
    expect(login.status).toBe(401);

    redis = await startRedis(port);
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await t.http().get('/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
