import { createTestApp, TestApp } from '../support/app';
import { adminLogin, bearer, register, Session } from '../support/factories';

describe('Bull Board at /admin/queues (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let contractor: Session;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await adminLogin(t);
    contractor = await register(t, 'contractor');
  }, 120_000);
  afterAll(() => t.close());

  it('answers admins only', async () => {
    await t.http().get('/admin/queues').expect(401);
    await t.http().get('/admin/queues').set('Authorization', 'Bearer not-a-token').expect(401);
    await t
      .http()
      .get('/admin/queues')
      .set(...bearer(contractor))
      .expect(403);
    await t
      .http()
      .get('/admin/queues/api/queues')
      .set(...bearer(contractor))
      .expect(403);
    const page = await t
      .http()
      .get('/admin/queues')
      .set(...bearer(admin))
      .expect(200);
    expect(page.text).toContain('<div id="root">');
    const queues = await t
      .http()
      .get('/admin/queues/api/queues')
      .set(...bearer(admin))
      .expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['matching', 'notifications']),
    );
  });

  it('has its own CSP, scoped to the board', async () => {
    const board = await t
      .http()
      .get('/admin/queues')
      .set(...bearer(admin))
      .expect(200);
    const csp = board.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('https://fonts.googleapis.com');
    expect(csp).not.toContain('unsafe-eval');
    const api = await t
      .http()
      .get('/api/v1/me')
      .set(...bearer(admin))
      .expect(200);
    expect(api.headers['content-security-policy']).not.toContain('fonts.googleapis.com');
  });

  it('a signed-in admin gets a cookie session scoped to the board', async () => {
    await t
      .http()
      .post('/admin/queues/session')
      .set(...bearer(contractor))
      .expect(403);
    const res = await t
      .http()
      .post('/admin/queues/session')
      .set(...bearer(admin))
      .expect(204);
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    await t.http().get('/admin/queues').set('Cookie', cookie.split(';')[0]).expect(200);
  });
});
