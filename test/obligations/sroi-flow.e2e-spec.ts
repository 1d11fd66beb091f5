import { ContractEntity, ContributionEntity, ObligationEntity, SroiPolicyEntity } from '@app/database';
import { createTestApp, TestApp } from '../support/app';
import {
  addCertification,
  bearer,
  createBuyerWithOfficer,
  register,
  Session,
  uniqueWord,
} from '../support/factories';
import { awardedObligation, policyBody, publishedPolicy, tenderBody } from '../support/procurement';

describe('SROI policies, tenders, awards, obligations and contributions (e2e)', () => {
  let t: TestApp;
  let officer: Session;
  let otherOfficer: Session;
  let contractor: Session;
  let otherContractor: Session;
  let se: Session;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await createBuyerWithOfficer(t)).officer;
    otherOfficer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    otherContractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    await addCertification(
      t,
      se,
      { type: 'pso_30plus', validFrom: '2025-01-01', validUntil: '2028-12-31' },
      officer,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  describe('policies', () => {
    it('drafts, edits, publishes (then immutable) and versions a policy', async () => {
      const draft = await t
        .http()
        .post('/api/v1/sroi-policies')
        .set(...bearer(officer))
        .send(policyBody())
        .expect(201);
      expect(draft.body).toMatchObject({
        status: 'draft',
        defaultPercentage: 5,
        name: 'Bouwblokken social return',
      });
      const edited = await t
        .http()
        .patch(`/api/v1/sroi-policies/${draft.body.id}`)
        .set(...bearer(officer))
        .send({ defaultPercentage: 4 })
        .expect(200);
      expect(edited.body.defaultPercentage).toBe(4);
      await t
        .http()
        .post(`/api/v1/sroi-policies/${draft.body.id}/publish`)
        .set(...bearer(officer))
        .expect(200);
      const locked = await t
        .http()
        .patch(`/api/v1/sroi-policies/${draft.body.id}`)
        .set(...bearer(officer))
        .send({ defaultPercentage: 6 })
        .expect(409);
      expect(locked.body.code).toBe('POLICY_ALREADY_PUBLISHED');
      await t
        .http()
        .post(`/api/v1/sroi-policies/${draft.body.id}/publish`)
        .set(...bearer(officer))
        .expect(409);

      const v2 = await t
        .http()
        .post(`/api/v1/sroi-policies/${draft.body.id}/versions`)
        .set(...bearer(officer))
        .send(policyBody({ version: '2027', defaultPercentage: 6 }))
        .expect(201);
      expect(v2.body).toMatchObject({
        status: 'draft',
        lineageId: draft.body.lineageId,
        previousVersionId: draft.body.id,
      });
      const dup = await t
        .http()
        .post(`/api/v1/sroi-policies/${draft.body.id}/versions`)
        .set(...bearer(officer))
        .send(policyBody({ version: '2027' }))
        .expect(409);
      expect(dup.body.code).toBe('POLICY_VERSION_TAKEN');
      const stored = await t.ds.getRepository(SroiPolicyEntity).findOneByOrFail({ id: draft.body.id });
      expect(stored.body.defaultPercentage).toBe(4);
    });

    it.each([
      [
        'an unknown block unit',
        {
          blocks: [
            { code: 'X', category: 'employment', targetGroup: 'ww', unit: 'fortnight', valueCents: 1 },
          ],
        },
        'blocks[0].unit',
      ],
      ['a negative threshold', { thresholdCents: -1 }, 'thresholdCents'],
      [
        'overlapping benefit-month ranges for one target group',
        {
          blocks: [
            {
              code: 'A',
              category: 'employment',
              targetGroup: 'participatiewet',
              benefitMonthsMin: 0,
              benefitMonthsMax: 24,
              unit: 'fte_year',
              valueCents: 1,
            },
            {
              code: 'B',
              category: 'employment',
              targetGroup: 'participatiewet',
              benefitMonthsMin: 12,
              unit: 'fte_year',
              valueCents: 1,
            },
          ],
        },
        'blocks[1]',
      ],
      ['an unknown field', { colour: 'blue' }, 'colour'],
    ])('rejects %s with 400 and the path of the bad field', async (_, over, path) => {
      const res = await t
        .http()
        .post('/api/v1/sroi-policies')
        .set(...bearer(officer))
        .send(policyBody(over))
        .expect(400);
      expect(res.body.code).toBe('POLICY_INVALID');
      expect(res.body.invalidParams.some((d: { name: string }) => d.name.startsWith(path))).toBe(true);
    });

    it("keeps policies to the buyer's own officers", async () => {
      const id = await publishedPolicy(t, officer);
      expect(
        (
          await t
            .http()
            .get(`/api/v1/sroi-policies/${id}`)
            .set(...bearer(otherOfficer))
            .expect(404)
        ).body.code,
      ).toBe('POLICY_NOT_FOUND');
      await t
        .http()
        .patch(`/api/v1/sroi-policies/${id}`)
        .set(...bearer(otherOfficer))
        .send({ defaultPercentage: 1 })
        .expect(404);
      await t
        .http()
        .get(`/api/v1/sroi-policies/${id}`)
        .set(...bearer(contractor))
        .expect(403);
      await t
        .http()
        .post('/api/v1/sroi-policies')
        .set(...bearer(contractor))
        .send(policyBody())
        .expect(403);
      const list = await t
        .http()
        .get('/api/v1/sroi-policies')
        .set(...bearer(otherOfficer))
        .expect(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    });

    it('evaluates a hypothetical contribution without saving it', async () => {
      const id = await publishedPolicy(t, officer);
      const res = await t
        .http()
        .post(`/api/v1/sroi-policies/${id}/evaluate`)
        .set(...bearer(officer))
        .send({
          category: 'employment',
          targetGroup: 'participatiewet',
          hoursPerWeek: 24,
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          personToken: 'eval-0001',
        })
        .expect(200);
      expect(res.body).toMatchObject({ countable: true, claimedValueCents: 2_666_667 });
      expect(res.body.breakdown.length).toBeGreaterThan(0);
      expect(await t.ds.getRepository(ContributionEntity).countBy({ personToken: 'eval-0001' })).toBe(0);
    });
  });

  describe('tenders and award', () => {
    it('runs the lifecycle and refuses illegal transitions with 409', async () => {
      const policyId = await publishedPolicy(t, officer);
      const created = await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send(tenderBody(policyId))
        .expect(201);
      expect(created.body).toMatchObject({
        status: 'draft',
        items: [{ cpvCode: '90911200-8' }],
        sroi: { policyId },
      });
      const id = created.body.id;
      await t.http().get(`/api/v1/tenders/${id}`).expect(404);
      await t
        .http()
        .get(`/api/v1/tenders/${id}`)
        .set(...bearer(otherOfficer))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/tenders/${id}`)
        .set(...bearer(officer))
        .expect(200);
      const early = await t
        .http()
        .post(`/api/v1/tenders/${id}/award`)
        .set(...bearer(officer))
        .send({ contractorOrganisationId: contractor.user.organisationId, contractValueCents: 1 })
        .expect(409);
      expect(early.body.code).toBe('ILLEGAL_TRANSITION');
      await t
        .http()
        .post(`/api/v1/tenders/${id}/complete`)
        .set(...bearer(officer))
        .expect(409);
      await t
        .http()
        .post(`/api/v1/tenders/${id}/publish`)
        .set(...bearer(otherOfficer))
        .expect(404);
      await t
        .http()
        .post(`/api/v1/tenders/${id}/publish`)
        .set(...bearer(officer))
        .expect(200);
      await t
        .http()
        .post(`/api/v1/tenders/${id}/publish`)
        .set(...bearer(officer))
        .expect(409);
      await t
        .http()
        .put(`/api/v1/tenders/${id}`)
        .set(...bearer(officer))
        .send(tenderBody(policyId))
        .expect(409);
      expect((await t.http().get(`/api/v1/tenders/${id}`).expect(200)).body.status).toBe('active');
      const w = uniqueWord();
      await t
        .http()
        .put(`/api/v1/tenders/${id}`)
        .set(...bearer(officer))
        .send(tenderBody(policyId, { title: w }))
        .expect(409);
      const listed = await t
        .http()
        .get('/api/v1/tenders')
        .query({ cpv: '90000000', status: 'active', limit: 100 })
        .expect(200);
      expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(id);
      const cancelled = await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send(tenderBody(policyId))
        .expect(201);
      await t
        .http()
        .post(`/api/v1/tenders/${cancelled.body.id}/cancel`)
        .set(...bearer(officer))
        .expect(200);
      await t
        .http()
        .post(`/api/v1/tenders/${cancelled.body.id}/publish`)
        .set(...bearer(officer))
        .expect(409);
    });

    it('refuses a draft policy, another buyer’s policy, unknown CPV codes and bad periods', async () => {
      const draft = await t
        .http()
        .post('/api/v1/sroi-policies')
        .set(...bearer(officer))
        .send(policyBody())
        .expect(201);
      expect(
        (
          await t
            .http()
            .post('/api/v1/tenders')
            .set(...bearer(officer))
            .send(tenderBody(draft.body.id))
            .expect(422)
        ).body.code,
      ).toBe('POLICY_NOT_PUBLISHED');
      const foreign = await publishedPolicy(t, otherOfficer);
      expect(
        (
          await t
            .http()
            .post('/api/v1/tenders')
            .set(...bearer(officer))
            .send(tenderBody(foreign))
            .expect(422)
        ).body.code,
      ).toBe('POLICY_NOT_FOUND');
      const policyId = await publishedPolicy(t, officer);
      const cpv = await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send(tenderBody(policyId, { items: [{ description: 'x', cpvCode: '12345678' }] }))
        .expect(400);
      expect(cpv.body.invalidParams[0]).toMatchObject({ name: 'items[0].cpvCode', value: '12345678' });
      await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send(tenderBody(policyId, { contractPeriod: { startDate: '2027-01-01', endDate: '2026-01-01' } }))
        .expect(400);
      await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send(tenderBody(policyId, { mainProcurementCategory: 'food' }))
        .expect(400);
      await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(contractor))
        .send(tenderBody(policyId))
        .expect(403);
    });

    it('awards: contract and obligation in one go, the policy frozen; a later version changes nothing', async () => {
      const policyId = await publishedPolicy(t, officer);
      const { obligationId, tenderId, obligation } = await awardedObligation(t, officer, contractor, {
        policyId,
      });
      expect(obligation).toMatchObject({
        amountCents: 3_000_000,
        percentage: 5,
        applicable: true,
        status: 'open',
        dueDate: '2027-12-31',
      });
      expect((obligation.breakdown as unknown[]).length).toBeGreaterThan(0);
      expect((obligation.breakdown as Record<string, unknown>[])[0]).toEqual(
        expect.objectContaining({
          label: expect.any(String),
          labelNl: expect.any(String),
          labelEn: expect.any(String),
        }),
      );
      const tender = await t.http().get(`/api/v1/tenders/${tenderId}`).expect(200);
      expect(tender.body).toMatchObject({
        status: 'awarded',
        award: { obligationId, contractorOrganisationId: contractor.user.organisationId },
      });
      await t
        .http()
        .post(`/api/v1/tenders/${tenderId}/award`)
        .set(...bearer(officer))
        .send({ contractorOrganisationId: contractor.user.organisationId, contractValueCents: 1 })
        .expect(409);
      await t
        .http()
        .post(`/api/v1/tenders/${tenderId}/cancel`)
        .set(...bearer(officer))
        .expect(409);

      await t
        .http()
        .post(`/api/v1/sroi-policies/${policyId}/versions`)
        .set(...bearer(officer))
        .send(policyBody({ version: 'v2', defaultPercentage: 10 }))
        .expect(201);
      const after = await t
        .http()
        .get(`/api/v1/obligations/${obligationId}`)
        .set(...bearer(contractor))
        .expect(200);
      expect(after.body.amountCents).toBe(3_000_000);
      const contract = await t.ds.getRepository(ContractEntity).findOneByOrFail({ tenderId });
      expect(contract.policySnapshot.defaultPercentage).toBe(5);
    });

    it('gives an obligation of zero with the reason below the threshold', async () => {
      const { obligation } = await awardedObligation(t, officer, contractor, {
        contractValueCents: 9_999_999,
      });
      expect(obligation).toMatchObject({
        applicable: false,
        amountCents: 0,
        reason: 'BELOW_THRESHOLD',
        status: 'fulfilled',
      });
    });

    it('refuses an award to an unknown contractor (422) and by another buyer (404)', async () => {
      const policyId = await publishedPolicy(t, officer);
      const tender = await t
        .http()
        .post('/api/v1/tenders')
        .set(...bearer(officer))
        .send(tenderBody(policyId))
        .expect(201);
      await t
        .http()
        .post(`/api/v1/tenders/${tender.body.id}/publish`)
        .set(...bearer(officer))
        .expect(200);
      const body = { contractorOrganisationId: se.user.organisationId, contractValueCents: 60_000_000 };
      expect(
        (
          await t
            .http()
            .post(`/api/v1/tenders/${tender.body.id}/award`)
            .set(...bearer(officer))
            .send(body)
            .expect(422)
        ).body.code,
      ).toBe('CONTRACTOR_NOT_FOUND');
      await t
        .http()
        .post(`/api/v1/tenders/${tender.body.id}/award`)
        .set(...bearer(otherOfficer))
        .send({ ...body, contractorOrganisationId: contractor.user.organisationId })
        .expect(404);
      expect(await t.ds.getRepository(ContractEntity).countBy({ tenderId: tender.body.id })).toBe(0);
    });
  });

  describe('the whole flow', () => {
    it('placement + purchase + activity, verified by the officer, moves the obligation to met', async () => {
      const { obligationId } = await awardedObligation(t, officer, contractor);
      const url = `/api/v1/obligations/${obligationId}/contributions`;
      const token = `hlm-${uniqueWord()}`;
      const placement = {
        category: 'employment',
        targetGroup: 'participatiewet',
        hoursPerWeek: 24,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        personToken: token,
      };

      const preview = await t
        .http()
        .post(`${url}/preview`)
        .set(...bearer(contractor))
        .send(placement)
        .expect(200);
      expect(preview.body).toMatchObject({ countable: true, claimedValueCents: 2_666_667 });
      expect(await t.ds.getRepository(ContributionEntity).countBy({ obligationId })).toBe(0);

      const p = await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send(placement)
        .expect(201);
      expect(p.body).toMatchObject({ status: 'submitted', claimedValueCents: 2_666_667 });
      const invoice = `F-${uniqueWord()}`;
      const purchase = {
        category: 'social_purchase',
        supplierOrganisationId: se.user.organisationId,
        invoiceNumber: invoice,
        invoiceDate: '2026-03-01',
        amountCents: 300_000,
      };
      const pu = await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send(purchase)
        .expect(201);
      expect(pu.body.claimedValueCents).toBe(300_000);
      const act = await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send({ category: 'social_activity', blockCode: 'ACT_HOUR', quantity: 10, description: 'Gastles' })
        .expect(201);
      expect(act.body.claimedValueCents).toBe(100_000);

      let o = (
        await t
          .http()
          .get(`/api/v1/obligations/${obligationId}`)
          .set(...bearer(contractor))
          .expect(200)
      ).body;
      expect(o).toMatchObject({
        claimedCents: 3_066_667,
        verifiedCents: 0,
        remainingCents: 3_000_000,
        status: 'on_track',
      });

      await t
        .http()
        .post(`/api/v1/contributions/${p.body.id}/review`)
        .set(...bearer(contractor))
        .send({ decision: 'verified' })
        .expect(403);
      await t
        .http()
        .post(`/api/v1/contributions/${p.body.id}/review`)
        .set(...bearer(otherOfficer))
        .send({ decision: 'verified' })
        .expect(404);
      const tooHigh = await t
        .http()
        .post(`/api/v1/contributions/${p.body.id}/review`)
        .set(...bearer(officer))
        .send({ decision: 'verified', verifiedValueCents: 9_999_999 })
        .expect(422);
      expect(tooHigh.body.code).toBe('VERIFIED_VALUE_TOO_HIGH');
      for (const id of [p.body.id, pu.body.id, act.body.id]) {
        await t
          .http()
          .post(`/api/v1/contributions/${id}/review`)
          .set(...bearer(officer))
          .send({ decision: 'verified', note: 'ok' })
          .expect(200);
      }
      expect(
        (
          await t
            .http()
            .post(`/api/v1/contributions/${p.body.id}/review`)
            .set(...bearer(officer))
            .send({ decision: 'rejected' })
            .expect(409)
        ).body.code,
      ).toBe('ALREADY_REVIEWED');

      o = (
        await t
          .http()
          .get(`/api/v1/obligations/${obligationId}`)
          .set(...bearer(officer))
          .expect(200)
      ).body;
      expect(o).toMatchObject({
        claimedCents: 3_066_667,
        verifiedCents: 3_066_667,
        remainingCents: 0,
        status: 'fulfilled',
      });

      const list = await t
        .http()
        .get(url)
        .set(...bearer(officer))
        .expect(200);
      expect(list.body.items).toHaveLength(3);
      const audit = await t
        .http()
        .get('/api/v1/audit-log')
        .query({ limit: 100 })
        .set(...bearer(officer))
        .expect(200);
      const actions = audit.body.items.map(
        (a: { entityType: string; action: string }) => `${a.entityType}:${a.action}`,
      );
      expect(actions).toEqual(
        expect.arrayContaining([
          'tender:award',
          'obligation:create',
          'contract:create',
          'contribution:submit',
          'contribution:review_verified',
          'sroi_policy:publish',
          'tender:publish',
        ]),
      );
      const review = audit.body.items.find(
        (a: { entityId: string; action: string }) =>
          a.entityId === p.body.id && a.action === 'review_verified',
      );
      expect(review).toMatchObject({
        actorUserId: officer.user.id,
        before: { status: 'submitted' },
        after: { status: 'verified' },
      });
      const foreignAudit = await t
        .http()
        .get('/api/v1/audit-log')
        .query({ entityId: p.body.id })
        .set(...bearer(otherOfficer))
        .expect(200);
      expect(foreignAudit.body.items).toEqual([]);
      await t
        .http()
        .get('/api/v1/audit-log')
        .set(...bearer(contractor))
        .expect(403);
    });

    it('refuses what does not count (422) and double counting (409)', async () => {
      const { obligationId } = await awardedObligation(t, officer, contractor);
      const { obligationId: otherObligation } = await awardedObligation(t, officer, otherContractor);
      const url = `/api/v1/obligations/${obligationId}/contributions`;

      const expiring = await register(t, 'social_enterprise');
      await addCertification(
        t,
        expiring,
        { type: 'sw_company', validFrom: '2025-01-01', validUntil: '2026-02-28' },
        officer,
      );
      const late = {
        category: 'social_purchase',
        supplierOrganisationId: expiring.user.organisationId,
        invoiceNumber: `L-${uniqueWord()}`,
        invoiceDate: '2026-03-01',
        amountCents: 50_000,
      };
      const notCountable = await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send(late)
        .expect(422);
      expect(notCountable.body.code).toBe('NOT_COUNTABLE');
      expect(notCountable.body.invalidParams[0].code).toBe('CERTIFICATION_EXPIRED');
      await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send({ ...late, invoiceDate: '2026-02-28' })
        .expect(201);

      const invoice = `INV ${uniqueWord()}`;
      const purchase = {
        category: 'social_purchase',
        supplierOrganisationId: se.user.organisationId,
        invoiceNumber: invoice,
        invoiceDate: '2026-03-01',
        amountCents: 10_000,
      };
      await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send(purchase)
        .expect(201);
      const dup = await t
        .http()
        .post(`/api/v1/obligations/${otherObligation}/contributions`)
        .set(...bearer(otherContractor))
        .send({ ...purchase, invoiceNumber: invoice.toLowerCase().replace(' ', '') })
        .expect(409);
      expect(dup.body.code).toBe('DUPLICATE_INVOICE');

      const token = `tok-${uniqueWord()}`;
      const placement = {
        category: 'employment',
        targetGroup: 'participatiewet',
        hoursPerWeek: 24,
        startDate: '2026-01-01',
        endDate: '2026-06-30',
        personToken: token,
      };
      await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send(placement)
        .expect(201);
      const twice = await t
        .http()
        .post(`/api/v1/obligations/${otherObligation}/contributions`)
        .set(...bearer(otherContractor))
        .send({ ...placement, startDate: '2026-06-01', endDate: '2026-09-30' })
        .expect(409);
      expect(twice.body.code).toBe('PERSON_ALREADY_COUNTED');
      await t
        .http()
        .post(`/api/v1/obligations/${otherObligation}/contributions`)
        .set(...bearer(otherContractor))
        .send({ ...placement, hoursPerWeek: 12 })
        .expect(201);
      await t
        .http()
        .post(`/api/v1/obligations/${otherObligation}/contributions`)
        .set(...bearer(otherContractor))
        .send({ ...placement, startDate: '2026-07-01', endDate: '2026-12-31' })
        .expect(201);

      for (const personToken of ['123456782', '12345678', 'JanJansen']) {
        const res = await t
          .http()
          .post(url)
          .set(...bearer(contractor))
          .send({ ...placement, personToken })
          .expect(400);
        expect(res.body.code).toBe('PERSON_TOKEN_LOOKS_PERSONAL');
      }
      const email = await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send({ ...placement, personToken: 'jan@example.nl' })
        .expect(400);
      expect(email.body.invalidParams[0].name).toBe('personToken');
      const unknownBlock = await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send({ category: 'social_activity', blockCode: 'NOPE', quantity: 1, description: 'x' })
        .expect(422);
      expect(unknownBlock.body.invalidParams[0].code).toBe('BLOCK_NOT_FOUND');
      await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send({
          category: 'social_purchase',
          supplierOrganisationId: '00000000-0000-4000-8000-000000000000',
          invoiceNumber: 'x',
          invoiceDate: '2026-03-01',
          amountCents: 1,
        })
        .expect(422);
      await t
        .http()
        .post(url)
        .set(...bearer(contractor))
        .send({ ...placement, name: 'Jan' })
        .expect(400);
    });

    it('keeps obligations to their officer and contractor (404 for everyone else)', async () => {
      const { obligationId } = await awardedObligation(t, officer, contractor);
      await t
        .http()
        .get(`/api/v1/obligations/${obligationId}`)
        .set(...bearer(otherContractor))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/obligations/${obligationId}`)
        .set(...bearer(otherOfficer))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/obligations/${obligationId}`)
        .set(...bearer(se))
        .expect(403);
      await t
        .http()
        .get(`/api/v1/obligations/${obligationId}/contributions`)
        .set(...bearer(otherContractor))
        .expect(404);
      await t
        .http()
        .post(`/api/v1/obligations/${obligationId}/contributions`)
        .set(...bearer(otherContractor))
        .send({ category: 'social_activity', blockCode: 'ACT_HOUR', quantity: 1, description: 'x' })
        .expect(404);
      await t
        .http()
        .post(`/api/v1/obligations/${obligationId}/contributions`)
        .set(...bearer(officer))
        .send({})
        .expect(403);
      const mine = await t
        .http()
        .get('/api/v1/obligations')
        .query({ limit: 100 })
        .set(...bearer(otherContractor))
        .expect(200);
      expect(mine.body.items.map((o: { id: string }) => o.id)).not.toContain(obligationId);
      const buyers = await t
        .http()
        .get('/api/v1/obligations')
        .query({ limit: 100 })
        .set(...bearer(officer))
        .expect(200);
      expect(buyers.body.items.map((o: { id: string }) => o.id)).toContain(obligationId);
    });

    it('waives an obligation with a reason', async () => {
      const { obligationId } = await awardedObligation(t, officer, contractor);
      await t
        .http()
        .post(`/api/v1/obligations/${obligationId}/waive`)
        .set(...bearer(contractor))
        .send({ reason: 'x' })
        .expect(403);
      const res = await t
        .http()
        .post(`/api/v1/obligations/${obligationId}/waive`)
        .set(...bearer(officer))
        .send({ reason: 'Contract early terminated' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'waived', waivedReason: 'Contract early terminated' });
      await t
        .http()
        .post(`/api/v1/obligations/${obligationId}/waive`)
        .set(...bearer(officer))
        .send({ reason: 'again' })
        .expect(409);
      const row = await t.ds.getRepository(ObligationEntity).findOneByOrFail({ id: obligationId });
      expect(row.waivedAt).not.toBeNull();
    });
  });

  it('pages lists newest first with a keyset cursor and rejects bad cursors', async () => {
    const policyId = await publishedPolicy(t, officer);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        (
          await t
            .http()
            .post('/api/v1/tenders')
            .set(...bearer(officer))
            .send(tenderBody(policyId))
            .expect(201)
        ).body.id,
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/v1/tenders')
        .query({ status: 'draft', limit: 2, ...(cursor ? { cursor } : {}) })
        .set(...bearer(officer))
        .expect(200);
      seen.push(...page.body.items.map((x) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 3)).toEqual([...ids].reverse());
    const bad = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    expect((await t.http().get('/api/v1/tenders').query({ cursor: bad }).expect(400)).body.code).toBe(
      'INVALID_CURSOR',
    );
    await t
      .http()
      .get('/api/v1/obligations')
      .query({ cursor: 'garbage' })
      .set(...bearer(officer))
      .expect(400);
  });

  it('keeps the invariants under 50 concurrent submissions', async () => {
    const { obligationId } = await awardedObligation(t, officer, contractor);
    const { obligationId: other } = await awardedObligation(t, officer, otherContractor);
    const invoice = `RACE-${uniqueWord()}`;
    const token = `race-${uniqueWord()}`;
    const requests = Array.from({ length: 50 }, (_, i) => {
      const [obl, who] = i % 2 === 0 ? [obligationId, contractor] : [other, otherContractor];
      const body =
        i < 25
          ? {
              category: 'social_purchase',
              supplierOrganisationId: se.user.organisationId,
              invoiceNumber: invoice,
              invoiceDate: '2026-03-01',
              amountCents: 1_000,
            }
          : {
              category: 'employment',
              targetGroup: 'participatiewet',
              hoursPerWeek: 12,
              startDate: '2026-01-01',
              endDate: '2026-12-31',
              personToken: token,
            };
      return t
        .http()
        .post(`/api/v1/obligations/${obl}/contributions`)
        .set(...bearer(who))
        .send(body);
    });
    const results = await Promise.all(requests);
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const purchases = await t.ds
      .getRepository(ContributionEntity)
      .countBy({ invoiceKey: invoice.toUpperCase() });
    const placements = await t.ds.getRepository(ContributionEntity).countBy({ personToken: token });
    expect(purchases).toBe(1);
    // 12 of 36 hours each: exactly three fit in full time.
    expect(placements).toBe(3);
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(
      results
        .filter((r) => r.status === 409)
        .map((r) => r.body.code)
        .sort(),
    ).toEqual([...Array(24).fill('DUPLICATE_INVOICE'), ...Array(22).fill('PERSON_ALREADY_COUNTED')]);
  });
});
