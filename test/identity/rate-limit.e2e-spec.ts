import Redis from 'ioredis';
import { createTestApp, TestApp } from '../support/app';

// Counters live in Redis (shared by API replicas): this spec uses a Redis database of its own, emptied first,
// so hits from other specs in the same minute do not count here.
const REDIS_URL = 'redis://127.0.0.1:6379/3';

describe('auth rate limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    const redis = new Redis(REDIS_URL);
    await redis.flushdb();
    redis.disconnect();
    t = await createTestApp({ AUTH_RATE_LIMIT: '3', REDIS_URL });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with RATE_LIMITED after AUTH_RATE_LIMIT login attempts a minute', async () => {
    const body = { email: 'nobody@example.nl', password: 'whatever-password' };
    for (let i = 0; i < 3; i++) await t.http().post('/api/v1/auth/login').send(body).expect(401);
    const res = await t.http().post('/api/v1/auth/login').send(body).expect(429);
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.headers['retry-after-auth'] ?? res.headers['retry-after']).toBeDefined();
  });

  it('counts in Redis, so a second API instance sees the same count (replicas share the limit)', async () => {
    const second = await createTestApp({ AUTH_RATE_LIMIT: '3', REDIS_URL });
    try {
      const res = await second
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'nobody@example.nl', password: 'x' })
        .expect(429);
      expect(res.body.code).toBe('RATE_LIMITED');
    } finally {
      await second.close();
    }
  });

  it('does not limit ordinary routes', async () => {
    for (let i = 0; i < 5; i++) await t.http().get('/health').expect(200);
  });
});
