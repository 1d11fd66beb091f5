import { OfferingEntity, SroiPolicyEntity } from '@app/database';
import { sign } from 'jsonwebtoken';
import { createTestApp, TestApp } from '../support/app';
import {
  addCertification,
  adminLogin,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  registrationBody,
  Session,
  uniqueEmail,
  uniqueWord,
} from '../support/factories';
import { awardedObligation, policyBody, publishedPolicy, tenderBody } from '../support/procurement';

// Project-level testTimeout is not applied by Jest 30; registrations hash passwords (slow on a busy machine).
jest.setTimeout(60_000);

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'x\ud800y';

/** The attacks of issue 8, one by one: each answered 500 or was wrongly accepted before the fix. */
describe('reliability: bad input never answers 5xx (e2e)', () => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let buyerId: string;
  let contractor: Session;
  let se: Session;
  let policyId: string;
  let obligationId: string;
  let tenderId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await adminLogin(t);
    const buyer = await createBuyerWithOfficer(t);
    officer = buyer.officer;
    buyerId = buyer.organisationId;
    contractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    policyId = await publishedPolicy(t, officer);
    ({ obligationId, tenderId } = await awardedObligation(t, officer, contractor, { policyId }));
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const expectValidation = (
    res: { status: number; body: Record<string, unknown>; headers: Record<string, string> },
    code = 'VALIDATION_FAILED',
  ): void => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code });
    expect(res.body.requestId).toEqual(res.headers['x-request-id']);
  };

  describe('1. dates out of range', () => {
    it('refuses contractPeriod.endDate 9999-12-31 on award and tender, saving nothing', async () => {
      const draft = await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send(tenderBody(policyId))
        .expect(201);
      await t
        .http()
        .post(`/api/v1/tenders/${draft.body.id}/publish`)
        .set(...bearer(officer))
        .expect(200);
      const award = await t
        .http()
        .post(`/api/v1/tenders/${draft.body.id}/award`)
        .set(...bearer(officer))
        .send({
          contractorOrganisationId: contractor.user.organisationId,
          contractValueCents: 1_000_000,
          contractPeriod: { startDate: '2026-01-01', endDate: '9999-12-31' },
        });
      expectValidation(award);
      expect(award.body.invalidParams).toContainEqual(
        expect.objectContaining({ name: 'contractPeriod.endDate', code: 'isoDate' }),
      );
      const [{ count }] = await t.ds.query(
        'SELECT count(*)::int AS count FROM contract WHERE tender_id = $1',
        [draft.body.id],
      );
      expect(count).toBe(0);

      const tender = await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send(tenderBody(policyId, { contractPeriod: { startDate: '1999-12-31', endDate: '2027-01-01' } }));
      expectValidation(tender);
    });

    it('refuses a policy validFrom and a contribution date outside 2000-01-01..2100-12-31', async () => {
      const policy = await t
        .http()
        .post('/api/v1/sroi-policies')
        .set(...bearer(officer))
        .send(policyBody({ validFrom: '2101-01-01' }));
      expectValidation(policy, 'POLICY_INVALID');
      const preview = await t
        .http()
        .post(`/api/v1/obligations/${obligationId}/contributions/preview`)
        .set(...bearer(contractor))
        .send({
          category: 'social_purchase',
          supplierOrganisationId: se.user.organisationId,
          invoiceNumber: 'F-1',
          invoiceDate: '0001-01-01',
          amountCents: 100,
        });
      expectValidation(preview, 'CONTRIBUTION_INVALID');
    });

    it('a stored contract ending 9999-12-31 does not break the obligation list or the obligation', async () => {
      const { obligationId: id } = await awardedObligation(t, officer, contractor, { policyId });
      await t.ds.query(
        `UPDATE contract SET end_date = '9999-12-31' WHERE id = (SELECT contract_id FROM obligation WHERE id = $1)`,
        [id],
      );
      await t.ds.query(`UPDATE obligation SET due_date = '9999-12-31' WHERE id = $1`, [id]);
      const list = await t
        .http()
        .get('/api/v1/obligations?limit=100')
        .set(...bearer(contractor))
        .expect(200);
      expect(list.body.items.map((o: { id: string }) => o.id)).toContain(id);
      await t
        .http()
        .get(`/api/v1/obligations/${id}`)
        .set(...bearer(officer))
        .expect(200);
    });
  });

  describe('2. NUL and 4. unpaired surrogates in any string', () => {
    type Case = [
      string,
      () => Promise<{ status: number; body: Record<string, unknown>; headers: Record<string, string> }>,
    ];
    const cases: Case[] = [
      [
        'register name',
        () =>
          t
            .http()
            .post('/api/v1/auth/register')
            .send(registrationBody('contractor', { name: NUL })),
      ],
      [
        'register organisation name',
        () => {
          const body = registrationBody('contractor');
          return t
            .http()
            .post('/api/v1/auth/register')
            .send({ ...body, organisation: { ...(body.organisation as object), name: NUL } });
        },
      ],
      [
        'register email (surrogate)',
        () =>
          t
            .http()
            .post('/api/v1/auth/register')
            .send(registrationBody('contractor', { email: `${LONE_SURROGATE}@example.nl` })),
      ],
      [
        'login email (surrogate)',
        () =>
          t
            .http()
            .post('/api/v1/auth/login')
            .send({ email: `${LONE_SURROGATE}@example.nl`, password: 'whatever-long' }),
      ],
      [
        'create user email (surrogate)',
        () =>
          t
            .http()
            .post(`/api/v1/organisations/${buyerId}/users`)
            .set(...bearer(admin))
            .send({
              email: `${LONE_SURROGATE}@x.nl`,
              name: 'Officer',
              password: 'officer-password-1',
              role: 'procurement_officer',
            }),
      ],
      [
        'organisation name',
        () =>
          t
            .http()
            .post('/api/v1/organisations')
            .set(...bearer(admin))
            .send({ kind: 'buyer', name: NUL, postcode: '2011 RD' }),
      ],
      [
        'profile mission',
        () =>
          t
            .http()
            .put(`/api/v1/social-enterprises/${se.user.organisationId}/profile`)
            .set(...bearer(se))
            .send({ mission: NUL, targetGroups: [], fteTotal: 1, fteTargetGroup: 0 }),
      ],
      [
        'certificate number',
        () =>
          t
            .http()
            .post(`/api/v1/organisations/${se.user.organisationId}/certifications`)
            .set(...bearer(se))
            .send({ type: 'pso_30plus', certificateNumber: NUL, validFrom: '2025-01-01' }),
      ],
      [
        'offering title',
        () =>
          t
            .http()
            .post('/api/v1/offerings')
            .set(...bearer(se))
            .send({ title: NUL, cpvCodes: ['90910000-9'] }),
      ],
      [
        'offering unit',
        () =>
          t
            .http()
            .post('/api/v1/offerings')
            .set(...bearer(se))
            .send({ title: 'x', unit: NUL, cpvCodes: ['90910000-9'] }),
      ],
      [
        'policy name',
        () =>
          t
            .http()
            .post('/api/v1/sroi-policies')
            .set(...bearer(officer))
            .send(policyBody({ name: NUL })),
      ],
      [
        'policy block code',
        () =>
          t
            .http()
            .post('/api/v1/sroi-policies')
            .set(...bearer(officer))
            .send(
              policyBody({
                blocks: [{ code: NUL, category: 'social_activity', unit: 'hour', valueCents: 1 }],
              }),
            ),
      ],
      [
        'tender title',
        () =>
          t
            .http()
            .post('/api/v1/tenders')
            .set(...bearer(officer))
            .send(tenderBody(policyId, { title: NUL })),
      ],
      [
        'tender item description',
        () =>
          t
            .http()
            .post('/api/v1/tenders')
            .set(...bearer(officer))
            .send(tenderBody(policyId, { items: [{ description: NUL, cpvCode: '90911200-8' }] })),
      ],
      [
        'waive reason',
        () =>
          t
            .http()
            .post(`/api/v1/obligations/${obligationId}/waive`)
            .set(...bearer(officer))
            .send({ reason: NUL }),
      ],
      [
        'invoice number',
        () =>
          t
            .http()
            .post(`/api/v1/obligations/${obligationId}/contributions`)
            .set(...bearer(contractor))
            .send({
              category: 'social_purchase',
              supplierOrganisationId: se.user.organisationId,
              invoiceNumber: NUL,
              invoiceDate: '2026-03-01',
              amountCents: 100,
            }),
      ],
      [
        'activity description',
        () =>
          t
            .http()
            .post(`/api/v1/obligations/${obligationId}/contributions`)
            .set(...bearer(contractor))
            .send({ category: 'social_activity', blockCode: 'ACT_HOUR', quantity: 1, description: NUL }),
      ],
      ['tender search q', () => t.http().get('/api/v1/tenders?q=a%00b')],
      [
        'offering description (surrogate)',
        () =>
          t
            .http()
            .post('/api/v1/offerings')
            .set(...bearer(se))
            .send({ title: 'x', description: LONE_SURROGATE, cpvCodes: ['90910000-9'] }),
      ],
    ];
    it.each(cases)('%s → 400', async (_name, send) => {
      const res = await send();
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.requestId).toEqual(res.headers['x-request-id']);
    });
  });

  describe('3. deeply nested JSON', () => {
    const deep = (n: number): string => `{"a":${'['.repeat(n)}${']'.repeat(n)}}`;
    it.each([
      ['register', '/api/v1/auth/register'],
      ['login', '/api/v1/auth/login'],
      ['tenders', '/api/v1/tenders'],
      ['offerings', '/api/v1/offerings'],
      ['policies', '/api/v1/sroi-policies'],
    ])('10,000 nested arrays on %s → 400', async (_name, path) => {
      const res = await t
        .http()
        .post(path)
        .set(...bearer(path.includes('offerings') ? se : officer))
        .set('Content-Type', 'application/json')
        .send(deep(10_000));
      expect(res.status).toBe(400);
      expect(res.body.invalidParams?.[0]).toMatchObject({ code: 'too_deep' });
    });

    it('a top-level array is not a body (PATCH of a policy with [] changed nothing but answered 200)', async () => {
      const draft = await t
        .http()
        .post('/api/v1/sroi-policies')
        .set(...bearer(officer))
        .send(policyBody())
        .expect(201);
      const res = await t
        .http()
        .patch(`/api/v1/sroi-policies/${draft.body.id}`)
        .set(...bearer(officer))
        .set('Content-Type', 'application/json')
        .send('[]');
      expect(res.status).toBe(400);
    });
  });

  describe('5. policy sizes', () => {
    it.each([
      ['name of 201 characters', { name: 'n'.repeat(201) }],
      ['version of 51 characters', { version: 'v'.repeat(51) }],
      [
        'block code of 100,000 characters',
        { blocks: [{ code: 'X'.repeat(100_000), category: 'social_activity', unit: 'hour', valueCents: 1 }] },
      ],
      [
        'maxCountMonths 1e9',
        {
          blocks: [
            {
              code: 'PW',
              category: 'employment',
              targetGroup: 'ww',
              unit: 'month',
              valueCents: 1,
              maxCountMonths: 1e9,
            },
          ],
        },
      ],
    ])('%s → 400 on create, patch and new version', async (_name, over) => {
      const create = await t
        .http()
        .post('/api/v1/sroi-policies')
        .set(...bearer(officer))
        .send(policyBody(over));
      expectValidation(create, 'POLICY_INVALID');
      const draft = await t
        .http()
        .post('/api/v1/sroi-policies')
        .set(...bearer(officer))
        .send(policyBody({ version: uniqueWord('v').slice(0, 40) }))
        .expect(201);
      expectValidation(
        await t
          .http()
          .patch(`/api/v1/sroi-policies/${draft.body.id}`)
          .set(...bearer(officer))
          .send(over),
        'POLICY_INVALID',
      );
      expectValidation(
        await t
          .http()
          .post(`/api/v1/sroi-policies/${policyId}/versions`)
          .set(...bearer(officer))
          .send(policyBody(over)),
        'POLICY_INVALID',
      );
      const stored = await t.ds.getRepository(SroiPolicyEntity).findOneByOrFail({ id: draft.body.id });
      expect(stored.version).not.toEqual((over as { version?: string }).version);
    });

    it('maxCountMonths 1e308 (and any number in exponent notation) is refused at the edge', async () => {
      const body = policyBody({
        blocks: [
          {
            code: 'PW',
            category: 'employment',
            targetGroup: 'ww',
            unit: 'month',
            valueCents: 1,
            maxCountMonths: 1e308,
          },
        ],
      });
      const res = await t
        .http()
        .post('/api/v1/sroi-policies')
        .set(...bearer(officer))
        .send(body);
      expectValidation(res);
      expect(res.body.invalidParams[0]).toMatchObject({
        name: 'blocks[0].maxCountMonths',
        code: 'number_out_of_range',
      });
    });
  });

  describe('6. evaluate with a non-JSON content type', () => {
    it('answers 415, not 500', async () => {
      const res = await t
        .http()
        .post(`/api/v1/sroi-policies/${policyId}/evaluate`)
        .set(...bearer(officer))
        .set('Content-Type', 'text/plain')
        .send('category=social_activity');
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('an empty body is an invalid contribution (400)', async () => {
      const res = await t
        .http()
        .post(`/api/v1/sroi-policies/${policyId}/evaluate`)
        .set(...bearer(officer));
      expectValidation(res, 'CONTRIBUTION_INVALID');
    });
  });

  describe('8. evaluate checks like preview', () => {
    const placement = (personToken: string): Record<string, unknown> => ({
      category: 'employment',
      targetGroup: 'participatiewet',
      hoursPerWeek: 36,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      personToken,
    });
    it.each(['123456789', 'Jan_Jansen'])('refuses the person token %s', async (token) => {
      const res = await t
        .http()
        .post(`/api/v1/sroi-policies/${policyId}/evaluate`)
        .set(...bearer(officer))
        .send(placement(token));
      expectValidation(res, 'PERSON_TOKEN_LOOKS_PERSONAL');
      const preview = await t
        .http()
        .post(`/api/v1/obligations/${obligationId}/contributions/preview`)
        .set(...bearer(contractor))
        .send(placement(token));
      expectValidation(preview, 'PERSON_TOKEN_LOOKS_PERSONAL');
    });

    it('refuses unknown fields and bad dates inside contractPeriod', async () => {
      const res = await t
        .http()
        .post(`/api/v1/sroi-policies/${policyId}/evaluate`)
        .set(...bearer(officer))
        .send({
          ...placement('hlm-7f3a9c21'),
          contractPeriod: { startDate: '2026-01-01', endDate: '2026-12-31', x: 1 },
        });
      expectValidation(res, 'INVALID_PERIOD');
      expect(res.body.invalidParams).toContainEqual(expect.objectContaining({ name: 'contractPeriod.x' }));
      await t
        .http()
        .post(`/api/v1/sroi-policies/${policyId}/evaluate`)
        .set(...bearer(officer))
        .send({
          ...placement('hlm-7f3a9c21'),
          contractPeriod: { startDate: '2026-01-01', endDate: '2026-12-31' },
        })
        .expect(200);
    });
  });

  describe('9. offerings of an unpublished enterprise', () => {
    it('are hidden from anonymous reads and search, also when added while unpublished', async () => {
      const hiddenSe = await register(t, 'social_enterprise');
      const word = uniqueWord();
      const before = await createOffering(t, hiddenSe, { title: `Groenonderhoud ${word}` });
      await t
        .http()
        .put(`/api/v1/social-enterprises/${hiddenSe.user.organisationId}/profile`)
        .set(...bearer(hiddenSe))
        .send({ mission: 'Werk', targetGroups: [], fteTotal: 2, fteTargetGroup: 1, published: false })
        .expect(200);
      const after = await createOffering(t, hiddenSe, { title: `Schoonmaak ${word}` });
      expect((await t.ds.getRepository(OfferingEntity).findOneByOrFail({ id: after.id })).hidden).toBe(true);
      for (const id of [before.id, after.id]) {
        await t.http().get(`/api/v1/offerings/${id}`).expect(404);
        await t
          .http()
          .get(`/api/v1/offerings/${id}`)
          .set(...bearer(contractor))
          .expect(404);
        await t
          .http()
          .get(`/api/v1/offerings/${id}`)
          .set(...bearer(hiddenSe))
          .expect(200);
        await t
          .http()
          .get(`/api/v1/offerings/${id}`)
          .set(...bearer(admin))
          .expect(200);
      }
      const search = await t.http().get(`/api/v1/offerings?q=${word}`).expect(200);
      expect(search.body.items).toEqual([]);
      await t.http().get(`/api/v1/social-enterprises/${hiddenSe.user.organisationId}`).expect(404);
    });
  });

  describe('10. request ids, blanks, caching and tokens', () => {
    it('malformed JSON and oversized bodies carry a requestId and an x-request-id header', async () => {
      const bad = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .set('x-request-id', 'fuzz-request-0001')
        .send('{"email":');
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ code: 'MALFORMED_JSON', requestId: 'fuzz-request-0001' });
      expect(bad.headers['x-request-id']).toBe('fuzz-request-0001');
      const big = await t
        .http()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }));
      expect(big.status).toBe(413);
      expect(big.body.requestId).toEqual(big.headers['x-request-id']);
      expect(big.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('whitespace-only names and titles are refused; other strings are stored trimmed', async () => {
      expectValidation(
        await t
          .http()
          .post('/api/v1/offerings')
          .set(...bearer(se))
          .send({ title: '   ', cpvCodes: ['90910000-9'] }),
      );
      expectValidation(
        await t
          .http()
          .post('/api/v1/auth/register')
          .send(registrationBody('contractor', { name: ' \t ' })),
      );
      expectValidation(
        await t
          .http()
          .post('/api/v1/tenders')
          .set(...bearer(officer))
          .send(tenderBody(policyId, { title: '\u00a0 ' })),
      );
      const offering = await createOffering(t, se, { title: '  Glazenwassen  ' });
      expect((await t.ds.getRepository(OfferingEntity).findOneByOrFail({ id: offering.id })).title).toBe(
        'Glazenwassen',
      );
    });

    it('passwords are kept verbatim (not trimmed)', async () => {
      const body = registrationBody('contractor', {
        email: uniqueEmail('spaces'),
        password: '  spaced password  ',
      });
      await t.http().post('/api/v1/auth/register').send(body).expect(201);
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: body.email, password: '  spaced password  ' })
        .expect(200);
      await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: body.email, password: 'spaced password' })
        .expect(401);
    });

    it('/me and every API answer say Cache-Control: no-store', async () => {
      const me = await t
        .http()
        .get('/api/v1/me')
        .set(...bearer(contractor))
        .expect(200);
      expect(me.headers['cache-control']).toBe('no-store');
      const login = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'nobody@example.nl', password: 'x' });
      expect(login.headers['cache-control']).toBe('no-store');
    });

    it('refuses a correctly signed access token without exp', async () => {
      const token = sign(
        {
          sub: contractor.user.id,
          role: 'contractor',
          org: contractor.user.organisationId,
          kind: 'contractor',
        },
        process.env.JWT_SECRET!,
        { algorithm: 'HS256' },
      );
      const res = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      const withExp = sign(
        {
          sub: contractor.user.id,
          role: 'contractor',
          org: contractor.user.organisationId,
          kind: 'contractor',
        },
        process.env.JWT_SECRET!,
        { algorithm: 'HS256', expiresIn: 60 },
      );
      await t.http().get('/api/v1/me').set('Authorization', `Bearer ${withExp}`).expect(200);
    });
  });

  it('the tender used above is still readable (sanity of the fixtures)', async () => {
    await t.http().get(`/api/v1/tenders/${tenderId}`).expect(200);
    await addCertification(t, se, { type: 'pso_30plus', validFrom: '2025-01-01' });
  });
});
