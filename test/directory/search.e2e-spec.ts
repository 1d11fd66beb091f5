import { offeringSearchSql, SearchService, WORD_INDEX_BEGIN_SQL } from '@app/domain';
import { createTestApp, TestApp } from '../support/app';
import {
  addCertification,
  adminLogin,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
  uniqueKvk,
  uniqueWord,
} from '../support/factories';

interface Hit {
  id: string;
  title: string;
  score: number;
  distanceKm: number | null;
  socialEnterprise: { id: string; name: string; certifications: { type: string }[] };
}

describe('directory search (e2e)', () => {
  let t: TestApp;
  let officer: Session;
  const search = async (
    query: Record<string, string | number | undefined>,
  ): Promise<{ items: Hit[]; nextCursor: string | null }> =>
    (await t.http().get('/api/v1/offerings').query(query).expect(200)).body;
  const ids = (r: { items: { id: string }[] }): string[] => r.items.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await createBuyerWithOfficer(t)).officer;
  });
  afterAll(async () => {
    await t.close();
  });

  it('matches the CPV subtree: a division finds every code below it, a sibling does not', async () => {
    const se = await register(t, 'social_enterprise');
    const w = uniqueWord();
    const roofing = await createOffering(t, se, { title: `Dakwerk ${w}`, cpvCodes: ['45261000'] });
    const cleaning = await createOffering(t, se, { title: `Schoonmaak ${w}`, cpvCodes: ['90910000'] });
    expect(ids(await search({ q: w, cpv: '45000000' }))).toEqual([roofing.id]);
    expect(ids(await search({ q: w, cpv: '45261000-4' }))).toEqual([roofing.id]);
    expect(ids(await search({ q: w, cpv: '90000000' }))).toEqual([cleaning.id]);
    expect(ids(await search({ q: w, cpv: '45262000' }))).toEqual([]);
    const bad = await t.http().get('/api/v1/offerings').query({ cpv: '12345678' }).expect(400);
    expect(bad.body.detail).toContain('12345678');
  });

  it('filters by distance: just inside the radius is in, just beyond is out', async () => {
    const se = await register(t, 'social_enterprise');
    const w = uniqueWord();
    const o = await createOffering(t, se, { title: `Catering ${w}`, deliveryPostcode: '1012 AB' });
    const [{ km }] = await t.ds.query(
      `SELECT earth_distance(ll_to_earth(a.lat, a.lon), ll_to_earth(b.lat, b.lon)) / 1000 AS km
       FROM postcode_area a, postcode_area b WHERE a.pc4 = '2011' AND b.pc4 = '1012'`,
    );
    expect(km).toBeGreaterThan(10);
    const inside = await search({ q: w, postcode: '2011 AB', radiusKm: Math.ceil(km * 100) / 100 + 0.01 });
    expect(ids(inside)).toEqual([o.id]);
    expect(inside.items[0].distanceKm).toBeCloseTo(km, 1);
    expect(
      ids(await search({ q: w, postcode: '2011', radiusKm: Math.floor(km * 100) / 100 - 0.01 })),
    ).toEqual([]);
    // Without a radius the distance is reported but nothing is filtered.
    expect((await search({ q: w, postcode: '2011' })).items[0].distanceKm).toBeCloseTo(km, 1);
    expect(
      (await t.http().get('/api/v1/offerings').query({ radiusKm: 10 }).expect(400)).body.invalidParams[0]
        .code,
    ).toBe('RADIUS_WITHOUT_POSTCODE');
    expect(
      (await t.http().get('/api/v1/offerings').query({ postcode: '1009', radiusKm: 5 }).expect(400)).body
        .code,
    ).toBe('UNKNOWN_POSTCODE');
  });

  it('counts only certifications valid today and not rejected', async () => {
    const w = uniqueWord();
    const valid = await register(t, 'social_enterprise');
    const expired = await register(t, 'social_enterprise');
    const rejected = await register(t, 'social_enterprise');
    const unverified = await register(t, 'social_enterprise');
    await addCertification(
      t,
      valid,
      { type: 'pso_30plus', validFrom: '2020-01-01', validUntil: '2099-12-31' },
      officer,
    );
    await addCertification(
      t,
      expired,
      { type: 'pso_30plus', validFrom: '2020-01-01', validUntil: '2021-12-31' },
      officer,
    );
    await addCertification(t, rejected, { type: 'pso_30plus', validFrom: '2020-01-01' }, officer, 'rejected');
    await addCertification(t, unverified, { type: 'pso_30plus', validFrom: '2020-01-01' });
    const offerings = await Promise.all(
      [valid, expired, rejected, unverified].map((s) => createOffering(t, s, { title: `Inpakwerk ${w}` })),
    );
    const found = await search({ q: w, certification: 'pso_30plus' });
    expect(ids(found).sort()).toEqual([offerings[0].id, offerings[3].id].sort());
    const validHit = found.items.find((i) => i.id === offerings[0].id)!;
    expect(validHit.socialEnterprise.certifications.map((c) => c.type)).toEqual(['pso_30plus']);
    expect(ids(await search({ q: w, certification: 'sw_company' }))).toEqual([]);
    await t.http().get('/api/v1/offerings').query({ certification: 'iso9001' }).expect(400);
  });

  it('filters by target group', async () => {
    const w = uniqueWord();
    const a = await register(t, 'social_enterprise');
    const b = await register(t, 'social_enterprise');
    const profile = { mission: 'm', fteTotal: 5, fteTargetGroup: 2 };
    await t
      .http()
      .put(`/api/v1/social-enterprises/${a.user.organisationId}/profile`)
      .set(...bearer(a))
      .send({ ...profile, targetGroups: ['wajong'] })
      .expect(200);
    await t
      .http()
      .put(`/api/v1/social-enterprises/${b.user.organisationId}/profile`)
      .set(...bearer(b))
      .send({ ...profile, targetGroups: ['bbl'] })
      .expect(200);
    const oa = await createOffering(t, a, { title: `Fietsenmaker ${w}` });
    await createOffering(t, b, { title: `Fietsenmaker ${w}` });
    expect(ids(await search({ q: w, targetGroup: 'wajong' }))).toEqual([oa.id]);
  });

  it('understands Dutch: schoonmaak finds schoonmaakdiensten, cafe finds café, and ranks title over description', async () => {
    const se = await register(t, 'social_enterprise');
    const w = uniqueWord();
    const diensten = await createOffering(t, se, {
      title: `Schoonmaakdiensten ${w}`,
      description: 'Kantoren en scholen',
    });
    const cafe = await createOffering(t, se, { title: `Café De Hoek ${w}`, description: 'Lunch en koffie' });
    const inDescription = await createOffering(t, se, {
      title: `Groenonderhoud ${w}`,
      description: 'Ook schoonmaak van terreinen',
    });
    const s = await search({ q: `schoonmaak ${w}` });
    expect(ids(s)).toEqual([diensten.id, inDescription.id]);
    expect(s.items[0].score).toBeGreaterThan(s.items[1].score);
    expect(ids(await search({ q: `cafe ${w}` }))).toEqual([cafe.id]);
    expect(ids(await search({ q: `CAFÉ ${w}` }))).toEqual([cafe.id]);
    // English stemming on English text.
    const en = await createOffering(t, se, { title: `Gardening services ${w}` });
    expect(ids(await search({ q: `garden ${w}` }))).toEqual([en.id]);
  });

  it('checks a common word on the rows a rarer word finds, with the scan in table order switched off', async () => {
    const se = await register(t, 'social_enterprise');
    const w = uniqueWord();
    // Forty offerings with the factory's description ("Dagelijkse schoonmaak"): "dagelijkse" is then in most
    // offerings and the new word in under 5 %, however few offerings the database held before.
    for (let i = 0; i < 40; i++) await createOffering(t, se);
    const both = await createOffering(t, se, { title: `Glazenwassen ${w}`, description: 'Dagelijkse ramen' });
    const rareOnly = await createOffering(t, se, {
      title: `Glazenwassen ${w}`,
      description: 'Wekelijks werk',
    });
    await t.ds.query('ANALYZE offering_search');
    // A new app reads the fresh statistics (the search keeps them ten minutes).
    const fresh = await createTestApp();
    try {
      const filters = await fresh.app.get(SearchService).filters({ q: `${w} dagelijkse` });
      expect(filters.commonTerms).toEqual(['dagelijkse']);
      expect(offeringSearchSql(filters).begin).toBe(WORD_INDEX_BEGIN_SQL);
      const found = async (path: string, q: string): Promise<string[]> =>
        (await fresh.http().get(path).query({ q }).expect(200)).body.items.map((i: { id: string }) => i.id);
      expect(await found('/api/v1/offerings', `${w} dagelijkse`)).toEqual([both.id]);
      expect((await found('/api/v1/offerings', w)).sort()).toEqual([both.id, rareOnly.id].sort());
      expect(await found('/api/v1/social-enterprises', `${w} dagelijkse`)).toEqual([se.user.organisationId]);
    } finally {
      await fresh.close();
    }
  });

  it('tolerates a typo in an enterprise name', async () => {
    const body = {
      email: `typo.${uniqueWord()}@example.nl`,
      password: 'a-good-long-password',
      name: 'X',
      organisation: {
        kind: 'social_enterprise',
        name: `Stichting Fietsherstel ${uniqueWord('Zw')}`,
        kvkNumber: uniqueKvk(),
        postcode: '2011 AB',
      },
    };
    const reg = await t.http().post('/api/v1/auth/register').send(body).expect(201);
    const se = reg.body as Session;
    const o = await createOffering(t, se, { title: 'Reparatie' });
    const name = body.organisation.name;
    const typo = name.replace('Fietsherstel', 'Fietsherstl');
    const enterprises = (await t.http().get('/api/v1/social-enterprises').query({ q: typo }).expect(200))
      .body;
    expect(enterprises.items[0].id).toBe(se.user.organisationId);
    expect(ids(await search({ q: typo }))).toContain(o.id);
  });

  it('pages with a keyset cursor: no duplicates and no gaps while rows are inserted', async () => {
    const se = await register(t, 'social_enterprise');
    const w = uniqueWord();
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      created.push(
        (
          await createOffering(t, se, {
            title: `Drukwerk ${w} ${i % 3 === 0 ? w : ''}`,
            cpvCodes: ['79810000'],
          })
        ).id,
      );
    }
    for (const base of [{ q: w }, { cpv: '79810000', postcode: '2011', radiusKm: 1 }]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { items: Hit[]; nextCursor: string | null } = await search({
          ...base,
          limit: 5,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...ids(page));
        cursor = page.nextCursor;
        pages++;
        // Someone adds offerings while we page.
        await createOffering(t, se, { title: `Drukwerk ${w} nieuw`, cpvCodes: ['79810000'] });
      } while (cursor && pages < 50);
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of created) expect(seen).toContain(id);
      if ('q' in base) {
        const scores = (await search({ q: w, limit: 100 })).items.map((i) => i.score);
        expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      }
    }
  });

  it('rejects bad cursors and caps the limit at 100', async () => {
    for (const cursor of [
      'abc',
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('["x","y"]').toString('base64url'),
      Buffer.from('[1,"not-a-uuid"]').toString('base64url'),
    ]) {
      const res = await t.http().get('/api/v1/offerings').query({ cursor }).expect(400);
      expect(res.body.code).toBe('INVALID_CURSOR');
    }
    const res = await t.http().get('/api/v1/offerings').query({ limit: 1000 }).expect(200);
    expect(res.body.items.length).toBeLessThanOrEqual(100);
    await t.http().get('/api/v1/offerings').query({ limit: 0 }).expect(400);
    await t.http().get('/api/v1/offerings').query({ limit: 'ten' }).expect(400);
    await t.http().get('/api/v1/offerings').query({ unknown: 'x' }).expect(400);
  });

  it('searches enterprises with one row each, by words in the mission too', async () => {
    const se = await register(t, 'social_enterprise');
    const w = uniqueWord();
    await t
      .http()
      .put(`/api/v1/social-enterprises/${se.user.organisationId}/profile`)
      .set(...bearer(se))
      .send({
        mission: `Wij maken meubels ${w}`,
        targetGroups: ['participatiewet'],
        fteTotal: 3,
        fteTargetGroup: 2,
      })
      .expect(200);
    await createOffering(t, se, { title: `Meubelmakerij ${w}`, cpvCodes: ['39100000'] });
    await createOffering(t, se, { title: `Meubelreparatie ${w}`, cpvCodes: ['39100000'] });
    const res = (await t.http().get('/api/v1/social-enterprises').query({ q: w }).expect(200)).body;
    expect(res.items.map((i: { id: string }) => i.id)).toEqual([se.user.organisationId]);
    expect(res.items[0]).toMatchObject({
      targetGroups: ['participatiewet'],
      mission: `Wij maken meubels ${w}`,
    });
    const byCpv = (
      await t
        .http()
        .get('/api/v1/social-enterprises')
        .query({ q: w, cpv: '39000000', postcode: '2011', radiusKm: 5 })
        .expect(200)
    ).body;
    expect(byCpv.items).toHaveLength(1);
    expect(
      (await t.http().get('/api/v1/social-enterprises').query({ q: w, cpv: '45000000' }).expect(200)).body
        .items,
    ).toHaveLength(0);
  });

  describe('CSV import', () => {
    const header =
      'kvk_number,name,postcode,city,mission,target_groups,fte_total,fte_target_group,website,offering_title,offering_description,cpv_codes,price_indication_cents,unit,labour_share,delivery_postcode,delivery_radius_km';

    it('rejects the whole file, listing every broken row with its reasons, and imports nothing', async () => {
      const admin = await adminLogin(t);
      const k1 = uniqueKvk();
      const csv = [
        header,
        `${k1},Goed Werk,2011 AB,Haarlem,Missie,participatiewet,3,2,,Schoonmaak,,90910000-9,3000,hour,0.5,,`,
        `1234,Korte KvK,2011 AB,Haarlem,,,,,,,,,,,,,`,
        `${uniqueKvk()},Onbekende CPV,2011 AB,,,,,,,Iets,,99999999,,,,,`,
        `${uniqueKvk()},Slechte groep,20111,,,pensioners,1,2,,,,,,,,,`,
        `${uniqueKvk()},Te groot aandeel,2011 AB,,,,,,,Iets,,45000000,,,1.7,,`,
      ].join('\n');
      const res = await t
        .http()
        .post('/api/v1/imports/social-enterprises')
        .set(...bearer(admin))
        .send({ csv })
        .expect(422);
      expect(res.body.code).toBe('IMPORT_REJECTED');
      expect(res.body.invalidParams.map((d: { row: number }) => d.row)).toEqual([3, 4, 5, 6]);
      expect(res.body.invalidParams[1].reasons).toEqual(['unknown CPV code 99999999']);
      expect(res.body.invalidParams[2].reasons).toEqual(
        expect.arrayContaining([
          'postcode is not a Dutch postcode',
          'unknown target group pensioners',
          'fte_target_group exceeds fte_total',
        ]),
      );
      expect(
        (await t.ds.query('SELECT count(*)::int AS n FROM organisation WHERE kvk_number = $1', [k1]))[0].n,
      ).toBe(0);
    });

    it('imports a valid file in one transaction; a KvK number seen before is a rejected row', async () => {
      const admin = await adminLogin(t);
      const k1 = uniqueKvk();
      const k2 = uniqueKvk();
      const w = uniqueWord();
      const csv = [
        header,
        `${k1},"Werkplaats ${w}",2011 AB,Haarlem,"Missie, met komma",participatiewet;wajong,10,6,https://x.nl,Inpakwerk ${w},Handwerk,CPV 79342000-3,2500,hour,0.7,2031 AA,30`,
        `${k1},"Werkplaats ${w}",2011 AB,Haarlem,,,,,,Montage ${w},,44000000,,,,,`,
        `${k2},Tweede ${w},1012 AB,Amsterdam,,,,,,,,,,,,,`,
      ].join('\n');
      const dry = await t
        .http()
        .post('/api/v1/imports/social-enterprises')
        .set(...bearer(admin))
        .send({ csv, dryRun: true })
        .expect(200);
      expect(dry.body).toMatchObject({ dryRun: true, rows: 3, enterprises: 2, offerings: 2, rejected: [] });
      expect(
        (await t.ds.query('SELECT count(*)::int AS n FROM organisation WHERE kvk_number = $1', [k1]))[0].n,
      ).toBe(0);
      await t
        .http()
        .post('/api/v1/imports/social-enterprises')
        .set(...bearer(admin))
        .send({ csv })
        .expect(200);
      const found = await search({ q: w });
      expect(found.items.map((i) => i.title).sort()).toEqual([`Inpakwerk ${w}`, `Montage ${w}`]);
      const again = await t
        .http()
        .post('/api/v1/imports/social-enterprises')
        .set(...bearer(admin))
        .send({ csv })
        .expect(422);
      expect(again.body.invalidParams.map((d: { row: number }) => d.row)).toEqual([2, 3, 4]);
      const se = await register(t, 'social_enterprise');
      await t
        .http()
        .post('/api/v1/imports/social-enterprises')
        .set(...bearer(se))
        .send({ csv })
        .expect(403);
      const badHeader = await t
        .http()
        .post('/api/v1/imports/social-enterprises')
        .set(...bearer(admin))
        .send({ csv: 'kvk,naam\n1,2' })
        .expect(422);
      expect(badHeader.body.invalidParams.map((d: { name: string }) => d.name)).toEqual(
        expect.arrayContaining(['kvk_number', 'naam']),
      );
    });
  });
});
