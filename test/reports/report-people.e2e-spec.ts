import { OutboxRelay } from '@app/queue';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import ExcelJS from 'exceljs';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, TestApp } from '../support/app';
import { addCertification, bearer, createBuyerWithOfficer, register, Session } from '../support/factories';
import { awardedObligation } from '../support/procurement';
import { download, pdfText, waitForReport } from './reports-helpers';

jest.setTimeout(120_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A code as the API writes it (`social_purchase`, `on_track`): never in a report for people. */
const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/;

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

function cells(wb: ExcelJS.Workbook): ExcelJS.Cell[] {
  const all: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => all.push(c))));
  return all;
}

/** The cell to the right of the first cell in column A that reads `label` (the summary's label/value rows). */
function fact(ws: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  for (let r = 1; r <= ws.rowCount; r += 1)
    if (ws.getRow(r).getCell(1).value === label) return ws.getRow(r).getCell(2);
  throw new Error(`no "${label}" in ${ws.name}`);
}

function column(ws: ExcelJS.Worksheet, header: string): number {
  const row = ws.getRow(1);
  for (let c = 1; c <= row.cellCount; c += 1) if (row.getCell(c).value === header) return c;
  throw new Error(`no column "${header}" in ${ws.name}`);
}

describe('reports for people: XLSX and the PDF (e2e, real PostgreSQL + Redis + worker)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let relay: OutboxRelay;
  let officer: Session;
  let buyerId: string;
  let contractor: Session;
  let obligationId: string;

  async function make(who: Session, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await t
      .http()
      .post('/api/v1/reports')
      .set(...bearer(who))
      .send(body)
      .expect(202);
    await relay.relayOnce();
    const done = await waitForReport(t, who, res.body.id);
    expect(done).toMatchObject({ status: 'done', format: body.format });
    return done;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const buyer = await createBuyerWithOfficer(t);
    officer = buyer.officer;
    buyerId = buyer.organisationId;
    contractor = await register(t, 'contractor');
    const se = await register(t, 'social_enterprise');
    await t.ds.query(`UPDATE organisation SET name = 'Groen & Zo Werkbedrijf' WHERE id = $1`, [
      se.user.organisationId,
    ]);
    await addCertification(
      t,
      se,
      { type: 'pso_30plus', validFrom: '2025-01-01', validUntil: '2028-12-31' },
      officer,
    );
    const awarded = await awardedObligation(t, officer, contractor, {
      contractValueCents: 115_000_000,
      tender: { title: 'Schoonmaak stadskantoor XLSX', estimatedValueCents: 115_000_000 },
    });
    obligationId = awarded.obligationId;
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
        personToken: 'xlsx-7f3a9c21',
      })
      .expect(201);
    await t
      .http()
      .post(url)
      .set(...bearer(contractor))
      .send({
        category: 'social_purchase',
        supplierOrganisationId: se.user.organisationId,
        invoiceNumber: 'F2026-0099',
        invoiceDate: '2026-03-15',
        amountCents: 1_250_000,
      })
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

  it('writes an obligation workbook: a sheet per table, Dutch words, euro numbers, real dates', async () => {
    const done = await make(contractor, { scope: 'obligation', scopeId: obligationId, format: 'xlsx' });
    const res = await download(t, contractor, done.id as string);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="sroi-verplichting-ocds-buysocial-.+\.xlsx"$/,
    );
    const body = res.body as Buffer;
    expect(body.length).toBe(done.sizeBytes);
    const wb = await workbook(body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Samenvatting', 'Opbouw', 'Per route', 'Bijdragen']);

    const summary = wb.getWorksheet('Samenvatting')!;
    const amount = fact(summary, 'SROI-verplichting');
    expect(amount.value).toBe(57_500);
    expect(amount.numFmt).toBe('€ #,##0.00');
    expect(fact(summary, 'Begin contract').value).toBeInstanceOf(Date);
    expect(fact(summary, 'Status').value).toEqual(expect.any(String));

    const contributions = wb.getWorksheet('Bijdragen')!;
    const purchase = contributions.getRow(
      [...Array(contributions.rowCount).keys()]
        .map((i) => i + 1)
        .find(
          (r) =>
            contributions.getRow(r).getCell(column(contributions, 'Factuurnummer')).value === 'F2026-0099',
        )!,
    );
    const date = purchase.getCell(column(contributions, 'Datum'));
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString().slice(0, 10)).toBe('2026-03-15');
    expect(purchase.getCell(column(contributions, 'Categorie')).value).toBe('Sociale inkoop');
    expect(purchase.getCell(column(contributions, 'Status')).value).toBe('Ingediend');
    expect(purchase.getCell(column(contributions, 'Leverancier')).value).toBe('Groen & Zo Werkbedrijf');
    const claimed = purchase.getCell(column(contributions, 'Opgevoerd'));
    expect(typeof claimed.value).toBe('number');
    expect(claimed.numFmt).toBe('€ #,##0.00');
    const placement = contributions.getRow(2);
    expect(placement.getCell(column(contributions, 'Status')).value).toBe('Goedgekeurd');
    expect(placement.getCell(column(contributions, 'Goedgekeurd')).value).toBe(25_000);
    expect(placement.getCell(column(contributions, 'Doelgroep')).value).toBe('Participatiewet');

    for (const c of cells(wb)) if (typeof c.value === 'string') expect(c.value).not.toMatch(SNAKE);
  });

  it('writes a buyer workbook in English with obligations, social enterprises, target groups and risks', async () => {
    const done = await make(officer, { scope: 'buyer', scopeId: buyerId, format: 'xlsx', language: 'en' });
    const res = await download(t, officer, done.id as string);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sroi-buyer-.+\.xlsx"$/);
    const wb = await workbook(res.body as Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Obligations',
      'Per route',
      'Social enterprises',
      'Target groups',
      'At risk',
    ]);
    const summary = wb.getWorksheet('Summary')!;
    expect(fact(summary, 'Number of obligations').value).toBe(1);
    expect(fact(summary, 'Total required').value).toBe(57_500);
    expect(fact(summary, 'Generated on').value).toBeInstanceOf(Date);

    const obligations = wb.getWorksheet('Obligations')!;
    const row = obligations.getRow(2);
    expect(row.getCell(column(obligations, 'Tender')).value).toBe('Schoonmaak stadskantoor XLSX');
    expect(row.getCell(column(obligations, 'Obligation')).value).toBe(57_500);
    expect(row.getCell(column(obligations, 'Verified')).value).toBe(25_000);
    expect(row.getCell(column(obligations, 'Due date')).value).toBeInstanceOf(Date);
    const api = (
      await t
        .http()
        .get(`/api/v1/obligations/${obligationId}`)
        .set(...bearer(officer))
        .expect(200)
    ).body;
    expect(row.getCell(column(obligations, 'Claimed')).value).toBe(api.claimedCents / 100);
    // Total row.
    expect(obligations.getRow(3).getCell(1).value).toBe('Total');

    const se = wb.getWorksheet('Social enterprises')!.getRow(2);
    expect(se.values).toEqual([undefined, 'Groen & Zo Werkbedrijf', 1, 12_500, expect.any(Number), 0]);
    expect(wb.getWorksheet('Target groups')!.getRow(2).getCell(1).value).toBe('Participation Act');
    const routes = wb.getWorksheet('Per route')!;
    expect([2, 3, 4, 5].map((r) => routes.getRow(r).getCell(1).value)).toEqual([
      'Employment',
      'Training',
      'Social purchase',
      'Social activity',
    ]);

    for (const c of cells(wb)) if (typeof c.value === 'string') expect(c.value).not.toMatch(SNAKE);
  });

  it.each([
    ['nl', ['SROI-verplichting', 'Opgevoerd', 'Goedgekeurd', 'Vereist, opgevoerd en goedgekeurd per route']],
    ['en', ['SROI obligation', 'Claimed', 'Verified', 'Required, claimed and verified per route']],
  ])(
    "puts the summary and the chart on the first page of the %s PDF, in the web app's words",
    async (language, words) => {
      const done = await make(contractor, {
        scope: 'obligation',
        scopeId: obligationId,
        format: 'pdf',
        language,
      });
      const pdf = (await download(t, contractor, done.id as string)).body as Buffer;
      const first = pdfText(pdf, { first: 1, last: 1 });
      for (const w of words) expect(first).toContain(w);
      expect(first).toContain(language === 'nl' ? '€ 57.500,00' : '€57,500.00');
      const all = pdfText(pdf);
      for (const wrong of ['Geclaimd', 'Geverifieerd', 'Op koers']) expect(all).not.toContain(wrong);
      // No header word split over two lines ("Opdrachtnem" / "er").
      expect(all).not.toMatch(/Opdrachtnem\s*\n\s*er\b/);
    },
  );

  it('puts the buyer summary and chart on the first page of the buyer PDF', async () => {
    const done = await make(officer, { scope: 'buyer', scopeId: buyerId, format: 'pdf' });
    const pdf = (await download(t, officer, done.id as string)).body as Buffer;
    const first = pdfText(pdf, { first: 1, last: 1 });
    for (const w of [
      'Aantal verplichtingen',
      'Totaal verplicht',
      'Vereist, opgevoerd en goedgekeurd per route',
    ])
      expect(first).toContain(w);
    expect(pdfText(pdf)).not.toMatch(/Opdrachtnem\s*\n\s*er\b/);
  });
});
