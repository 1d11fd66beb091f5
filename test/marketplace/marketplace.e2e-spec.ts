import { todayInNl } from '@app/common';
import {
  AuditLogEntity,
  ContributionEntity,
  InvoiceEntity,
  OutboxMessageEntity,
  PurchaseOrderEntity,
  QuoteRequestEntity,
} from '@app/database';
import { addDays } from '@app/domain';
import { createTestApp, TestApp } from '../support/app';
import {
  addCertification,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
} from '../support/factories';
import { awardedObligation } from '../support/procurement';

// Many sign-ups (argon2) before the first test on a shared 2-core machine: the project's testTimeout is not
// applied per project by Jest, so the suite sets its own.
jest.setTimeout(120_000);

/** A response body: its id, and anything else asserted on as it comes. */
type Body = { id: string } & Record<string, unknown>;

const today = todayInNl();
// The contract runs around today, so "today" valuations (projected credit) fall inside its period.
const contractPeriod = { startDate: addDays(today, -365), endDate: addDays(today, 365) };

describe('Marketplace: quote requests, quotes, orders and invoices (e2e)', () => {
  let t: TestApp;
  let officer: Session;
  let otherOfficer: Session;
  let contractor: Session;
  let otherContractor: Session;
  let se: Session;
  let otherSe: Session;
  let uncertifiedSe: Session;
  let rejectedSe: Session;
  let obligationId: string;
  let offeringId: string;
  let invoiceCounter = 0;

  const invoiceNumber = (): string => `MKT-${process.pid}-${Date.now()}-${++invoiceCounter}`;

  const ask = async (who: Session = contractor, over: Record<string, unknown> = {}): Promise<Body> =>
    (
      await t
        .http()
        .post('/api/v1/quote-requests')
        .set(...bearer(who))
        .send({ obligationId, offeringId, description: 'Schoonmaak van de bouwketen', ...over })
        .expect(201)
    ).body;

  const quote = async (
    requestId: string,
    who: Session = se,
    over: Record<string, unknown> = {},
  ): Promise<Body> =>
    (
      await t
        .http()
        .post(`/api/v1/quote-requests/${requestId}/quotes`)
        .set(...bearer(who))
        .send({ amountCents: 1_250_000, validUntil: addDays(today, 30), ...over })
        .expect(201)
    ).body;

  const accept = async (quoteId: string, who: Session = contractor): Promise<Body> =>
    (
      await t
        .http()
        .post(`/api/v1/quotes/${quoteId}/accept`)
        .set(...bearer(who))
        .expect(201)
    ).body;

  /** request → quote → accept, for an offering of `enterprise`: returns the order. */
  const order = async (enterprise: Session = se, offering = offeringId): Promise<Body> => {
    const r = await ask(contractor, { offeringId: offering });
    const q = await quote(r.id, enterprise);
    return accept(q.id);
  };

  const obligation = async (): Promise<Body> =>
    (
      await t
        .http()
        .get(`/api/v1/obligations/${obligationId}`)
        .set(...bearer(officer))
        .expect(200)
    ).body;

  beforeAll(async () => {
    t = await createTestApp();
    officer = (await createBuyerWithOfficer(t)).officer;
    otherOfficer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    otherContractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    otherSe = await register(t, 'social_enterprise');
    uncertifiedSe = await register(t, 'social_enterprise');
    rejectedSe = await register(t, 'social_enterprise');
    const validity = { validFrom: addDays(today, -400), validUntil: addDays(today, 400) };
    await addCertification(t, se, { type: 'pso_30plus', ...validity }, officer);
    await addCertification(t, otherSe, { type: 'pso_30plus', ...validity }, officer);
    await addCertification(t, rejectedSe, { type: 'pso_30plus', ...validity }, officer, 'rejected');
    ({ obligationId } = await awardedObligation(t, officer, contractor, {
      contractValueCents: 60_000_000,
      tender: { contractPeriod },
    }));
    offeringId = (await createOffering(t, se, { labourShare: 0.6 })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs the whole flow: request, quote, order, invoice, a contribution the officer verifies, completion', async () => {
    const before = await obligation();
    expect(before).toMatchObject({ amountCents: 3_000_000, claimedCents: 0, verifiedCents: 0 });

    const request = await ask(contractor, { budgetCents: 1_500_000, neededBy: addDays(today, 60) });
    expect(request).toMatchObject({
      status: 'open',
      obligationId,
      offeringId,
      socialEnterpriseId: se.user.organisationId,
      contractorOrganisationId: contractor.user.organisationId,
      budgetCents: 1_500_000,
      quotes: [],
    });
    const seen = await t
      .http()
      .get(`/api/v1/quote-requests/${request.id}`)
      .set(...bearer(se))
      .expect(200);
    expect(seen.body.status).toBe('open');

    const q = await quote(request.id, se, { message: 'Inclusief materiaal' });
    // full_invoice policy: the whole amount counts, well below the EUR 30,000 still lacking.
    expect(q).toMatchObject({
      status: 'open',
      amountCents: 1_250_000,
      validUntil: addDays(today, 30),
      projectedCreditCents: 1_250_000,
      expired: false,
    });
    const withQuote = await t
      .http()
      .get(`/api/v1/quote-requests/${request.id}`)
      .set(...bearer(contractor))
      .expect(200);
    expect(withQuote.body.status).toBe('quoted');
    expect(withQuote.body.answeredAt).not.toBeNull();
    expect(withQuote.body.quotes.map((x: { id: string }) => x.id)).toEqual([q.id]);

    const o = await accept(q.id);
    expect(o).toEqual(
      expect.objectContaining({
        status: 'open',
        quoteId: q.id,
        obligationId,
        socialEnterpriseId: se.user.organisationId,
        amountCents: 1_250_000,
        invoices: [],
      }),
    );

    const number = invoiceNumber();
    const inv = await t
      .http()
      .post(`/api/v1/orders/${o.id}/invoices`)
      .set(...bearer(se))
      .send({ invoiceNumber: number, invoiceDate: today, amountCents: 1_000_000 })
      .expect(201);
    expect(inv.body).toMatchObject({
      invoiceNumber: number,
      amountCents: 1_000_000,
      contribution: { status: 'submitted', claimedValueCents: 1_000_000 },
    });
    expect(inv.body.contribution.breakdown.map((l: { code: string }) => l.code)).toEqual(
      expect.arrayContaining(['INVOICE', 'CERTIFICATION', 'MODE_FULL_INVOICE']),
    );

    // The contribution sits under the obligation like any other, linked back to the order.
    const row = await t.ds
      .getRepository(ContributionEntity)
      .findOneByOrFail({ id: inv.body.contribution.id });
    expect(row).toMatchObject({
      obligationId,
      category: 'social_purchase',
      status: 'submitted',
      orderId: o.id,
      supplierOrganisationId: se.user.organisationId,
      submittedBy: se.user.id,
    });
    expect(row.body).toMatchObject({ invoiceNumber: number, invoiceDate: today, labourShare: 0.6 });
    const invoiceRow = await t.ds.getRepository(InvoiceEntity).findOneByOrFail({ id: inv.body.id });
    expect(invoiceRow.contributionId).toBe(row.id);
    const listed = await t
      .http()
      .get(`/api/v1/obligations/${obligationId}/contributions`)
      .set(...bearer(officer))
      .expect(200);
    expect(listed.body.items.find((c: { id: string }) => c.id === row.id)).toMatchObject({
      category: 'social_purchase',
      status: 'submitted',
      orderId: o.id,
    });
    expect(await obligation()).toMatchObject({ claimedCents: 1_000_000, verifiedCents: 0 });

    await t
      .http()
      .post(`/api/v1/contributions/${row.id}/review`)
      .set(...bearer(officer))
      .send({ decision: 'verified' })
      .expect(200);
    expect(await obligation()).toMatchObject({
      claimedCents: 1_000_000,
      verifiedCents: 1_000_000,
      remainingCents: 2_000_000,
    });

    const fetched = await t
      .http()
      .get(`/api/v1/orders/${o.id}`)
      .set(...bearer(contractor))
      .expect(200);
    expect(fetched.body).toMatchObject({ status: 'open', invoicedCents: 1_000_000 });
    expect(fetched.body.invoices).toHaveLength(1);
    expect(fetched.body.invoices[0].contribution).toMatchObject({
      status: 'verified',
      verifiedValueCents: 1_000_000,
    });

    // A second quote is valued against what is still lacking: EUR 20,000 after the verified EUR 10,000.
    const second = await ask();
    expect((await quote(second.id, se, { amountCents: 5_000_000 })).projectedCreditCents).toBe(2_000_000);

    const done = await t
      .http()
      .post(`/api/v1/orders/${o.id}/complete`)
      .set(...bearer(contractor))
      .expect(200);
    expect(done.body.status).toBe('completed');
    expect(done.body.completedAt).not.toBeNull();

    // Every step told the other party through the outbox, deduplicated by key.
    const notes = await t.ds
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('m')
      .where("m.job_name = 'notify'")
      .andWhere("m.payload->>'dedupeKey' IN (:...keys)", {
        keys: [
          `quote_request_received-${request.id}`,
          `quote_received-${q.id}`,
          `order_created-${o.id}`,
          `invoice_received-${inv.body.id}`,
          `order_completed-${o.id}`,
          `contribution-submitted-${row.id}`,
        ],
      })
      .getMany();
    const to = Object.fromEntries(
      notes.map((n) => [
        (n.payload as { kind: string }).kind,
        (n.payload as { organisationId: string }).organisationId,
      ]),
    );
    expect(to).toEqual({
      quote_request_received: se.user.organisationId,
      quote_received: contractor.user.organisationId,
      order_created: se.user.organisationId,
      invoice_received: contractor.user.organisationId,
      order_completed: se.user.organisationId,
      contribution_submitted: officer.user.organisationId,
    });

    // Every status change is audited in the buyer's trail.
    const audit = await t.ds.getRepository(AuditLogEntity).find({
      where: [{ entityId: request.id }, { entityId: q.id }, { entityId: o.id }, { entityId: inv.body.id }],
      order: { id: 'ASC' },
    });
    expect(audit.map((a) => `${a.entityType}:${a.action}`)).toEqual([
      'quote_request:create',
      'quote_request:quote',
      'quote:create',
      'quote:accept',
      'quote_request:order',
      'purchase_order:create',
      'invoice:create',
      'purchase_order:complete',
    ]);
    expect(audit.every((a) => a.buyerOrganisationId === officer.user.organisationId)).toBe(true);
  });

  it('refuses every illegal move with 409 ILLEGAL_TRANSITION', async () => {
    const expect409 = async (req: Promise<{ body: { code: string } }>): Promise<void> => {
      expect((await req).body.code).toBe('ILLEGAL_TRANSITION');
    };
    // A declined request takes no quote and no second decline.
    const declined = await ask();
    const d = await t
      .http()
      .post(`/api/v1/quote-requests/${declined.id}/decline`)
      .set(...bearer(se))
      .send({ reason: 'Geen capaciteit' })
      .expect(200);
    expect(d.body).toMatchObject({ status: 'declined', declineReason: 'Geen capaciteit' });
    await expect409(
      t
        .http()
        .post(`/api/v1/quote-requests/${declined.id}/quotes`)
        .set(...bearer(se))
        .send({ amountCents: 100, validUntil: today })
        .expect(409),
    );
    await expect409(
      t
        .http()
        .post(`/api/v1/quote-requests/${declined.id}/decline`)
        .set(...bearer(se))
        .expect(409),
    );

    // A quoted request cannot be declined; a newer quote supersedes the open one, which can no longer be accepted.
    const r = await ask();
    const first = await quote(r.id);
    await expect409(
      t
        .http()
        .post(`/api/v1/quote-requests/${r.id}/decline`)
        .set(...bearer(se))
        .send({})
        .expect(409),
    );
    const second = await quote(r.id, se, { amountCents: 900_000 });
    await expect409(
      t
        .http()
        .post(`/api/v1/quotes/${first.id}/accept`)
        .set(...bearer(contractor))
        .expect(409),
    );
    const reread = await t
      .http()
      .get(`/api/v1/quote-requests/${r.id}`)
      .set(...bearer(contractor))
      .expect(200);
    expect(reread.body.quotes.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [second.id, 'open'],
      [first.id, 'superseded'],
    ]);

    // A rejected quote cannot be accepted or rejected again; the enterprise may quote anew.
    const rejected = await t
      .http()
      .post(`/api/v1/quotes/${second.id}/reject`)
      .set(...bearer(contractor))
      .expect(200);
    expect(rejected.body.status).toBe('rejected');
    await expect409(
      t
        .http()
        .post(`/api/v1/quotes/${second.id}/accept`)
        .set(...bearer(contractor))
        .expect(409),
    );
    await expect409(
      t
        .http()
        .post(`/api/v1/quotes/${second.id}/reject`)
        .set(...bearer(contractor))
        .expect(409),
    );
    const third = await quote(r.id);

    // Double acceptance: one order; the second accept and a reject after it are 409; the ordered request takes no quote.
    const o = await accept(third.id);
    await expect409(
      t
        .http()
        .post(`/api/v1/quotes/${third.id}/accept`)
        .set(...bearer(contractor))
        .expect(409),
    );
    await expect409(
      t
        .http()
        .post(`/api/v1/quotes/${third.id}/reject`)
        .set(...bearer(contractor))
        .expect(409),
    );
    await expect409(
      t
        .http()
        .post(`/api/v1/quote-requests/${r.id}/quotes`)
        .set(...bearer(se))
        .send({ amountCents: 100, validUntil: today })
        .expect(409),
    );
    await expect409(
      t
        .http()
        .post(`/api/v1/quote-requests/${r.id}/decline`)
        .set(...bearer(se))
        .send({})
        .expect(409),
    );
    expect(await t.ds.getRepository(PurchaseOrderEntity).countBy({ quoteRequestId: r.id })).toBe(1);

    // A completed order takes no second completion and no invoice.
    await t
      .http()
      .post(`/api/v1/orders/${o.id}/complete`)
      .set(...bearer(contractor))
      .expect(200);
    await expect409(
      t
        .http()
        .post(`/api/v1/orders/${o.id}/complete`)
        .set(...bearer(contractor))
        .expect(409),
    );
    await expect409(
      t
        .http()
        .post(`/api/v1/orders/${o.id}/invoices`)
        .set(...bearer(se))
        .send({ invoiceNumber: invoiceNumber(), invoiceDate: today, amountCents: 100 })
        .expect(409),
    );
    expect(await t.ds.getRepository(InvoiceEntity).countBy({ orderId: o.id })).toBe(0);
  });

  it('answers concurrent acceptances of one quote with one order', async () => {
    const r = await ask();
    const q = await quote(r.id);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        t
          .http()
          .post(`/api/v1/quotes/${q.id}/accept`)
          .set(...bearer(contractor)),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(await t.ds.getRepository(PurchaseOrderEntity).countBy({ quoteId: q.id })).toBe(1);
  });

  it('refuses an expired quote with 422 QUOTE_EXPIRED (it can still be rejected)', async () => {
    const r = await ask();
    const lastDay = await quote(r.id, se, { validUntil: today });
    expect(lastDay.expired).toBe(false);
    const r2 = await ask();
    const past = await quote(r2.id, se, { validUntil: addDays(today, -1) });
    expect(past.expired).toBe(true);
    const res = await t
      .http()
      .post(`/api/v1/quotes/${past.id}/accept`)
      .set(...bearer(contractor))
      .expect(422);
    expect(res.body.code).toBe('QUOTE_EXPIRED');
    expect(await t.ds.getRepository(PurchaseOrderEntity).countBy({ quoteId: past.id })).toBe(0);
    expect((await t.ds.getRepository(QuoteRequestEntity).findOneByOrFail({ id: r2.id })).status).toBe(
      'quoted',
    );
    await t
      .http()
      .post(`/api/v1/quotes/${past.id}/reject`)
      .set(...bearer(contractor))
      .expect(200);
    // Accepted on its last day.
    await accept(lastDay.id);
  });

  it('counts an invoice once platform-wide: 409 DUPLICATE_INVOICE, also under 50 concurrent requests', async () => {
    const o = await order();
    const number = invoiceNumber();
    const body = { invoiceNumber: number, invoiceDate: today, amountCents: 10_000 };
    await t
      .http()
      .post(`/api/v1/orders/${o.id}/invoices`)
      .set(...bearer(se))
      .send(body)
      .expect(201);
    // Spaces and case do not make another invoice.
    const dup = await t
      .http()
      .post(`/api/v1/orders/${o.id}/invoices`)
      .set(...bearer(se))
      .send({ ...body, invoiceNumber: ` ${number.toLowerCase().replace('-', ' - ')}` })
      .expect(409);
    expect(dup.body.code).toBe('DUPLICATE_INVOICE');
    // The contractor cannot count the same invoice again by hand either.
    const byHand = await t
      .http()
      .post(`/api/v1/obligations/${obligationId}/contributions`)
      .set(...bearer(contractor))
      .send({ category: 'social_purchase', supplierOrganisationId: se.user.organisationId, ...body })
      .expect(409);
    expect(byHand.body.code).toBe('DUPLICATE_INVOICE');

    const o2 = await order();
    const racing = { invoiceNumber: invoiceNumber(), invoiceDate: today, amountCents: 10_000 };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t
          .http()
          .post(`/api/v1/orders/${o2.id}/invoices`)
          .set(...bearer(se))
          .send(racing),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'DUPLICATE_INVOICE')).toBe(
      true,
    );
    expect(await t.ds.getRepository(InvoiceEntity).countBy({ orderId: o2.id })).toBe(1);
    expect(await t.ds.getRepository(ContributionEntity).countBy({ orderId: o2.id })).toBe(1);
  });

  it('answers 422 NOT_COUNTABLE with the reason when the certificate does not hold, and saves nothing', async () => {
    const cases: [Session, string][] = [
      [uncertifiedSe, 'SUPPLIER_NOT_CERTIFIED'],
      [rejectedSe, 'CERTIFICATION_REJECTED'],
    ];
    for (const [enterprise, reason] of cases) {
      const offering = (await createOffering(t, enterprise)).id;
      const r = await ask(contractor, { offeringId: offering });
      const q = await quote(r.id, enterprise);
      expect(q.projectedCreditCents).toBe(0);
      const o = await accept(q.id);
      const res = await t
        .http()
        .post(`/api/v1/orders/${o.id}/invoices`)
        .set(...bearer(enterprise))
        .send({ invoiceNumber: invoiceNumber(), invoiceDate: today, amountCents: 50_000 })
        .expect(422);
      expect(res.body.code).toBe('NOT_COUNTABLE');
      expect(res.body.invalidParams[0].code).toBe(reason);
      expect(await t.ds.getRepository(InvoiceEntity).countBy({ orderId: o.id })).toBe(0);
      expect(await t.ds.getRepository(ContributionEntity).countBy({ orderId: o.id })).toBe(0);
    }
    // The officer rejects the certificate after the order: the next invoice no longer counts.
    const revoked = await register(t, 'social_enterprise');
    const cert = await addCertification(
      t,
      revoked,
      { type: 'pso_30plus', validFrom: addDays(today, -100), validUntil: addDays(today, 400) },
      officer,
    );
    const revokedOrder = await order(revoked, (await createOffering(t, revoked)).id);
    await t
      .http()
      .post(`/api/v1/certifications/${cert.id}/verification`)
      .set(...bearer(officer))
      .send({ decision: 'rejected' })
      .expect(200);
    const afterRejection = await t
      .http()
      .post(`/api/v1/orders/${revokedOrder.id}/invoices`)
      .set(...bearer(revoked))
      .send({ invoiceNumber: invoiceNumber(), invoiceDate: today, amountCents: 50_000 })
      .expect(422);
    expect(afterRejection.body).toMatchObject({
      code: 'NOT_COUNTABLE',
      invalidParams: [{ code: 'CERTIFICATION_REJECTED' }],
    });

    // An invoice dated before the certificate's validity does not count either.
    const late = await register(t, 'social_enterprise');
    await addCertification(
      t,
      late,
      { type: 'pso_30plus', validFrom: addDays(today, -100), validUntil: addDays(today, 400) },
      officer,
    );
    const o = await order(late, (await createOffering(t, late)).id);
    const early = await t
      .http()
      .post(`/api/v1/orders/${o.id}/invoices`)
      .set(...bearer(late))
      .send({ invoiceNumber: invoiceNumber(), invoiceDate: addDays(today, -200), amountCents: 50_000 })
      .expect(422);
    expect(early.body.code).toBe('NOT_COUNTABLE');
    expect(early.body.invalidParams[0].code).toBe('CERTIFICATION_NOT_YET_VALID');
  });

  it('answers 404 to strangers, 403 to the wrong side and 401 without a token', async () => {
    const r = await ask();
    const q = await quote(r.id);
    const o = await accept(q.id);
    const r2 = await ask();
    const q2 = await quote(r2.id);

    for (const stranger of [otherContractor, otherSe, otherOfficer]) {
      await t
        .http()
        .get(`/api/v1/quote-requests/${r.id}`)
        .set(...bearer(stranger))
        .expect(404);
      await t
        .http()
        .get(`/api/v1/orders/${o.id}`)
        .set(...bearer(stranger))
        .expect(404);
      const lists = await Promise.all([
        t
          .http()
          .get('/api/v1/quote-requests')
          .set(...bearer(stranger))
          .expect(200),
        t
          .http()
          .get('/api/v1/orders')
          .set(...bearer(stranger))
          .expect(200),
      ]);
      for (const list of lists) expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(r.id);
    }
    const notFound = await t
      .http()
      .post(`/api/v1/quotes/${q2.id}/accept`)
      .set(...bearer(otherContractor))
      .expect(404);
    expect(notFound.body.code).toBe('QUOTE_NOT_FOUND');
    await t
      .http()
      .post(`/api/v1/quotes/${q2.id}/reject`)
      .set(...bearer(otherContractor))
      .expect(404);
    await t
      .http()
      .post(`/api/v1/quote-requests/${r2.id}/decline`)
      .set(...bearer(otherSe))
      .send({})
      .expect(404);
    await t
      .http()
      .post(`/api/v1/quote-requests/${r2.id}/quotes`)
      .set(...bearer(otherSe))
      .send({ amountCents: 100, validUntil: today })
      .expect(404);
    const noOrder = await t
      .http()
      .post(`/api/v1/orders/${o.id}/invoices`)
      .set(...bearer(otherSe))
      .send({ invoiceNumber: invoiceNumber(), invoiceDate: today, amountCents: 100 })
      .expect(404);
    expect(noOrder.body.code).toBe('ORDER_NOT_FOUND');
    await t
      .http()
      .post(`/api/v1/orders/${o.id}/complete`)
      .set(...bearer(otherContractor))
      .expect(404);

    // Someone else's obligation, and an unknown offering.
    const notMine = await t
      .http()
      .post('/api/v1/quote-requests')
      .set(...bearer(otherContractor))
      .send({ obligationId, offeringId, description: 'x' })
      .expect(404);
    expect(notMine.body.code).toBe('OBLIGATION_NOT_FOUND');
    const noOffering = await t
      .http()
      .post('/api/v1/quote-requests')
      .set(...bearer(contractor))
      .send({ obligationId, offeringId: obligationId, description: 'x' })
      .expect(404);
    expect(noOffering.body.code).toBe('OFFERING_NOT_FOUND');

    // The wrong role for the step: the contractor cannot invoice, the enterprise cannot accept.
    await t
      .http()
      .post(`/api/v1/orders/${o.id}/invoices`)
      .set(...bearer(contractor))
      .send({ invoiceNumber: invoiceNumber(), invoiceDate: today, amountCents: 100 })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/quotes/${q2.id}/accept`)
      .set(...bearer(se))
      .expect(403);
    await t
      .http()
      .post(`/api/v1/orders/${o.id}/complete`)
      .set(...bearer(se))
      .expect(403);
    await t
      .http()
      .post(`/api/v1/quote-requests/${r2.id}/decline`)
      .set(...bearer(contractor))
      .send({})
      .expect(403);

    // Anonymous.
    await t.http().get('/api/v1/quote-requests').expect(401);
    await t.http().get(`/api/v1/orders/${o.id}`).expect(401);
    await t.http().post(`/api/v1/quotes/${q2.id}/accept`).expect(401);
    await t
      .http()
      .post('/api/v1/quote-requests')
      .send({ obligationId, offeringId, description: 'x' })
      .expect(401);

    expect((await t.ds.getRepository(QuoteRequestEntity).findOneByOrFail({ id: r2.id })).status).toBe(
      'quoted',
    );
    expect(await t.ds.getRepository(InvoiceEntity).countBy({ orderId: o.id })).toBe(0);
  });

  it("lets the obligation's officers read, never act", async () => {
    const r = await ask();
    const q = await quote(r.id);
    const o = await accept(q.id);
    const r2 = await ask();
    const q2 = await quote(r2.id);

    const request = await t
      .http()
      .get(`/api/v1/quote-requests/${r.id}`)
      .set(...bearer(officer))
      .expect(200);
    expect(request.body.quotes[0].id).toBe(q.id);
    await t
      .http()
      .get(`/api/v1/orders/${o.id}`)
      .set(...bearer(officer))
      .expect(200);
    const list = await t
      .http()
      .get(`/api/v1/quote-requests?obligationId=${obligationId}&limit=100`)
      .set(...bearer(officer))
      .expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([r.id, r2.id]));
    const orders = await t
      .http()
      .get('/api/v1/orders?limit=100')
      .set(...bearer(officer))
      .expect(200);
    expect(orders.body.items.map((x: { id: string }) => x.id)).toContain(o.id);

    await t
      .http()
      .post('/api/v1/quote-requests')
      .set(...bearer(officer))
      .send({ obligationId, offeringId, description: 'x' })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/quote-requests/${r2.id}/decline`)
      .set(...bearer(officer))
      .send({})
      .expect(403);
    await t
      .http()
      .post(`/api/v1/quote-requests/${r2.id}/quotes`)
      .set(...bearer(officer))
      .send({ amountCents: 100, validUntil: today })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/quotes/${q2.id}/accept`)
      .set(...bearer(officer))
      .expect(403);
    await t
      .http()
      .post(`/api/v1/quotes/${q2.id}/reject`)
      .set(...bearer(officer))
      .expect(403);
    await t
      .http()
      .post(`/api/v1/orders/${o.id}/invoices`)
      .set(...bearer(officer))
      .send({ invoiceNumber: invoiceNumber(), invoiceDate: today, amountCents: 100 })
      .expect(403);
    await t
      .http()
      .post(`/api/v1/orders/${o.id}/complete`)
      .set(...bearer(officer))
      .expect(403);
    expect((await t.ds.getRepository(QuoteRequestEntity).findOneByOrFail({ id: r2.id })).status).toBe(
      'quoted',
    );
    expect((await t.ds.getRepository(PurchaseOrderEntity).findOneByOrFail({ id: o.id })).status).toBe('open');
  });

  it("re-scores the obligation's matches when a request is made or answered (responsiveness)", async () => {
    // Matching collapses changes into the pending revision; mark it started so each step must raise a new one.
    const revision = async (): Promise<number> => {
      // TypeORM answers an UPDATE with [rows, count].
      const [[row]] = await t.ds.query(
        `UPDATE match_state SET started_revision = requested_revision
          WHERE subject_type = 'obligation' AND subject_id = $1 RETURNING requested_revision`,
        [obligationId],
      );
      return (row?.requested_revision as number | undefined) ?? 0;
    };
    const before = await revision();
    const r = await ask();
    const asked = await revision();
    expect(asked).toBeGreaterThan(before);
    await t
      .http()
      .post(`/api/v1/quote-requests/${r.id}/decline`)
      .set(...bearer(se))
      .expect(200);
    expect(await revision()).toBeGreaterThan(asked);
    const jobs = await t.ds
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('m')
      .where("m.job_name = 'score-obligation'")
      .andWhere("m.payload->>'obligationId' = :obligationId", { obligationId })
      .getCount();
    expect(jobs).toBeGreaterThanOrEqual(2);
  });

  it('keeps a request and its order when the enterprise deletes the offering', async () => {
    const offering = await createOffering(t, se, { title: 'Tijdelijk aanbod' });
    const r = await ask(contractor, { offeringId: offering.id });
    const o = await accept((await quote(r.id)).id);
    await t
      .http()
      .delete(`/api/v1/offerings/${offering.id}`)
      .set(...bearer(se))
      .expect(204);
    const after = await t
      .http()
      .get(`/api/v1/quote-requests/${r.id}`)
      .set(...bearer(contractor))
      .expect(200);
    expect(after.body).toMatchObject({
      offeringId: null,
      offeringTitle: 'Tijdelijk aanbod',
      status: 'ordered',
    });
    await t
      .http()
      .post(`/api/v1/orders/${o.id}/invoices`)
      .set(...bearer(se))
      .send({ invoiceNumber: invoiceNumber(), invoiceDate: today, amountCents: 20_000 })
      .expect(201);
  });

  it('lists with keyset pagination, filters and validates input', async () => {
    for (let i = 0; i < 4; i += 1) await ask();
    const declined = await ask();
    await t
      .http()
      .post(`/api/v1/quote-requests/${declined.id}/decline`)
      .set(...bearer(se))
      .expect(200);
    const completed = await order();
    await t
      .http()
      .post(`/api/v1/orders/${completed.id}/complete`)
      .set(...bearer(contractor))
      .expect(200);

    const mine = await t
      .http()
      .get('/api/v1/quote-requests?limit=2')
      .set(...bearer(contractor))
      .expect(200);
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.nextCursor).toEqual(expect.any(String));
    const next = await t
      .http()
      .get(`/api/v1/quote-requests?limit=2&cursor=${mine.body.nextCursor}`)
      .set(...bearer(contractor))
      .expect(200);
    const ids = [...mine.body.items, ...next.body.items].map((x: { id: string }) => x.id);
    expect(new Set(ids).size).toBe(4);
    const received = await t
      .http()
      .get('/api/v1/quote-requests?status=declined')
      .set(...bearer(se))
      .expect(200);
    expect(received.body.items.map((x: { id: string }) => x.id)).toContain(declined.id);
    expect(received.body.items.every((x: { status: string }) => x.status === 'declined')).toBe(true);
    const finished = await t
      .http()
      .get('/api/v1/orders?status=completed&limit=100')
      .set(...bearer(se))
      .expect(200);
    expect(finished.body.items.map((x: { id: string }) => x.id)).toContain(completed.id);
    expect(finished.body.items.every((x: { status: string }) => x.status === 'completed')).toBe(true);

    const bad = await t
      .http()
      .post('/api/v1/quote-requests')
      .set(...bearer(contractor))
      .send({ obligationId, offeringId, description: '', budgetCents: -1, neededBy: '2026-02-30', extra: 1 })
      .expect(400);
    expect(bad.body.invalidParams.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining(['description', 'budgetCents', 'neededBy', 'extra']),
    );
    const r = await ask();
    await t
      .http()
      .post(`/api/v1/quote-requests/${r.id}/quotes`)
      .set(...bearer(se))
      .send({ amountCents: 1.5, validUntil: 'tomorrow' })
      .expect(400);
    await t
      .http()
      .get('/api/v1/quote-requests/not-a-uuid')
      .set(...bearer(se))
      .expect(400);
    await t
      .http()
      .get('/api/v1/orders?cursor=garbage')
      .set(...bearer(se))
      .expect(400);
    await t
      .http()
      .get('/api/v1/quote-requests?status=bogus')
      .set(...bearer(se))
      .expect(400);
  });
});
