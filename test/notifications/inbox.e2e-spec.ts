import { createTestApp, TestApp } from '../support/app';
import { bearer, register } from '../support/factories';
import { buyerWithTwoOfficers, setPreferences, writeNotification } from './notification-fixtures';

jest.setTimeout(60_000);

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('Notifications inbox and preferences (e2e)', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await createTestApp();
  });

  afterAll(async () => {
    await api.close();
  });

  const list = (s: { accessToken: string }, query = '') =>
    api
      .http()
      .get(`/api/v1/notifications${query}`)
      .set('Authorization', `Bearer ${s.accessToken}`)
      .expect(200)
      .then(
        (r) => r.body as { items: Record<string, unknown>[]; unreadCount: number; nextCursor: string | null },
      );

  it('a new user has nl + immediately; preferences can be changed and are checked', async () => {
    const se = await register(api, 'social_enterprise');
    const got = await api
      .http()
      .get('/api/v1/me/preferences')
      .set(...bearer(se))
      .expect(200);
    expect(got.body).toEqual({ language: 'nl', email: 'immediately' });
    const bad = await api
      .http()
      .put('/api/v1/me/preferences')
      .set(...bearer(se))
      .send({ language: 'de', email: 'weekly' })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await api
      .http()
      .put('/api/v1/me/preferences')
      .set(...bearer(se))
      .send({ language: 'en' })
      .expect(400);
    await setPreferences(api, se, { language: 'en', email: 'daily' });
    const after = await api
      .http()
      .get('/api/v1/me/preferences')
      .set(...bearer(se))
      .expect(200);
    expect(after.body).toEqual({ language: 'en', email: 'daily' });
    await api.http().get('/api/v1/me/preferences').expect(401);
    await api.http().get('/api/v1/notifications').expect(401);
  });

  it('lists newest first in the reader language, with per-user read state and unread count', async () => {
    const { organisationId, a, b } = await buyerWithTwoOfficers(api);
    await setPreferences(api, b, { language: 'en', email: 'immediately' });
    const tag = Date.now().toString(36);
    await writeNotification(api, 'contribution_submitted', `inbox-1-${tag}`, organisationId);
    await new Promise((r) => setTimeout(r, 5));
    await writeNotification(api, 'report_ready', `inbox-2-${tag}`, organisationId);
    await new Promise((r) => setTimeout(r, 5));
    await writeNotification(api, 'event_registration_open', `inbox-3-${tag}`, organisationId);
    // A repeated job (same dedupe key) writes nothing.
    await writeNotification(api, 'report_ready', `inbox-2-${tag}`, organisationId);

    const forA = await list(a);
    expect(forA.unreadCount).toBe(3);
    expect(forA.items.map((i) => i.kind)).toEqual([
      'event_registration_open',
      'report_ready',
      'contribution_submitted',
    ]);
    expect(forA.items[2]).toEqual({
      id: expect.any(String),
      kind: 'contribution_submitted',
      title: 'Nieuwe SROI-bijdrage ter controle',
      body: expect.stringContaining('Bouwbedrijf Van Dam'),
      link: '/officer/obligations/00000000-0000-4000-8000-000000000001',
      createdAt: expect.any(String),
      readAt: null,
    });
    expect(forA.items[1]).toMatchObject({ title: 'Rapport klaar', link: '/officer/reports' });
    expect(forA.items[0]).toMatchObject({ link: '/meeting-days/00000000-0000-4000-8000-000000000002' });
    for (const i of forA.items) {
      expect(String(i.title) + String(i.body)).not.toMatch(UUID);
      expect(String(i.body)).not.toMatch(/undefined|null|NaN/);
    }
    expect(forA.items[2].body).toContain('€ 2.500,00');
    expect(forA.items[2].body).toContain('werkgelegenheid');

    const forB = await list(b);
    expect(forB.items[2]).toMatchObject({ title: 'New SROI contribution to review' });
    expect(forB.items[2].body).toContain('€2,500.00');
    expect(forB.items[2].body).toContain('employment');

    // A reads one: A's count drops, B's does not.
    const one = await api
      .http()
      .post('/api/v1/notifications/read')
      .set(...bearer(a))
      .send({ ids: [forA.items[1].id] })
      .expect(200);
    expect(one.body).toEqual({ unreadCount: 2 });
    const again = await list(a);
    expect(again.items[1].readAt).toEqual(expect.any(String));
    expect((await list(b)).unreadCount).toBe(3);
    expect((await list(a, '?unread=true')).items.map((i) => i.kind)).toEqual([
      'event_registration_open',
      'contribution_submitted',
    ]);

    // B reads all.
    const all = await api
      .http()
      .post('/api/v1/notifications/read')
      .set(...bearer(b))
      .send({ all: true })
      .expect(200);
    expect(all.body).toEqual({ unreadCount: 0 });
    expect((await list(b, '?unread=true')).items).toEqual([]);
    expect((await list(a)).unreadCount).toBe(2);

    // Another organisation sees none of them, and cannot mark them read.
    const other = await register(api, 'contractor');
    const otherList = await list(other);
    expect(otherList.items.map((i) => i.id)).not.toContain(forA.items[0].id);
    await api
      .http()
      .post('/api/v1/notifications/read')
      .set(...bearer(other))
      .send({ ids: [forA.items[0].id] })
      .expect(200);
    expect((await list(a)).unreadCount).toBe(2);
  });

  it('pages with a cursor and refuses bad input with a code', async () => {
    const { organisationId, a } = await buyerWithTwoOfficers(api);
    const tag = Date.now().toString(36);
    for (let i = 0; i < 5; i++)
      await writeNotification(api, 'report_ready', `page-${i}-${tag}`, organisationId);
    const first = await list(a, '?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.unreadCount).toBe(5);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(a, `?limit=2&cursor=${first.nextCursor}`);
    const third = await list(a, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.items).toHaveLength(1);
    expect(third.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items, ...third.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(5);

    const cursor = await api
      .http()
      .get('/api/v1/notifications?cursor=nonsense')
      .set(...bearer(a))
      .expect(400);
    expect(cursor.body.code).toBe('INVALID_CURSOR');
    await api
      .http()
      .get('/api/v1/notifications?unread=maybe')
      .set(...bearer(a))
      .expect(400);
    const nothing = await api
      .http()
      .post('/api/v1/notifications/read')
      .set(...bearer(a))
      .send({})
      .expect(400);
    expect(nothing.body.code).toBe('NOTHING_TO_MARK');
    await api
      .http()
      .post('/api/v1/notifications/read')
      .set(...bearer(a))
      .send({ ids: ['not-a-uuid'] })
      .expect(400);
    await api
      .http()
      .post('/api/v1/notifications/read')
      .set(...bearer(a))
      .send({ all: false })
      .expect(400);
  });

  it('a kind without a template shows its stored message', async () => {
    const { organisationId, a } = await buyerWithTwoOfficers(api);
    await api.app.get((await import('@app/domain')).NotificationsService).notify({
      organisationId,
      kind: 'legacy_kind',
      message: 'Oude melding',
      dedupeKey: `legacy-${Date.now()}`,
    });
    const got = await list(a);
    expect(got.items[0]).toMatchObject({ kind: 'legacy_kind', title: 'Melding', body: 'Oude melding' });
  });
});
