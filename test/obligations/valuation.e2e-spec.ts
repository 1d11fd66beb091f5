import { todayInNl } from '@app/common';
import { addDays } from '@app/domain';
import { OutboxRelay } from '@app/queue';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { parse } from 'csv-parse/sync';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import {
  addCertification,
  bearer,
  createBuyerWithOfficer,
  createOffering,
  register,
  Session,
} from '../support/factories';
import { settledMatches } from '../support/matching';
import { awardedObligation, publishedPolicy } from '../support/procurement';
import { download, waitForReport } from '../reports/reports-helpers';

// The worker runs in this process beside the API (matching, reports); both boot on a shared machine.
jest.setTimeout(120_000);

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const today = todayInNl();
/** A contract that starts in two months and runs two years. */
const future = { startDate: addDays(today, 60), endDate: addDays(today, 60 + 729) };
// Catering: a CPV division no other spec matches on, so this spec's offering is among the first matches.
const CPV = '55520000-1';

describe('one valuation everywhere, invoice dates, obligation status and forecast (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let relay: OutboxRelay;
  let officer: Session;
  let buyerId: string;
  let contractor: Session;
  let se: Session;
  let policyId: string;
  let obligationId: string;
  let offeringId: string;
  let invoiceCounter = 0;
  const invoiceNumber = (): string => `VAL-${process.pid}-${Date.now()}-${++invoiceCounter}`;

  const obligation = async (id: string): Promise<Body> =>
    (
      await t
        .http()
        .get(`/api/v1/obligations/${id}`)
        .set(...bearer(officer))
        .expect(200)
    ).body;

  const quoteFor = async (amountCents: number): Promise<Body> => {
    const request = await t
      .http()
      .post('/api/v1/quote-requests')
      .set(...bearer(contractor))
      .send({ obligationId, offeringId, description: 'Catering voor de bouwploeg' })
      .expect(201);
    return (
      await t
        .http()
        .post(`/api/v1/quote-requests/${request.body.id}/quotes`)
        .set(...bearer(se))
        .send({ amountCents, validUntil: addDays(today, 30) })
        .expect(201)
    ).body;
  };

  const purchase = (invoiceDate: string, amountCents = 100_000): Record<string, unknown> => ({
    category: 'social_purchase',
    supplierOrganisationId: se.user.organisationId,
    invoiceNumber: invoiceNumber(),
    invoiceDate,
    amountCents,
  });

  async function report(format: 'csv' | 'json'): Promise<string> {
    const res = await t
      .http()
      .post('/api/v1/reports')
      .set(...bearer(officer))
      .send({ scope: 'buyer', scopeId: buyerId, format })
      .expect(202);
    await relay.relayOnce();
    const done = await waitForReport(t, officer, res.body.id);
    expect(done).toMatchObject({ status: 'done' });
    return (await download(t, officer, res.body.id)).body.toString('utf8');
  }

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'on' })],
    }).compile();
    worker = await ref.init();
    relay = worker.get(OutboxRelay);
    const buyer = await createBuyerWithOfficer(t);
    officer = buyer.officer;
    buyerId = buyer.organisationId;
    contractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    // Valid today and over the whole future contract: the enterprise's purchases count from the start.
    await addCertification(
      t,
      se,
      { type: 'pso_30plus', validFrom: addDays(today, -100), validUntil: addDays(today, 1200) },
      officer,
    );
    policyId = await publishedPolicy(t, officer);
    // EUR 600,000 at 5 % = EUR 30,000 to fill, from a contract that starts in two months.
    ({ obligationId } = await awardedObligation(t, officer, contractor, {
      policyId,
      tender: {
        title: 'Catering bouwplaats (waardering)',
        items: [{ description: 'Catering', cpvCode: CPV }],
        contractPeriod: future,
      },
    }));
    offeringId = (await createOffering(t, se, { title: 'Catering met een missie', cpvCodes: [CPV] })).id;
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  it('values a match and a quote on the contract start, the same way, and says from when', async () => {
    const matches = await settledMatches(
      t,
      `/api/v1/obligations/${obligationId}/matches?limit=100`,
      contractor,
    );
    const match = matches.items.find((m) => m.offeringId === offeringId) as unknown as Body;
    expect(match).toMatchObject({
      counts: true,
      projectedCreditCents: 3_000_000,
      countsFrom: future.startDate,
    });

    // A quote above what remains is capped at what remains: the match's figure, not EUR 0 (as when it was valued
    // on today, before the contract started).
    const big = await quoteFor(5_000_000);
    expect(big).toMatchObject({ projectedCreditCents: 3_000_000, countsFrom: future.startDate });
    expect(big.projectedCreditCents).toBe(match.projectedCreditCents);
    expect(big.projectedCreditCents).toBe((await obligation(obligationId)).remainingCents);
    // Below what remains the quote is the engine's value of the amount (full invoice under this policy).
    const small = await quoteFor(1_000_000);
    expect(small).toMatchObject({ projectedCreditCents: 1_000_000, countsFrom: future.startDate });
    const read = await t
      .http()
      .get(`/api/v1/quotes/${small.id}`)
      .set(...bearer(contractor))
      .expect(200);
    expect(read.body.countsFrom).toBe(future.startDate);

    // The enterprise's opportunities say the same.
    const opps = await t
      .http()
      .get(`/api/v1/social-enterprises/${se.user.organisationId}/opportunities?limit=100`)
      .set(...bearer(se))
      .expect(200);
    expect(opps.body.items.find((o: Body) => o.obligationId === obligationId)).toMatchObject({
      projectedCreditCents: 3_000_000,
      countsFrom: future.startDate,
    });
  });

  it('refuses an invoice before the contract start with the period, and one dated after today', async () => {
    const q = await quoteFor(500_000);
    const order = (
      await t
        .http()
        .post(`/api/v1/quotes/${q.id}/accept`)
        .set(...bearer(contractor))
        .expect(201)
    ).body;

    const early = await t
      .http()
      .post(`/api/v1/orders/${order.id}/invoices`)
      .set(...bearer(se))
      .send({ invoiceNumber: invoiceNumber(), invoiceDate: today, amountCents: 500_000 })
      .expect(422);
    expect(early.body).toMatchObject({
      code: 'NOT_COUNTABLE',
      reason: 'OUTSIDE_CONTRACT_PERIOD',
      contractPeriod: future,
      invalidParams: [{ code: 'OUTSIDE_CONTRACT_PERIOD' }],
    });

    const ahead = await t
      .http()
      .post(`/api/v1/orders/${order.id}/invoices`)
      .set(...bearer(se))
      .send({ invoiceNumber: invoiceNumber(), invoiceDate: future.startDate, amountCents: 500_000 })
      .expect(422);
    expect(ahead.body).toMatchObject({
      code: 'INVOICE_DATE_IN_FUTURE',
      invalidParams: [{ name: 'invoiceDate', code: 'INVOICE_DATE_IN_FUTURE' }],
    });
    const tomorrow = addDays(today, 1);
    for (const path of ['contributions', 'contributions/preview']) {
      const res = await t
        .http()
        .post(`/api/v1/obligations/${obligationId}/${path}`)
        .set(...bearer(contractor))
        .send(purchase(tomorrow))
        .expect(422);
      expect(res.body.code).toBe('INVOICE_DATE_IN_FUTURE');
    }
    const own = await t
      .http()
      .post(`/api/v1/obligations/${obligationId}/contributions`)
      .set(...bearer(contractor))
      .send(purchase(today))
      .expect(422);
    expect(own.body).toMatchObject({
      code: 'NOT_COUNTABLE',
      reason: 'OUTSIDE_CONTRACT_PERIOD',
      contractPeriod: future,
    });

    const ob = await obligation(obligationId);
    expect(ob).toMatchObject({ status: 'not_started', forecastCents: null, claimedCents: 0 });
  });

  it('forecasts only from the contract start and once a tenth has passed, in the API and the buyer reports', async () => {
    // Started a month ago (under a tenth of two years): a claim, but no forecast yet and never "at risk".
    const recent = (
      await awardedObligation(t, officer, contractor, {
        policyId,
        tender: {
          title: 'Catering bouwplaats (pas begonnen)',
          items: [{ description: 'Catering', cpvCode: CPV }],
          contractPeriod: { startDate: addDays(today, -30), endDate: addDays(today, 699) },
        },
      })
    ).obligationId;
    // Halfway through: the claims are extrapolated, claimed × total days / elapsed days.
    const halfway = (
      await awardedObligation(t, officer, contractor, {
        policyId,
        tender: {
          title: 'Catering bouwplaats (halverwege)',
          items: [{ description: 'Catering', cpvCode: CPV }],
          contractPeriod: { startDate: addDays(today, -365), endDate: addDays(today, 365) },
        },
      })
    ).obligationId;
    for (const id of [recent, halfway]) {
      await t
        .http()
        .post(`/api/v1/obligations/${id}/contributions`)
        .set(...bearer(contractor))
        .send(purchase(today, 1_000_000))
        .expect(201);
    }
    expect(await obligation(recent)).toMatchObject({
      claimedCents: 1_000_000,
      forecastCents: null,
      status: 'open',
    });
    const half = await obligation(halfway);
    expect(half).toMatchObject({
      claimedCents: 1_000_000,
      forecastCents: Math.round((1_000_000 * 731) / 366),
      status: 'at_risk',
    });

    const [header, ...rows] = parse(await report('csv')) as string[][];
    const col = (row: string[], name: string): string => row[header.indexOf(name)];
    const rowOf = (id: string): string[] => rows.find((r) => col(r, 'obligation_id') === id)!;
    expect(col(rowOf(obligationId), 'forecast_cents')).toBe('');
    expect(col(rowOf(obligationId), 'status')).toBe('not_started');
    expect(col(rowOf(recent), 'forecast_cents')).toBe('');
    expect(col(rowOf(recent), 'status')).toBe('open');
    expect(Number(col(rowOf(halfway), 'forecast_cents'))).toBe(half.forecastCents);
    // Never above a sane extrapolation: at most ten times the claim (a tenth of the period at least has passed).
    for (const row of rows) {
      const forecast = col(row, 'forecast_cents');
      if (forecast !== '')
        expect(Number(forecast)).toBeLessThanOrEqual(10 * Number(col(row, 'claimed_cents')));
    }

    const json = JSON.parse(await report('json'));
    const byId = new Map<string, Body>(json.obligations.map((o: Body) => [o.id, o]));
    expect(byId.get(obligationId)).toMatchObject({ status: 'not_started', forecastCents: null });
    expect(byId.get(recent)).toMatchObject({ status: 'open', forecastCents: null });
    expect(byId.get(halfway)).toMatchObject({ status: 'at_risk', forecastCents: half.forecastCents });
    // The risk list names only started contracts.
    expect(json.obligationsAtRisk).toEqual([halfway]);
  });
});
