import { CertificationEntity, OfferingEntity, SocialEnterpriseProfileEntity } from '@app/database';
import { CertificationsService } from '@app/domain';
import { createTestApp, TestApp } from '../support/app';
import {
  addCertification,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
} from '../support/factories';

describe('directory: profiles, certifications, offerings (e2e)', () => {
  let t: TestApp;
  let se: Session;
  let otherSe: Session;
  let contractor: Session;
  let officer: Session;

  beforeAll(async () => {
    t = await createTestApp();
    se = await register(t, 'social_enterprise');
    otherSe = await register(t, 'social_enterprise');
    contractor = await register(t, 'contractor');
    officer = (await createBuyerWithOfficer(t)).officer;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('CPV', () => {
    it.each([
      ['90910000', '90910000-9'],
      ['90910000-9', '90910000-9'],
      ['CPV 90910000-9', '90910000-9'],
    ])('accepts %s and stores it normalised', async (input, shown) => {
      const o = await createOffering(t, se, { cpvCodes: [input] });
      expect(o.cpvCodes).toEqual([shown]);
      const row = await t.ds.getRepository(OfferingEntity).findOneByOrFail({ id: o.id });
      expect(row.cpvCodes).toEqual(['90910000']);
      expect(row.cpvAncestors).toEqual(['90000000', '90900000', '90910000']);
    });

    it.each([
      ['99999999', 'UNKNOWN_CPV_CODE'],
      ['90910000-1', 'UNKNOWN_CPV_CODE'],
      ['9091', 'INVALID_CPV_CODE'],
    ])('rejects %s with 400 naming the code', async (code, detailCode) => {
      const res = await t
        .http()
        .post('/api/v1/offerings')
        .set(...bearer(se))
        .send({ title: 'X', cpvCodes: ['45000000', code] })
        .expect(400);
      expect(res.body.code).toBe('UNKNOWN_CPV_CODE');
      expect(res.body.detail).toContain(code);
      expect(res.body.invalidParams).toEqual([
        expect.objectContaining({ name: 'cpvCodes[1]', code: detailCode, value: code }),
      ]);
    });

    it('finds codes by prefix and by Dutch or English words, accents ignored', async () => {
      const byPrefix = await t.http().get('/api/v1/cpv?q=9091&limit=5').expect(200);
      expect(byPrefix.body.items[0]).toEqual({
        code: '90910000-9',
        labelEn: 'Cleaning services',
        labelNl: 'Reinigingsdiensten',
        level: 'class',
        parent: '90900000-6',
      });
      expect(byPrefix.body.items.every((i: { code: string }) => i.code.startsWith('9091'))).toBe(true);
      const nl = await t.http().get('/api/v1/cpv?q=reinigingsdiensten').expect(200);
      expect(nl.body.items.map((i: { code: string }) => i.code)).toContain('90910000-9');
      const en = await t.http().get('/api/v1/cpv?q=cleaning%20services&limit=100').expect(200);
      expect(en.body.items.map((i: { code: string }) => i.code)).toContain('90910000-9');
      const withCheck = await t.http().get('/api/v1/cpv?q=CPV%2090910000-9').expect(200);
      expect(withCheck.body.items[0].code).toBe('90910000-9');
      await t.http().get('/api/v1/cpv').expect(400);
    });
  });

  describe('profiles', () => {
    const profile = {
      mission: 'Werk voor mensen met afstand tot de arbeidsmarkt',
      targetGroups: ['participatiewet', 'banenafspraak'],
      fteTotal: 20,
      fteTargetGroup: 12.5,
      website: 'https://example.nl',
      serviceRadiusKm: 30,
    };

    it('lets the enterprise put its own profile, readable by anyone', async () => {
      await t
        .http()
        .put(`/api/v1/social-enterprises/${se.user.organisationId}/profile`)
        .set(...bearer(se))
        .send(profile)
        .expect(200);
      const res = await t.http().get(`/api/v1/social-enterprises/${se.user.organisationId}`).expect(200);
      expect(res.body).toMatchObject({
        id: se.user.organisationId,
        ...profile,
        offerings: expect.any(Array),
        certifications: [],
      });
      const row = await t.ds
        .getRepository(SocialEnterpriseProfileEntity)
        .findOneByOrFail({ organisationId: se.user.organisationId });
      expect(row.fteTargetGroup).toBe(12.5);
    });

    it('forbids another enterprise (403), other roles (403) and anonymous callers (401)', async () => {
      const url = `/api/v1/social-enterprises/${se.user.organisationId}/profile`;
      expect(
        (
          await t
            .http()
            .put(url)
            .set(...bearer(otherSe))
            .send(profile)
            .expect(403)
        ).body.code,
      ).toBe('NOT_OWNER');
      await t
        .http()
        .put(url)
        .set(...bearer(contractor))
        .send(profile)
        .expect(403);
      await t
        .http()
        .put(url)
        .set(...bearer(officer))
        .send(profile)
        .expect(403);
      await t.http().put(url).send(profile).expect(401);
    });

    it('validates the profile', async () => {
      const url = `/api/v1/social-enterprises/${se.user.organisationId}/profile`;
      for (const bad of [
        { ...profile, targetGroups: ['pensioners'] },
        { ...profile, fteTotal: -1 },
        { ...profile, website: 'not a url' },
        { ...profile, extra: true },
      ]) {
        await t
          .http()
          .put(url)
          .set(...bearer(se))
          .send(bad)
          .expect(400);
      }
      const res = await t
        .http()
        .put(url)
        .set(...bearer(se))
        .send({ ...profile, fteTargetGroup: 21 })
        .expect(400);
      expect(res.body.invalidParams[0].code).toBe('FTE_INCONSISTENT');
    });

    it('hides an unpublished profile from others but not from its owner; 404 for unknown ids', async () => {
      const own = await register(t, 'social_enterprise');
      const url = `/api/v1/social-enterprises/${own.user.organisationId}`;
      await t
        .http()
        .put(`${url}/profile`)
        .set(...bearer(own))
        .send({ ...profile, published: false })
        .expect(200);
      await t.http().get(url).expect(404);
      await t
        .http()
        .get(url)
        .set(...bearer(contractor))
        .expect(404);
      await t
        .http()
        .get(url)
        .set(...bearer(own))
        .expect(200);
      await t.http().get('/api/v1/social-enterprises/00000000-0000-4000-8000-000000000000').expect(404);
      await t.http().get(`/api/v1/social-enterprises/${contractor.user.organisationId}`).expect(404);
    });
  });

  describe('certifications', () => {
    it('lets an enterprise and a contractor add their own (unverified), officers verify with a note', async () => {
      const c = await t
        .http()
        .post(`/api/v1/organisations/${se.user.organisationId}/certifications`)
        .set(...bearer(se))
        .send({
          type: 'pso',
          level: 'trede_2',
          certificateNumber: 'PSO-1',
          validFrom: '2024-01-01',
          validUntil: '2030-12-31',
        })
        .expect(201);
      expect(c.body).toMatchObject({ status: 'unverified', type: 'pso', level: 'trede_2', validToday: true });
      await t
        .http()
        .post(`/api/v1/organisations/${contractor.user.organisationId}/certifications`)
        .set(...bearer(contractor))
        .send({ type: 'pso', level: 'trede_3', validFrom: '2024-01-01' })
        .expect(201);

      await t
        .http()
        .post(`/api/v1/certifications/${c.body.id}/verification`)
        .set(...bearer(se))
        .send({ decision: 'verified' })
        .expect(403);
      const v = await t
        .http()
        .post(`/api/v1/certifications/${c.body.id}/verification`)
        .set(...bearer(officer))
        .send({ decision: 'verified', note: 'Checked in the PSO register' })
        .expect(200);
      expect(v.body).toMatchObject({ status: 'verified', reviewNote: 'Checked in the PSO register' });
      const row = await t.ds.getRepository(CertificationEntity).findOneByOrFail({ id: c.body.id });
      expect(row.reviewedBy).toBe(officer.user.id);
      const audit = await t
        .http()
        .get('/api/v1/audit-log')
        .query({ entityId: c.body.id })
        .set(...bearer(officer))
        .expect(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'verification_verified',
          before: expect.objectContaining({ status: 'unverified' }),
        }),
      ]);
      await t
        .http()
        .post('/api/v1/certifications/00000000-0000-4000-8000-000000000000/verification')
        .set(...bearer(officer))
        .send({ decision: 'verified' })
        .expect(404);
    });

    it("keeps organisations out of each other's certifications (404) and officers out of adding (403)", async () => {
      const url = `/api/v1/organisations/${se.user.organisationId}/certifications`;
      await t
        .http()
        .post(url)
        .set(...bearer(otherSe))
        .send({ type: 'sw_company', validFrom: '2024-01-01' })
        .expect(404);
      await t
        .http()
        .post(url)
        .set(...bearer(officer))
        .send({ type: 'sw_company', validFrom: '2024-01-01' })
        .expect(403);
      await t
        .http()
        .get(url)
        .set(...bearer(otherSe))
        .expect(404);
      await t
        .http()
        .get(url)
        .set(...bearer(se))
        .expect(200);
      await t
        .http()
        .get(url)
        .set(...bearer(officer))
        .expect(200);
    });

    it.each([
      [{ type: 'pso', validFrom: '2024-01-01' }, 'level'],
      [{ type: 'sw_company', level: 'trede_1', validFrom: '2024-01-01' }, 'level'],
      [{ type: 'sw_company', validFrom: '2024-02-30' }, 'validFrom'],
      [{ type: 'sw_company', validFrom: '2024-05-01', validUntil: '2024-04-30' }, 'validUntil'],
      [{ type: 'iso9001', validFrom: '2024-01-01' }, 'type'],
    ])('rejects %j (400 on %s)', async (body, field) => {
      const res = await t
        .http()
        .post(`/api/v1/organisations/${se.user.organisationId}/certifications`)
        .set(...bearer(se))
        .send(body)
        .expect(400);
      expect(res.body.invalidParams.map((d: { name: string }) => d.name)).toContain(field);
    });

    it('answers which certifications an organisation held on a date (expired and rejected never count)', async () => {
      const org = await register(t, 'social_enterprise');
      await addCertification(
        t,
        org,
        { type: 'pso_30plus', validFrom: '2023-01-01', validUntil: '2023-12-31' },
        officer,
      );
      await addCertification(t, org, { type: 'sw_company', validFrom: '2023-06-01' }, officer, 'rejected');
      await addCertification(t, org, { type: 'code_sociale_ondernemingen', validFrom: '2024-01-01' });
      const svc = t.app.get(CertificationsService);
      const types = async (d: string) =>
        (await svc.heldOn(org.user.organisationId, d)).map((c) => c.type).sort();
      expect(await types('2023-12-31')).toEqual(['pso_30plus']);
      expect(await types('2024-01-01')).toEqual(['code_sociale_ondernemingen']);
      expect(await types('2022-12-31')).toEqual([]);
      // Expired certificates stay on record.
      const list = await t
        .http()
        .get(`/api/v1/organisations/${org.user.organisationId}/certifications`)
        .set(...bearer(org))
        .expect(200);
      expect(list.body.items).toHaveLength(3);
      expect(list.body.items.find((c: { type: string }) => c.type === 'pso_30plus').validToday).toBe(false);
    });
  });

  describe('offerings', () => {
    it('creates, reads, changes and deletes an own offering', async () => {
      const o = await createOffering(t, se, {
        priceIndicationCents: 3500,
        unit: 'hour',
        labourShare: 0.6,
        deliveryPostcode: '2031aa',
        deliveryRadiusKm: 25,
        capacityCentsPerMonth: 2_000_000,
      });
      const got = await t.http().get(`/api/v1/offerings/${o.id}`).expect(200);
      expect(got.body).toMatchObject({
        deliveryPostcode: '2031 AA',
        labourShare: 0.6,
        priceIndicationCents: 3500,
      });
      const patched = await t
        .http()
        .patch(`/api/v1/offerings/${o.id}`)
        .set(...bearer(se))
        .send({ title: 'Glazenwassen', cpvCodes: ['90911300'] })
        .expect(200);
      expect(patched.body).toMatchObject({
        title: 'Glazenwassen',
        cpvCodes: ['90911300-9'],
        priceIndicationCents: 3500,
      });
      await t
        .http()
        .delete(`/api/v1/offerings/${o.id}`)
        .set(...bearer(se))
        .expect(204);
      await t.http().get(`/api/v1/offerings/${o.id}`).expect(404);
      expect(await t.ds.getRepository(OfferingEntity).countBy({ id: o.id })).toBe(0);
    });

    it('only the owning enterprise may change or delete it', async () => {
      const o = await createOffering(t, se);
      await t
        .http()
        .patch(`/api/v1/offerings/${o.id}`)
        .set(...bearer(otherSe))
        .send({ title: 'Mine' })
        .expect(403);
      await t
        .http()
        .delete(`/api/v1/offerings/${o.id}`)
        .set(...bearer(otherSe))
        .expect(403);
      await t
        .http()
        .delete(`/api/v1/offerings/${o.id}`)
        .set(...bearer(contractor))
        .expect(403);
      await t.http().delete(`/api/v1/offerings/${o.id}`).expect(401);
      await t
        .http()
        .post('/api/v1/offerings')
        .set(...bearer(contractor))
        .send({ title: 'x', cpvCodes: ['45000000'] })
        .expect(403);
      expect((await t.ds.getRepository(OfferingEntity).findOneByOrFail({ id: o.id })).title).toBe(
        'Schoonmaak van kantoren',
      );
    });

    it.each([
      [{ title: 'x', cpvCodes: [] }, 'cpvCodes'],
      [{ title: 'x', cpvCodes: ['45000000'], labourShare: 1.5 }, 'labourShare'],
      [{ title: 'x', cpvCodes: ['45000000'], priceIndicationCents: 12.5 }, 'priceIndicationCents'],
      [{ title: 'x', cpvCodes: ['45000000'], deliveryPostcode: '0000 AA' }, 'deliveryPostcode'],
      [{ title: '', cpvCodes: ['45000000'] }, 'title'],
    ])('rejects %j', async (body, field) => {
      const res = await t
        .http()
        .post('/api/v1/offerings')
        .set(...bearer(se))
        .send(body)
        .expect(400);
      expect(res.body.invalidParams.map((d: { name: string }) => d.name)).toContain(field);
    });

    it('rejects a delivery postcode of an unknown area', async () => {
      const res = await t
        .http()
        .post('/api/v1/offerings')
        .set(...bearer(se))
        .send({ title: 'x', cpvCodes: ['45000000'], deliveryPostcode: '1009 AA' })
        .expect(400);
      expect(res.body.code).toBe('UNKNOWN_POSTCODE');
    });
  });
});
