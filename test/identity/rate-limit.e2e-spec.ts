import { createTestApp, TestApp } from '../support/app';

describe('auth rate limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT: '3' });
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

  it('does not limit ordinary routes', async () => {
    for (let i = 0; i < 5; i++) await t.http().get('/health').expect(200);
  });
});
