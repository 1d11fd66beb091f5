import { createTestApp, TestApp } from '../support/app';
import {
  addCertification,
  bearer,
  createOffering,
  register,
  Session,
  uniqueWord,
} from '../support/factories';

type Page = { items: { id: string }[]; nextCursor: string | null };

/**
 * The search cuts its page from narrow rows (published, target group, certificate and CPV subtree written as
 * probes on the organisation or offering row): each filter must stay exact on every order, with words, nearest
 * first and most recent first, for offerings and for enterprises.
 */
describe('search filters on every order', () => {
  let t: TestApp;
  // A CPV category no other spec uses: its subcategory is inside the subtree, the next category is not.
  const subtree = '03111000';
  const inside = '03111300';
  const sibling = '03112000';
  const word = uniqueWord();
  const orders: Record<string, unknown>[] = [{ q: word }, { postcode: '2011' }, { sort: 'recent' }];
  let ids: Record<'a' | 'b' | 'c' | 'd', { org: string; offering: string }>;

  async function all(path: string, query: Record<string, unknown>): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t
        .http()
        .get(path)
        .query({ ...query, limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      const page = res.body as Page;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  async function enterprise(
    targetGroups: string[],
    published: boolean,
    certified: boolean,
    cpv: string,
  ): Promise<{ org: string; offering: string }> {
    const se: Session = await register(t, 'social_enterprise');
    await t
      .http()
      .put(`/api/v1/social-enterprises/${se.user.organisationId}/profile`)
      .set(...bearer(se))
      .send({ mission: `Zaden ${word}`, targetGroups, fteTotal: 5, fteTargetGroup: 2, published })
      .expect(200);
    if (certified) await addCertification(t, se, { type: 'pso', level: 'trede_1', validFrom: '2020-01-01' });
    const o = await createOffering(t, se, {
      title: `Zaaigoed ${word}`,
      cpvCodes: [cpv],
      deliveryPostcode: '2012 AB',
    });
    return { org: se.user.organisationId, offering: o.id };
  }

  beforeAll(async () => {
    t = await createTestApp();
    ids = {
      a: await enterprise(['wajong'], true, true, inside),
      b: await enterprise(['wajong'], false, true, inside),
      c: await enterprise(['bbl'], true, false, inside),
      d: await enterprise(['wajong'], true, true, sibling),
    };
  });
  afterAll(() => t.close());

  const ours = (found: string[], key: 'org' | 'offering'): string[] => {
    const mine = new Map(Object.entries(ids).map(([name, v]) => [v[key], name]));
    return found.flatMap((id) => (mine.has(id) ? [mine.get(id)!] : [])).sort();
  };

  it('enterprises: unpublished hidden; CPV subtree, target group and certificate exact', async () => {
    for (const order of orders) {
      const path = '/api/v1/social-enterprises';
      expect(ours(await all(path, { ...order, cpv: subtree }), 'org')).toEqual(['a', 'c']);
      expect(ours(await all(path, { ...order, cpv: subtree, targetGroup: 'wajong' }), 'org')).toEqual(['a']);
      expect(ours(await all(path, { ...order, cpv: subtree, targetGroup: 'bbl' }), 'org')).toEqual(['c']);
      expect(ours(await all(path, { ...order, cpv: subtree, certification: 'pso' }), 'org')).toEqual(['a']);
      expect(ours(await all(path, { ...order, cpv: sibling, certification: 'pso' }), 'org')).toEqual(['d']);
    }
  });

  it("offerings: an unpublished enterprise's offerings hidden; CPV subtree, target group and certificate exact", async () => {
    for (const order of orders) {
      const path = '/api/v1/offerings';
      expect(ours(await all(path, { ...order, cpv: subtree }), 'offering')).toEqual(['a', 'c']);
      expect(ours(await all(path, { ...order, cpv: subtree, targetGroup: 'bbl' }), 'offering')).toEqual([
        'c',
      ]);
      expect(ours(await all(path, { ...order, cpv: subtree, certification: 'pso' }), 'offering')).toEqual([
        'a',
      ]);
      expect(ours(await all(path, { ...order, cpv: sibling, certification: 'pso' }), 'offering')).toEqual([
        'd',
      ]);
    }
  });
  it('word search reads the narrow copy kept by a trigger: it follows an edit, a move and a delete', async () => {
    const se = await register(t, 'social_enterprise');
    const before = uniqueWord();
    const after = uniqueWord();
    const o = await createOffering(t, se, { title: `Bijenkasten ${before}`, deliveryPostcode: '9711 AA' });
    const find = async (query: Record<string, unknown>): Promise<string[]> =>
      ((await t.http().get('/api/v1/offerings').query(query).expect(200)).body as Page).items.map(
        (i) => i.id,
      );
    expect(await find({ q: before })).toEqual([o.id]);
    await t
      .http()
      .patch(`/api/v1/offerings/${o.id}`)
      .set(...bearer(se))
      .send({ title: `Bijenkasten ${after}`, deliveryPostcode: '2011 AB' })
      .expect(200);
    expect(await find({ q: before })).toEqual([]);
    expect(await find({ q: after })).toEqual([o.id]);
    expect(await find({ q: after, postcode: '2011', radiusKm: 5 })).toEqual([o.id]);
    expect(await find({ q: after, postcode: '9711', radiusKm: 5 })).toEqual([]);
    await t
      .http()
      .delete(`/api/v1/offerings/${o.id}`)
      .set(...bearer(se))
      .expect((r) => expect(r.status).toBeLessThan(300));
    expect(await find({ q: after })).toEqual([]);
  });

  it('a prefix is looked up as the document words it stands for, kept in step on create and edit, and stays a prefix beyond 64 words', async () => {
    const se = await register(t, 'social_enterprise');
    const stem = uniqueWord();
    const find = async (q: string): Promise<string[]> =>
      ((await t.http().get('/api/v1/offerings').query({ q, limit: 100 }).expect(200)).body as Page).items.map(
        (i) => i.id,
      );
    // A compound made of a word no document had before: its start finds it in a multi-word query too.
    // A division no matching spec uses: these offerings must not become other specs' match candidates.
    const cpvCodes = ['03221000'];
    const o = await createOffering(t, se, {
      title: `Bijenkasten ${stem}hout`,
      description: 'Imkerij',
      cpvCodes,
    });
    expect(await find(`${stem} imkerij`)).toEqual([o.id]);
    await t
      .http()
      .patch(`/api/v1/offerings/${o.id}`)
      .set(...bearer(se))
      .send({ description: `Ook ${stem}zaagsel en imkerij` })
      .expect(200);
    expect(await find(`${stem}zaag imkerij`)).toEqual([o.id]);
    // 70 distinct words that start alike: more than a prefix is written out as, so it is matched as a prefix.
    const many: string[] = [o.id];
    for (let i = 0; i < 70; i++) {
      const title = `Kasten ${stem}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
      many.push((await createOffering(t, se, { title, cpvCodes })).id);
    }
    expect((await find(stem)).sort()).toEqual(many.sort());
    expect(await find(`${stem}zaag`)).toEqual([o.id]);
  });
});
