import { isAtRisk as statusAtRisk } from '../../obligations/progress';
import { contributionBlockName, labels, targetGroupName } from '../i18n';
import type {
  BuyerObligationSummary,
  BuyerReportData,
  ObligationReportData,
  ReportMeta,
  RouteTotal,
} from '../report-data';
import { XlsxFacts, XlsxReport } from './xlsx-writer';

type Write = (chunk: Buffer) => Promise<void>;
type T = ReturnType<typeof labels>;

function periodFacts(facts: XlsxFacts, meta: ReportMeta, t: T): void {
  if (meta.period) {
    facts.add(t('periodFrom'), 'date', meta.period.from);
    facts.add(t('periodTo'), 'date', meta.period.to);
  } else facts.add(t('period'), 'text', t('allTime'));
  facts.add(
    t('generated'),
    'date',
    meta.generatedAt.toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' }),
  );
}

async function routeSheet(x: XlsxReport, t: T, routes: RouteTotal[]): Promise<void> {
  const sheet = x.table(t('sheetRoutes'), [
    { header: t('route'), kind: 'text', width: 30 },
    { header: t('count'), kind: 'number' },
    { header: t('claimed'), kind: 'money', width: 18 },
    { header: t('verified'), kind: 'money', width: 18 },
  ]);
  for (const r of routes) await sheet.add([t(`route.${r.route}`), r.count, r.claimedCents, r.verifiedCents]);
  await sheet.add(
    [
      t('total'),
      routes.reduce((s, r) => s + r.count, 0),
      routes.reduce((s, r) => s + r.claimedCents, 0),
      routes.reduce((s, r) => s + r.verifiedCents, 0),
    ],
    { bold: true },
  );
  sheet.commit();
}

/** The obligation (or tender) workbook: Summary, Breakdown, Per route, Contributions. */
export async function writeObligationXlsx(data: ObligationReportData, write: Write): Promise<void> {
  const { meta, obligation: o } = data;
  const lang = meta.language;
  const t = labels(lang);
  const x = new XlsxReport(lang, `${t('title')} – ${data.tender.title}`, write);

  const facts = x.facts(t('sheetSummary'));
  facts.add(t('title'), 'text', `${t(`scope.${meta.scope}`)}: ${data.tender.title}`);
  facts.blank();
  facts.add(t('tender'), 'text', data.tender.title);
  facts.add(t('reference'), 'text', data.tender.reference);
  facts.add(t('buyer'), 'text', data.tender.buyerName);
  facts.add(t('contractor'), 'text', data.contractorName);
  facts.add(t('contractValue'), 'money', o.contractValueCents);
  facts.add(t('contractStart'), 'date', o.contractPeriod.startDate);
  facts.add(t('contractEnd'), 'date', o.contractPeriod.endDate);
  facts.add(
    t('policy'),
    'text',
    `${data.policy.name} (${lang === 'nl' ? 'versie' : 'version'} ${data.policy.version})`,
  );
  if (o.applicable) facts.add(t('percentage'), 'percent', o.percentage);
  else facts.add(t('percentage'), 'text', t('notApplicable'));
  facts.add(t('obligationAmount'), 'money', o.amountCents);
  facts.add(t('claimed'), 'money', o.claimedCents);
  facts.add(t('verified'), 'money', o.verifiedCents);
  facts.add(t('remaining'), 'money', o.remainingCents);
  if (o.forecastCents === null) facts.add(t('forecast'), 'text', '–');
  else facts.add(t('forecast'), 'money', o.forecastCents);
  if (o.penaltyPreviewCents !== null) facts.add(t('penalty'), 'money', o.penaltyPreviewCents);
  facts.add(t('status'), 'text', t(`obligation.${o.status}`));
  facts.add(t('dueDate'), 'date', o.dueDate);
  periodFacts(facts, meta, t);
  if (meta.period) facts.add('', 'text', t('periodNoteObligation'));
  facts.commit();

  const breakdown = x.table(t('sheetBreakdown'), [
    { header: t('description'), kind: 'text', width: 50 },
    { header: t('calculation'), kind: 'text', width: 40 },
    { header: t('amountEuro'), kind: 'money', width: 18 },
  ]);
  for (const l of o.breakdown)
    await breakdown.add([lang === 'nl' ? l.labelNl : l.labelEn, l.detail ?? '', l.valueCents ?? null]);
  breakdown.commit();

  await routeSheet(x, t, data.routes);

  const rows = x.table(t('contributions'), [
    { header: t('date'), kind: 'date' },
    { header: t('category'), kind: 'text', width: 28 },
    { header: t('status'), kind: 'text', width: 14 },
    { header: t('description'), kind: 'text', width: 40 },
    { header: t('supplier'), kind: 'text', width: 30 },
    { header: t('invoiceNumber'), kind: 'text', width: 16 },
    { header: t('targetGroup'), kind: 'text', width: 26 },
    { header: t('blockCode'), kind: 'text', width: 36 },
    { header: t('hoursPerWeekLong'), kind: 'number' },
    { header: t('untilDate'), kind: 'date' },
    { header: t('claimed'), kind: 'money', width: 16 },
    { header: t('verified'), kind: 'money', width: 16 },
  ]);
  for (const r of data.contributions)
    await rows.add([
      r.date,
      t(`route.${r.category}`),
      t(`contribution.${r.status}`),
      r.description,
      r.supplier_name,
      r.invoice_number,
      r.target_group ? targetGroupName(r.target_group, lang) : '',
      contributionBlockName(r, lang),
      r.hours_per_week,
      r.end_date,
      r.claimed_value_cents,
      r.verified_value_cents,
    ]);
  const live = data.contributions.filter((r) => r.status !== 'rejected');
  await rows.add(
    [
      null,
      t('totalExclRejected'),
      ...Array<null>(8).fill(null),
      live.reduce((s, r) => s + Number(r.claimed_value_cents), 0),
      live.reduce((s, r) => s + Number(r.verified_value_cents ?? 0), 0),
    ],
    { bold: true },
  );
  rows.commit();
  await x.finish();
}

