import { createTestApp, TestApp } from '../support/app';
import {
  adminLogin,
  bearer,
  createBuyerWithOfficer,
  registrationBody,
  Session,
  uniqueKvk,
  uniqueWord,
} from '../support/factories';

jest.setTimeout(120_000);

type Hit = { id: string; kind: string; name: string; kvkNumber: string | null; city: string | null };

/** `GET /api/v1/organisations?kind=&q=`: the picker of the award form (and other forms) finds by name or KvK. */
describe('Organisation picker (e2e)', () => {
  let t: TestApp;
  let officer: Session;
  let admin: Session;
  let contractor: Session;
  let se: Session;
  // A made-up word no other data holds, so the assertions see only this file's organisations.
  const word = uniqueWord('zorgq');
  const kvk = uniqueKvk();
  let contractorId: string;
  let seId: string;

  const registerNamed = async (
    kind: 'contractor' | 'social_enterprise',
    name: string,
    kvkNumber = uniqueKvk(),
  ): Promise<Session> => {
    const body = registrationBody(kind);
    const res = await t
      .http()
      .post('/api/v1/auth/register')
      .send({ ...body, organisation: { ...body.organisation, name, kvkNumber, city: 'Zwolle' } })
      .expect(201);
    return res.body as Session;
  };

  const search = (who: Session, query: Record<string, string | number>) =>
    t
      .http()
      .get('/api/v1/organisations')
      .query(query)
      .set(...bearer(who));

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await createBuyerWithOfficer(t)).officer;
    admin = await adminLogin(t);
    // Accents and capitals in the stored names: the search folds both.
    contractor = await registerNamed('contractor', `Bouwbedrijf Ölmez ${word} B.V.`, kvk);
    contractorId = contractor.user.organisationId;
    se = await registerNamed('social_enterprise', `Groene Handen ${word}`);
    seId = se.user.organisationId;
    for (let i = 0; i < 3; i++) await registerNamed('contractor', `Aannemer ${i} ${word}`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds organisations by a part of the name, ignoring case and accents, in name order', async () => {
    const res = await search(officer, { q: `OLMEZ ${word.toUpperCase()}` }).expect(200);
    expect(res.body).toEqual({
      items: [
        {
          id: contractorId,
          kind: 'contractor',
          name: `Bouwbedrijf Ölmez ${word} B.V.`,
          kvkNumber: kvk,
          city: 'Zwolle',
        },
      ],
      nextCursor: null,
    });
    const all = await search(officer, { q: word }).expect(200);
    const names = (all.body.items as Hit[]).map((h) => h.name);
    expect(names).toHaveLength(5);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('finds an organisation by its KvK number (whole or its start)', async () => {
    const whole = await search(officer, { q: kvk }).expect(200);
    expect((whole.body.items as Hit[]).map((h) => h.id)).toContain(contractorId);
    expect(
      (whole.body.items as Hit[]).every((h) => h.kvkNumber?.startsWith(kvk) || h.name.includes(kvk)),
    ).toBe(true);
    const start = await search(admin, { q: kvk.slice(0, 7), kind: 'contractor' }).expect(200);
    expect((start.body.items as Hit[]).map((h) => h.id)).toContain(contractorId);
  });

  it('filters by kind', async () => {
    const contractors = await search(officer, { q: word, kind: 'contractor' }).expect(200);
    expect((contractors.body.items as Hit[]).map((h) => h.kind)).toEqual(Array(4).fill('contractor'));
    const enterprises = await search(officer, { q: word, kind: 'social_enterprise' }).expect(200);
    expect(enterprises.body.items).toEqual([
      {
        id: seId,
        kind: 'social_enterprise',
        name: `Groene Handen ${word}`,
        kvkNumber: expect.any(String),
        city: 'Zwolle',
      },
    ]);
    const buyers = await search(officer, { q: word, kind: 'buyer' }).expect(200);
    expect(buyers.body.items).toEqual([]);
  });

  it('refuses an unknown kind with 400 naming the parameter', async () => {
    const res = await search(officer, { kind: 'alien' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.invalidParams).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'kind' })]),
    );
  });

  it('pages with limit and cursor, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await search(officer, { q: word, limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
      expect((res.body.items as Hit[]).length).toBeLessThanOrEqual(2);
      seen.push(...(res.body.items as Hit[]).map((h) => h.id));
      cursor = res.body.nextCursor as string | null;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    const whole = await search(officer, { q: word }).expect(200);
    expect(seen).toEqual((whole.body.items as Hit[]).map((h) => h.id));
  });

  it('caps limit at 100, refuses a tampered cursor and a limit below 1', async () => {
    const res = await search(officer, { limit: 500 }).expect(200);
    expect(res.body.items.length).toBeLessThanOrEqual(100);
    expect((await search(officer, { cursor: 'bm9wZQ' }).expect(400)).body.code).toBe('INVALID_CURSOR');
    await search(officer, { limit: 0 }).expect(400);
  });

  it('is for officers and admins only: 403 for contractors and social enterprises, 401 without a token', async () => {
    expect((await search(contractor, { q: word }).expect(403)).body.code).toBe('ROLE_NOT_ALLOWED');
    await search(se, { q: word }).expect(403);
    await t.http().get('/api/v1/organisations').query({ q: word }).expect(401);
  });

  it('keeps the admin route that creates a buyer organisation', async () => {
    const name = `Gemeente ${word}`;
    await t
      .http()
      .post('/api/v1/organisations')
      .set(...bearer(admin))
      .send({ kind: 'buyer', name, postcode: '8011 AA' })
      .expect(201);
    const buyers = await search(admin, { q: word, kind: 'buyer' }).expect(200);
    expect((buyers.body.items as Hit[]).map((h) => h.name)).toEqual([name]);
  });
});
