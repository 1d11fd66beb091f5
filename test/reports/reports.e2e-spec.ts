import { ReportEntity } from '@app/database';
import { ReportSchedulesService, monthlySchedulerId } from '@app/domain';
import { OutboxRelay, QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { clearBacklog, dbNow } from '../support/backlog';
import { addCertification, bearer, createBuyerWithOfficer, register, Session } from '../support/factories';
import { awardedObligation } from '../support/procurement';
import { download, pdfText, waitForReport } from './reports-helpers';

const NASTY =
  '=HYPERLINK("http://evil.example/?x=1","klik hier"), zei "Zoë" bij café Ürün\nop de tweede regel';

// Each test waits on real worker runs; the project-wide timeout is not applied to hooks in every Jest setup.
jest.setTimeout(120_000);

describe('reports on BullMQ (e2e, real PostgreSQL + Redis + worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let relay: OutboxRelay;
  let officer: Session;
  let buyerId: string;
  let otherOfficer: Session;
  let contractor: Session;
  let otherContractor: Session;
  let se: Session;
  let obligationId: string;
  let tenderId: string;

  /** Requests a report and lets the worker make it. */
  async function make(who: Session, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await t
      .http()
      .post('/api/v1/reports')
      .set(...bearer(who))
      .send(body)
      .expect(202);
    expect(res.body).toMatchObject({ id: expect.any(String), status: 'queued' });
    await relay.relayOnce();
    const done = await waitForReport(t, who, res.body.id);
    expect(done).toMatchObject({ status: 'done', progress: 100 });
    return done;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await clearBacklog(t.ds, await dbNow(t.ds));
    const buyer = await createBuyerWithOfficer(t);
    officer = buyer.officer;
    buyerId = buyer.organisationId;
    otherOfficer = (await createBuyerWithOfficer(t)).officer;
    contractor = await register(t, 'contractor');
    otherContractor = await register(t, 'contractor');
    se = await register(t, 'social_enterprise');
    await t.ds.query(`UPDATE organisation SET name = 'Schoonmaak & Zo, "De Zoë" BV' WHERE id = $1`, [
      se.user.organisationId,
    ]);
    await addCertification(
      t,
      se,
      { type: 'pso_30plus', validFrom: '2025-01-01', validUntil: '2028-12-31' },
      officer,
    );
    // 5 % of EUR 1,150,000: an obligation of EUR 57,500.
    const awarded = await awardedObligation(t, officer, contractor, {
      contractValueCents: 115_000_000,
      tender: { title: 'Groenonderhoud Haarlem-Noord', estimatedValueCents: 115_000_000 },
    });
    obligationId = awarded.obligationId;
    tenderId = awarded.tenderId;
    const url = `/api/v1/obligations/${obligationId}/contributions`;
    const placement = await t
      .http()
      .post(url)
      .set(...bearer(contractor))
      .send({
        category: 'employment',
        targetGroup: 'participatiewet',
        hoursPerWeek: 24,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        personToken: 'rep-7f3a9c21',
      })
      .expect(201);
    await t
      .http()
      .post(url)
      .set(...bearer(contractor))
      .send({
        category: 'social_purchase',
        supplierOrganisationId: se.user.organisationId,
        invoiceNumber: 'F2026-0042',
        invoiceDate: '2026-03-15',
        amountCents: 1_250_000,
      })
      .expect(201);
    await t
      .http()
      .post(url)
      .set(...bearer(contractor))
      .send({ category: 'social_activity', blockCode: 'ACT_HOUR', quantity: 16, description: NASTY })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/contributions/${placement.body.id}/review`)
      .set(...bearer(officer))
      .send({ decision: 'verified', verifiedValueCents: 2_500_000 })
      .expect(200);

    const ref = await Test.createTestingModule({
      imports: [WorkerModule.register({ OUTBOX_RELAY: 'off' })],
    }).compile();
    worker = await ref.init();
    relay = worker.get(OutboxRelay);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('answers an identical request while it is queued with the same report, then generates it once', async () => {
    const body = { scope: 'obligation', scopeId: obligationId, format: 'pdf', language: 'nl' };
    const first = await t
      .http()
      .post('/api/v1/reports')
      .set(...bearer(contractor))
      .send(body)
      .expect(202);
    const second = await t
      .http()
      .post('/api/v1/reports')
      .set(...bearer(contractor))
      .send(body)
      .expect(202);
    expect(second.body.id).toBe(first.body.id);
    const queued = await t
      .http()
      .get(`/api/v1/reports/${first.body.id}`)
      .set(...bearer(contractor))
      .expect(200);
    expect(queued.body).toMatchObject({ status: 'queued', progress: 0, scope: 'obligation', format: 'pdf' });
    expect(queued.body.sha256).toBeUndefined();
    await download(t, contractor, first.body.id, 409);

    await relay.relayOnce();
    const done = await waitForReport(t, contractor, first.body.id);
    expect(done).toMatchObject({ status: 'done', progress: 100, sizeBytes: expect.any(Number) });
    // The same id answers on the jobs route.
    const job = await t
      .http()
      .get(`/api/v1/jobs/${first.body.id}`)
      .set(...bearer(contractor))
      .expect(200);
    expect(job.body).toMatchObject({ id: first.body.id, kind: 'report', status: 'done', progress: 100 });
    // Once done, the same request starts a new report.
    const third = await t
      .http()
      .post('/api/v1/reports')
      .set(...bearer(contractor))
      .send(body)
      .expect(202);
    expect(third.body.id).not.toBe(first.body.id);
    await relay.relayOnce();
    await waitForReport(t, contractor, third.body.id);
  });

  it.each([
    ['nl', '€ 57.500,00', 'pagina 1 van', 'versie 2026', 'Totaal'],
    ['en', '€57,500.00', 'page 1 of', 'version 2026', 'Total'],
  ])(
    'writes the obligation PDF in %s with amounts, policy, totals and page numbers',
    async (language, amount, page, version, total) => {
      const done = await make(contractor, {
        scope: 'obligation',
        scopeId: obligationId,
        format: 'pdf',
        language,
      });
      const res = await download(t, contractor, done.id as string);
      expect(res.headers['content-type']).toBe('application/pdf');
      const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });
      const word = language === 'nl' ? 'verplichting' : 'obligation';
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="sroi-${word}-ocds-buysocial-${tenderId}-${today}.pdf"`,
      );
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBe(done.sizeBytes);
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(done.sha256);

      const text = pdfText(pdf);
      const money = (cents: number): string =>
        language === 'nl'
          ? `€ ${Math.floor(cents / 100).toLocaleString('de-DE')},${String(cents % 100).padStart(2, '0')}`
          : `€${Math.floor(cents / 100).toLocaleString('en-GB')}.${String(cents % 100).padStart(2, '0')}`;
      const obligation = (
        await t
          .http()
          .get(`/api/v1/obligations/${obligationId}`)
          .set(...bearer(contractor))
          .expect(200)
      ).body;
      expect(text).toContain(amount);
      expect(text).toContain('Groenonderhoud Haarlem-Noord');
      expect(text).toContain('Bouwblokken social return');
      expect(text).toContain(version);
      expect(text).toContain(money(obligation.claimedCents));
      expect(text).toContain(money(obligation.verifiedCents));
      expect(text).toContain(total);
      expect(text).toContain(page);
      expect(text).toContain('Zoë');
      // The activity's block by its facts, not the officer's code (a table cell may wrap it).
      expect(text.replace(/\s+/g, ' ')).toContain(
        language === 'nl' ? 'Maatschappelijke activiteit, per uur' : 'Social activity, per hour',
      );
      expect(text).not.toContain('ACT_HOUR');
      // Breakdown lines as the engine wrote them.
      for (const line of obligation.breakdown)
        expect(text).toContain(language === 'nl' ? line.labelNl : line.labelEn);
      // Fonts are embedded, never fetched.
      expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    },
  );

  it('streams the obligation CSV: exactly the database rows, quoted, formulas neutralised, cents', async () => {
    const done = await make(officer, { scope: 'obligation', scopeId: obligationId, format: 'csv' });
    const res = await download(t, officer, done.id as string);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="sroi-verplichting-ocds-buysocial-.+\.csv"$/,
    );
    const csv = (res.body as Buffer).toString('utf8');
    expect(csv).toContain(
      `"'=HYPERLINK(""http://evil.example/?x=1"",""klik hier""), zei ""Zoë"" bij café Ürün\nop de tweede regel"`,
    );
    const [header, ...rows] = parse(csv, { relax_column_count: false }) as string[][];
    expect(header.slice(0, 7)).toEqual([
      'contribution_id',
      'obligation_id',
      'tender_id',
      'date',
      'category',
      'status',
      'description',
    ]);
    const db: Record<string, unknown>[] = await t.ds.query(
      `SELECT c.id, c.category::text, c.status::text, COALESCE(c.body->>'description', '') AS description,
              COALESCE(s.name, '') AS supplier, c.claimed_value_cents::text AS claimed,
              COALESCE(c.verified_value_cents::text, '') AS verified
         FROM contribution c LEFT JOIN organisation s ON s.id = c.supplier_organisation_id
        WHERE c.obligation_id = $1 ORDER BY c.id`,
      [obligationId],
    );
    const col = (name: string): number => header.indexOf(name);
    const parsed = rows
      .map((r) => ({
        id: r[col('contribution_id')],
        category: r[col('category')],
        status: r[col('status')],
        description: r[col('description')].replace(/^'(?=[=+\-@\t\r])/, ''),
        supplier: r[col('supplier')],
        claimed: r[col('claimed_value_cents')],
        verified: r[col('verified_value_cents')],
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(parsed).toEqual(db);
    expect(parsed.find((r) => r.category === 'social_activity')!.description).toBe(NASTY);
    expect(parsed.find((r) => r.category === 'social_purchase')!.supplier).toBe(
      'Schoonmaak & Zo, "De Zoë" BV',
    );
  });

  it('writes JSON equal to the obligation and contributions endpoints', async () => {
    const done = await make(contractor, {
      scope: 'obligation',
      scopeId: obligationId,
      format: 'json',
      language: 'en',
    });
    const res = await download(t, contractor, done.id as string);
    expect(res.headers['content-type']).toBe('application/json');
    const json = JSON.parse((res.body as Buffer).toString('utf8'));
    const obligation = await t
      .http()
      .get(`/api/v1/obligations/${obligationId}`)
      .set(...bearer(contractor))
      .expect(200);
    const contributions = await t
      .http()
      .get(`/api/v1/obligations/${obligationId}/contributions?limit=100`)
      .set(...bearer(contractor))
      .expect(200);
    expect(json.obligation).toEqual(obligation.body);
    expect(json.contributions).toEqual(contributions.body.items);
    expect(json.policy).toMatchObject({ name: 'Bouwblokken social return', version: '2026' });
  });

  it("makes tender reports in every format, readable by the buyer's officers and the requester only", async () => {
    const pdf = await make(contractor, { scope: 'tender', scopeId: tenderId, format: 'pdf' });
    const text = pdfText((await download(t, contractor, pdf.id as string)).body);
    expect(text).toContain('Aanbesteding: Groenonderhoud Haarlem-Noord');
    expect(text).toContain('€ 57.500,00');
    // The buyer's officer may read a tender report the contractor asked for; others may not know it exists.
    await download(t, officer, pdf.id as string);
    for (const stranger of [otherOfficer, otherContractor, se]) {
      await t
        .http()
        .get(`/api/v1/reports/${pdf.id}`)
        .set(...bearer(stranger))
        .expect(404);
      await download(t, stranger, pdf.id as string, 404);
    }
    const csv = await make(officer, { scope: 'tender', scopeId: tenderId, format: 'csv' });
    const rows = parse((await download(t, officer, csv.id as string)).body.toString('utf8')) as string[][];
    expect(rows).toHaveLength(4);
    const json = await make(officer, { scope: 'tender', scopeId: tenderId, format: 'json' });
    const body = JSON.parse((await download(t, officer, json.id as string)).body.toString('utf8'));
    expect(body.tender).toMatchObject({ id: tenderId, title: 'Groenonderhoud Haarlem-Noord' });
    // The contractor did not request the officer's reports and is not the buyer.
    await download(t, contractor, json.id as string, 404);
  });

  it('makes buyer reports: obligations, spend per social enterprise, target groups and risks', async () => {
    const pdf = await make(officer, { scope: 'buyer', scopeId: buyerId, format: 'pdf', language: 'en' });
    const text = pdfText((await download(t, officer, pdf.id as string)).body);
    expect(text).toContain('€57,500.00');
    expect(text).toContain('Spent with social enterprises');
    expect(text).toContain('Schoonmaak & Zo, "De Zoë" BV');
    expect(text).toContain('€12,500.00');
    expect(text).toContain('Participation Act');

    const csv = await make(officer, { scope: 'buyer', scopeId: buyerId, format: 'csv' });
    const [header, ...rows] = parse(
      (await download(t, officer, csv.id as string)).body.toString('utf8'),
    ) as string[][];
    const list = await t
      .http()
      .get('/api/v1/obligations?limit=100')
      .set(...bearer(officer))
      .expect(200);
    expect(rows).toHaveLength(list.body.items.length);
    const row = rows.find((r) => r[header.indexOf('obligation_id')] === obligationId)!;
    const api = list.body.items.find((o: { id: string }) => o.id === obligationId);
    expect(Number(row[header.indexOf('amount_cents')])).toBe(api.amountCents);
    expect(Number(row[header.indexOf('claimed_cents')])).toBe(api.claimedCents);
    expect(Number(row[header.indexOf('verified_cents')])).toBe(api.verifiedCents);
    // An empty cell when there is no forecast yet (null in the API).
    expect(row[header.indexOf('forecast_cents')]).toBe(
      api.forecastCents === null ? '' : String(api.forecastCents),
    );
    expect(row[header.indexOf('status')]).toBe(api.status);

    const json = await make(officer, { scope: 'buyer', scopeId: buyerId, format: 'json' });
    const body = JSON.parse((await download(t, officer, json.id as string)).body.toString('utf8'));
    expect(body.obligations).toEqual(list.body.items);
    expect(body.spendPerSocialEnterprise).toEqual([
      expect.objectContaining({ socialEnterpriseId: se.user.organisationId, spentCents: 1_250_000 }),
    ]);
    expect(body.contributionsPerTargetGroup).toEqual([
      expect.objectContaining({ targetGroup: 'participatiewet', count: 1, verifiedCents: 2_500_000 }),
    ]);
  });

  it('refuses what the caller may not report on, and lists only what the caller may read', async () => {
    const post = (who: Session, body: Record<string, unknown>) =>
      t
        .http()
        .post('/api/v1/reports')
        .set(...bearer(who))
        .send(body);
    await post(otherContractor, { scope: 'obligation', scopeId: obligationId, format: 'pdf' }).expect(404);
    await post(otherOfficer, { scope: 'tender', scopeId: tenderId, format: 'pdf' }).expect(404);
    await post(contractor, { scope: 'buyer', scopeId: buyerId, format: 'pdf' }).expect(404);
    await post(otherOfficer, { scope: 'buyer', scopeId: buyerId, format: 'pdf' }).expect(404);
    await post(se, { scope: 'obligation', scopeId: obligationId, format: 'pdf' }).expect(403);
    const bad = await post(officer, { scope: 'obligation', scopeId: obligationId, format: 'docx' }).expect(
      400,
    );
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await post(officer, { scope: 'obligation', scopeId: obligationId, format: 'pdf', colour: 'red' }).expect(
      400,
    );
    const period = await post(officer, {
      scope: 'obligation',
      scopeId: obligationId,
      format: 'pdf',
      period: { from: '2026-06-01', to: '2026-01-01' },
    }).expect(400);
    expect(period.body.code).toBe('INVALID_PERIOD');
    await t
      .http()
      .get('/api/v1/reports/not-a-uuid')
      .set(...bearer(officer))
      .expect(400);

    const mine = await t
      .http()
      .get('/api/v1/reports?limit=100')
      .set(...bearer(otherContractor))
      .expect(200);
    expect(mine.body).toEqual({ items: [], nextCursor: null });
    const officers = await t
      .http()
      .get('/api/v1/reports?limit=100')
      .set(...bearer(officer))
      .expect(200);
    const scopes = new Set(officers.body.items.map((r: { scope: string }) => r.scope));
    expect(scopes).toEqual(new Set(['obligation', 'tender', 'buyer']));
    // Contractor-requested obligation reports stay the contractor's.
    const rows = await t.ds
      .getRepository(ReportEntity)
      .findBy({ organisationId: contractor.user.organisationId });
    const officerIds = new Set(officers.body.items.map((r: { id: string }) => r.id));
    for (const r of rows) expect(officerIds.has(r.id)).toBe(r.scope === 'tender');
    const times = officers.body.items.map((r: { createdAt: string }) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('keeps a period: only contributions dated inside it', async () => {
    const done = await make(officer, {
      scope: 'obligation',
      scopeId: obligationId,
      format: 'csv',
      period: { from: '2026-03-01', to: '2026-03-31' },
    });
    const [header, ...rows] = parse(
      (await download(t, officer, done.id as string)).body.toString('utf8'),
    ) as string[][];
    expect(rows.map((r) => r[header.indexOf('invoice_number')])).toEqual(['F2026-0042']);
    expect(done.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  });

  it('keeps the error of a report that cannot be made, and shows it failed', async () => {
    const other = await awardedObligation(t, officer, contractor, { contractValueCents: 20_000_000 });
    const res = await t
      .http()
      .post('/api/v1/reports')
      .set(...bearer(contractor))
      .send({ scope: 'obligation', scopeId: other.obligationId, format: 'pdf' })
      .expect(202);
    // The contract moves to another contractor before the worker runs: the requester may no longer read it.
    await t.ds.query('UPDATE obligation SET contractor_organisation_id = $2 WHERE id = $1', [
      other.obligationId,
      otherContractor.user.organisationId,
    ]);
    await relay.relayOnce();
    const failed = await waitForReport(t, contractor, res.body.id);
    expect(failed).toMatchObject({ status: 'failed', error: 'Obligation not found' });
    expect(failed.sha256).toBeUndefined();
    const job = await t
      .http()
      .get(`/api/v1/jobs/${res.body.id}`)
      .set(...bearer(contractor))
      .expect(200);
    expect(job.body).toMatchObject({ status: 'failed', error: 'Obligation not found' });
    const download409 = await download(t, contractor, res.body.id, 409);
    expect(JSON.parse(download409.body.toString('utf8')).code).toBe('REPORT_NOT_READY');
  });

  it('schedules a monthly buyer report per buyer: last month, on the first working day, once', async () => {
    const schedules = worker.get(ReportSchedulesService);
    const queue = worker.get<Queue>(getQueueToken(QueueName.Reports));
    expect(await schedules.sync()).toBeGreaterThanOrEqual(2);
    const scheduler = await queue.getJobScheduler(monthlySchedulerId(buyerId));
    expect(scheduler).toMatchObject({ pattern: '0 7 1-4 * *', tz: 'Europe/Amsterdam' });

    // 1 December 2026 is a Tuesday: the first working day.
    expect(await schedules.tick(buyerId, '2026-12-02')).toBeNull();
    const report = await schedules.tick(buyerId, '2026-12-01');
    expect(report).toMatchObject({
      scope: 'buyer',
      scopeId: buyerId,
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
    });
    expect(await schedules.tick(buyerId, '2026-12-01')).toBeNull();
    await relay.relayOnce();
    const done = await waitForReport(t, officer, report!.id);
    expect(done).toMatchObject({ status: 'done', format: 'pdf', requested: false });
    const list = await t
      .http()
      .get('/api/v1/reports?limit=100')
      .set(...bearer(officer))
      .expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(report!.id);
  });
});