/** What the buyer workbook's summary and risk sheet need, gathered in a first pass over the obligations. */
export interface BuyerXlsxTotals {
  count: number;
  amountCents: number;
  claimedCents: number;
  verifiedCents: number;
  remainingCents: number;
  atRisk: BuyerObligationSummary[];
}

export function isAtRisk(o: Pick<BuyerObligationSummary, 'status'>): boolean {
  return statusAtRisk(o.status);
}

/**
 * The buyer workbook: Summary, Obligations (streamed: `obligations` is read once, row by row), Per route,
 * Social enterprises, Target groups, At risk.
 */
export async function writeBuyerXlsx(
  data: Omit<BuyerReportData, 'obligations'>,
  totals: BuyerXlsxTotals,
  obligations: AsyncIterable<BuyerObligationSummary>,
  write: Write,
): Promise<void> {
  const { meta } = data;
  const lang = meta.language;
  const t = labels(lang);
  const x = new XlsxReport(lang, `${t('title')} – ${data.buyer.name}`, write);

  const facts = x.facts(t('sheetSummary'));
  facts.add(t('title'), 'text', `${t('scope.buyer')}: ${data.buyer.name}`);
  facts.blank();
  facts.add(t('buyer'), 'text', data.buyer.name);
  facts.add(t('obligationCount'), 'number', totals.count);
  facts.add(t('totalAmount'), 'money', totals.amountCents);
  facts.add(t('claimed'), 'money', totals.claimedCents);
  facts.add(t('verified'), 'money', totals.verifiedCents);
  facts.add(t('remaining'), 'money', totals.remainingCents);
  facts.add(t('atRisk'), 'number', totals.atRisk.length);
  periodFacts(facts, meta, t);
  if (meta.period) facts.add('', 'text', t('periodNoteBuyer'));
  facts.commit();

  const list = x.table(t('obligations'), [
    { header: t('tender'), kind: 'text', width: 40 },
    { header: t('contractor'), kind: 'text', width: 30 },
    { header: t('amount'), kind: 'money', width: 16 },
    { header: t('claimed'), kind: 'money', width: 16 },
    { header: t('verified'), kind: 'money', width: 16 },
    { header: t('remaining'), kind: 'money', width: 16 },
    { header: t('forecast'), kind: 'money', width: 22 },
    { header: t('status'), kind: 'text', width: 18 },
    { header: t('dueDate'), kind: 'date' },
    { header: t('claimedInPeriod'), kind: 'money', width: 24 },
    { header: t('verifiedInPeriod'), kind: 'money', width: 26 },
  ]);
  for await (const o of obligations)
    await list.add([
      o.tenderTitle,
      o.contractorName,
      o.amountCents,
      o.claimedCents,
      o.verifiedCents,
      o.remainingCents,
      o.forecastCents,
      t(`obligation.${o.status}`),
      o.dueDate,
      o.claimedInPeriodCents,
      o.verifiedInPeriodCents,
    ]);
  await list.add(
    [
      t('total'),
      null,
      totals.amountCents,
      totals.claimedCents,
      totals.verifiedCents,
      totals.remainingCents,
      null,
      null,
      null,
      null,
      null,
    ],
    { bold: true },
  );
  list.commit();

  await routeSheet(x, t, data.routes);

  const spend = x.table(t('sheetSocialEnterprises'), [
    { header: t('socialEnterprise'), kind: 'text', width: 40 },
    { header: t('count'), kind: 'number' },
    { header: t('spent'), kind: 'money', width: 24 },
    { header: t('claimed'), kind: 'money', width: 16 },
    { header: t('verified'), kind: 'money', width: 16 },
  ]);
  for (const s of data.spendPerSocialEnterprise)
    await spend.add([s.name, s.count, s.spentCents, s.claimedCents, s.verifiedCents]);
  spend.commit();

  const groups = x.table(t('sheetTargetGroups'), [
    { header: t('targetGroup'), kind: 'text', width: 32 },
    { header: t('count'), kind: 'number' },
    { header: t('claimed'), kind: 'money', width: 16 },
    { header: t('verified'), kind: 'money', width: 16 },
  ]);
  for (const g of data.perTargetGroup)
    await groups.add([targetGroupName(g.targetGroup, lang), g.count, g.claimedCents, g.verifiedCents]);
  groups.commit();

  const risk = x.table(t('sheetRisk'), [
    { header: t('tender'), kind: 'text', width: 40 },
    { header: t('contractor'), kind: 'text', width: 30 },
    { header: t('remaining'), kind: 'money', width: 18 },
    { header: t('forecast'), kind: 'money', width: 22 },
    { header: t('status'), kind: 'text', width: 18 },
    { header: t('dueDate'), kind: 'date' },
  ]);
  for (const o of totals.atRisk)
    await risk.add([
      o.tenderTitle,
      o.contractorName,
      o.remainingCents,
      o.forecastCents,
      t(`obligation.${o.status}`),
      o.dueDate,
    ]);
  risk.commit();
  await x.finish();
}
