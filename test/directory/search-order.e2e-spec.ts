import { createTestApp, TestApp } from '../support/app';
import { bearer, createOffering, register, Session, uniqueWord } from '../support/factories';

interface Hit {
  id: string;
  distanceKm: number | null;
  score: number;
}
type Page = { items: Hit[]; nextCursor: string | null };

/** Orders a person expects, each with its own stable keyset (issue: search, nearest first). */
describe('search orders', () => {
  let t: TestApp;
  // A CPV code no other spec uses isolates the rows of these tests without words.
  const cpv = '16311000';
  const km = new Map<string, number>();

  const offerings = (query: Record<string, unknown>): Promise<Page> =>
    t
      .http()
      .get('/api/v1/offerings')
      .query(query)
      .expect(200)
      .then((r) => r.body as Page);

  async function allPages(path: string, query: Record<string, unknown>): Promise<Hit[]> {
    const seen: Hit[] = [];
    let cursor: string | null = null;
    do {
      const res = await t
        .http()
        .get(path)
        .query({ ...query, limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      const page = res.body as Page;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  async function enterpriseAt(postcode: string, word: string): Promise<{ se: Session; offeringId: string }> {
    const se = await register(t, 'social_enterprise');
    const o = await createOffering(t, se, {
      title: `Grasmaaiers ${word}`,
      cpvCodes: [cpv],
      deliveryPostcode: postcode,
    });
    return { se, offeringId: o.id };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const rows: { pc4: string; km: number }[] = await t.ds.query(
      `SELECT b.pc4, earth_distance(ll_to_earth(a.lat, a.lon), ll_to_earth(b.lat, b.lon)) / 1000 AS km
         FROM postcode_area a, postcode_area b WHERE a.pc4 = '2011' AND b.pc4 IN ('2011', '2012', '1012', '3511', '9711')`,
    );
    for (const r of rows) km.set(r.pc4, Number(r.km));
  });
  afterAll(() => t.close());

  it('without words, with a postcode: nearest first across pages; the radius cuts just inside and outside', async () => {
    const word = uniqueWord();
    const placed: Record<string, string> = {};
    // Created far to near, so neither creation order nor id order can pass for distance order.
    for (const pc of ['9711 AA', '3511 AA', '1012 AB', '2012 AB', '2011 AB']) {
      placed[pc.slice(0, 4)] = (await enterpriseAt(pc, word)).offeringId;
    }
    const near = (await allPages('/api/v1/offerings', { cpv, postcode: '2011' })).filter((h) =>
      Object.values(placed).includes(h.id),
    );
    expect(near.map((h) => h.id)).toEqual(['2011', '2012', '1012', '3511', '9711'].map((pc) => placed[pc]));
    const distances = near.map((h) => h.distanceKm as number);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);

    const amsterdam = km.get('1012')!;
    const inside = await allPages('/api/v1/offerings', {
      cpv,
      postcode: '2011',
      radiusKm: Math.ceil(amsterdam * 100) / 100 + 0.01,
    });
    expect(inside.map((h) => h.id)).toContain(placed['1012']);
    expect(inside.map((h) => h.id)).not.toContain(placed['3511']);
    const outside = await allPages('/api/v1/offerings', {
      cpv,
      postcode: '2011',
      radiusKm: Math.floor(amsterdam * 100) / 100 - 0.01,
    });
    expect(outside.map((h) => h.id)).not.toContain(placed['1012']);
    expect(outside.map((h) => h.id)).toContain(placed['2012']);

    // The enterprises' own search orders by their registered postcode (all registered in 2011 here): the same
    // rows, nearest first, one per enterprise, no duplicates.
    const ses = await allPages('/api/v1/social-enterprises', { cpv, postcode: '2011' });
    const sesDistances = ses.map((h) => h.distanceKm as number);
    expect([...sesDistances].sort((a, b) => a - b)).toEqual(sesDistances);
    expect(new Set(ses.map((h) => h.id)).size).toBe(ses.length);
  });

  it('without words or postcode: most recently updated first, and an update moves a row to the front', async () => {
    const word = uniqueWord();
    const a = await enterpriseAt('2011 AB', word);
    const b = await enterpriseAt('2011 AB', word);
    const first = await offerings({ cpv, limit: 2 });
    expect(first.items.map((h) => h.id)).toEqual([b.offeringId, a.offeringId]);
    await t
      .http()
      .patch(`/api/v1/offerings/${a.offeringId}`)
      .set(...bearer(a.se))
      .send({ description: 'Nu ook bladblazers' })
      .expect(200);
    const again = await offerings({ cpv, limit: 2 });
    expect(again.items.map((h) => h.id)).toEqual([a.offeringId, b.offeringId]);
    expect((await offerings({ cpv, limit: 2, sort: 'recent', postcode: '9711' })).items[0].id).toBe(
      a.offeringId,
    );
  });

  it('with words: best match first, equal scores nearest first when a postcode is given', async () => {
    const word = uniqueWord();
    const far = await enterpriseAt('3511 AA', word);
    const close = await enterpriseAt('2012 AB', word);
    const items = (await offerings({ q: word, postcode: '2011' })).items;
    expect(items.map((h) => h.id)).toEqual([close.offeringId, far.offeringId]);
    expect(items[0].score).toBe(items[1].score);
    const byDistance = (await offerings({ q: word, postcode: '9711', sort: 'distance' })).items;
    expect(byDistance.map((h) => h.id)).toEqual([far.offeringId, close.offeringId]);
  });

  it('no duplicates or gaps across pages while rows are inserted', async () => {
    const word = uniqueWord();
    for (const pc of ['1012 AB', '2012 AB', '3511 AA', '2011 AB', '9711 AA', '1012 AB'])
      await enterpriseAt(pc, word);
    for (const sort of ['distance', 'recent'] as const) {
      const before = (await allPages('/api/v1/offerings', { cpv, postcode: '2011', sort })).map((h) => h.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Page = await offerings({
          cpv,
          postcode: '2011',
          sort,
          limit: 3,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((h) => h.id));
        cursor = page.nextCursor;
        // A row inserted mid-way may land before or after the cursor: it must neither repeat nor hide another.
        if (pages++ === 0) await enterpriseAt('2011 AB', word);
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => before.includes(id))).toEqual(before);
    }
  });

  it('refuses what it cannot order: distance without a postcode, a cursor of another order', async () => {
    const res = await t.http().get('/api/v1/offerings').query({ sort: 'distance' }).expect(400);
    expect(res.body.invalidParams[0]).toMatchObject({ name: 'sort', code: 'DISTANCE_SORT_WITHOUT_POSTCODE' });
    await t.http().get('/api/v1/offerings').query({ sort: 'nearest' }).expect(400);
    const page = await offerings({ cpv, postcode: '2011', limit: 1 });
    expect(page.nextCursor).not.toBeNull();
    const wrong = await t
      .http()
      .get('/api/v1/offerings')
      .query({ cpv, limit: 1, cursor: page.nextCursor })
      .expect(400);
    expect(wrong.body.code).toBe('INVALID_CURSOR');
  });
});
