import type { ReportLanguage } from '@app/database';
import { contributionBlockName, formatDate, formatPercent, labels, targetGroupName } from '../i18n';
import type { BarGroup } from './pdf-layout';
import { COLOURS, PdfReport } from './pdf-layout';
import type { ObligationReportData, RouteTotal } from '../report-data';
import type { ContributionRow } from '../report-queries';

export const BODY_FACTS = 9.5;

export function contributionDescription(r: ContributionRow, lang: ReportLanguage, t: PdfReport['t']): string {
  switch (r.category) {
    case 'social_purchase':
      return [r.supplier_name, r.invoice_number && `${t('invoice')} ${r.invoice_number}`]
        .filter(Boolean)
        .join(' · ');
    case 'social_activity':
      return [contributionBlockName(r, lang), r.description].filter(Boolean).join(' · ');
    default:
      return [
        targetGroupName(r.target_group, lang),
        r.hours_per_week && `${r.hours_per_week} ${t('hoursPerWeek')}`,
        r.end_date && `${t('until')} ${formatDate(r.end_date, lang)}`,
      ]
        .filter(Boolean)
        .join(' · ');
  }
}

export function routeChart(report: PdfReport, routes: RouteTotal[], requiredCents: number): void {
  const { t } = report;
  const groups: BarGroup[] = routes.map((r) => ({
    label: t(`route.${r.route}`),
    bars: [
      { value: r.claimedCents, colour: COLOURS.claimed },
      { value: r.verifiedCents, colour: COLOURS.verified },
    ],
  }));
  groups.push({
    label: t('total'),
    bars: [
      { value: requiredCents, colour: COLOURS.required },
      { value: routes.reduce((s, r) => s + r.claimedCents, 0), colour: COLOURS.claimed },
      { value: routes.reduce((s, r) => s + r.verifiedCents, 0), colour: COLOURS.verified },
    ],
  });
  report.barChart(
    groups,
    [
      { label: t('required'), colour: COLOURS.required },
      { label: t('claimed'), colour: COLOURS.claimed },
      { label: t('verified'), colour: COLOURS.verified },
    ],
    { value: requiredCents, label: t('obligationAmount') },
  );
}

export async function routeTable(report: PdfReport, routes: RouteTotal[]): Promise<void> {
  const { t } = report;
  const rows = routes.map((r) => [
    t(`route.${r.route}`),
    String(r.count),
    report.money(r.claimedCents),
    report.money(r.verifiedCents),
  ]);
  rows.push([
    t('total'),
    String(routes.reduce((s, r) => s + r.count, 0)),
    report.money(routes.reduce((s, r) => s + r.claimedCents, 0)),
    report.money(routes.reduce((s, r) => s + r.verifiedCents, 0)),
  ]);
  await report.table(
    [
      { header: t('route'), width: 0.34 },
      { header: t('count'), width: 0.14, align: 'right' },
      { header: t('claimed'), width: 0.26, align: 'right' },
      { header: t('verified'), width: 0.26, align: 'right' },
    ],
    rows,
    { boldRows: new Set([rows.length - 1]) },
  );
}

/** The obligation (or tender) report: title page with the facts, then breakdown, progress, chart, contributions. */
export async function renderObligationPdf(data: ObligationReportData): Promise<PDFKit.PDFDocument> {
  const { meta, obligation: o } = data;
  const lang = meta.language;
  const report = new PdfReport(lang, `${labels(lang)('title')} – ${data.tender.title}`);
  const { t } = report;
  const period = meta.period
    ? `${formatDate(meta.period.from, lang)} – ${formatDate(meta.period.to, lang)}`
    : t('allTime');

  // Page 1: the summary (the facts and the progress) and the chart.
  report.title(t('title'), `${t(`scope.${meta.scope}`)}: ${data.tender.title}`);
  report.facts(
    [
      [t('tender'), data.tender.title],
      [t('reference'), data.tender.reference],
      [t('buyer'), data.tender.buyerName],
      [t('contractor'), data.contractorName],
      [t('contractValue'), report.money(o.contractValueCents)],
      [
        t('contractPeriod'),
        `${formatDate(o.contractPeriod.startDate, lang)} – ${formatDate(o.contractPeriod.endDate, lang)}`,
      ],
      [t('policy'), `${data.policy.name} (${lang === 'nl' ? 'versie' : 'version'} ${data.policy.version})`],
      [t('percentage'), o.applicable ? formatPercent(o.percentage, lang) : t('notApplicable')],
      [t('obligationAmount'), report.money(o.amountCents)],
      [t('claimed'), report.money(o.claimedCents)],
      [t('verified'), report.money(o.verifiedCents)],
      [t('remaining'), report.money(o.remainingCents)],
      [t('forecast'), o.forecastCents === null ? '–' : report.money(o.forecastCents)],
      ...(o.penaltyPreviewCents !== null
        ? [[t('penalty'), report.money(o.penaltyPreviewCents)] as [string, string]]
        : []),
      [t('status'), t(`obligation.${o.status}`)],
      [t('dueDate'), formatDate(o.dueDate, lang)],
      [t('period'), period],
    ],
    BODY_FACTS,
  );
  if (meta.period) {
    report.doc.moveDown(0.5);
    report.paragraph(t('periodNoteObligation'), COLOURS.muted);
  }
  report.heading(t('chart'));
  routeChart(report, data.routes, o.amountCents);

  report.heading(t('totalsPerRoute'));
  await routeTable(report, data.routes);

  report.heading(t('breakdown'));
  await report.table(
    [
      { header: t('description'), width: 0.5 },
      { header: t('calculation'), width: 0.26 },
      { header: t('amountEuro'), width: 0.24, align: 'right' },
    ],
    o.breakdown.map((l) => [
      lang === 'nl' ? l.labelNl : l.labelEn,
      l.detail ?? '',
      l.valueCents === undefined ? '' : report.money(l.valueCents),
    ]),
  );

  report.heading(t('contributions'));
  if (!data.contributions.length) report.paragraph(t('noContributions'), COLOURS.muted);
  else {
    const rows = data.contributions.map((r) => [
      formatDate(r.date, lang),
      t(`route.${r.category}`),
      contributionDescription(r, lang, t),
      t(`contribution.${r.status}`),
      report.money(Number(r.claimed_value_cents)),
      r.verified_value_cents === null ? '–' : report.money(Number(r.verified_value_cents)),
    ]);
    const live = data.contributions.filter((r) => r.status !== 'rejected');
    // The label sits in the wide description column so it does not wrap into a tall row.
    rows.push([
      '',
      '',
      t('totalExclRejected'),
      '',
      report.money(live.reduce((s, r) => s + Number(r.claimed_value_cents), 0)),
      report.money(live.reduce((s, r) => s + Number(r.verified_value_cents ?? 0), 0)),
    ]);
    await report.table(
      [
        { header: t('date'), width: 0.13, nowrap: true },
        { header: t('category'), width: 0.17 },
        { header: t('description'), width: 0.3 },
        { header: t('status'), width: 0.12 },
        { header: t('claimed'), width: 0.14, align: 'right' },
        { header: t('verified'), width: 0.14, align: 'right' },
      ],
      rows,
      { boldRows: new Set([rows.length - 1]) },
    );
  }
  return report.finish(`${t('generated')} ${formatDate(meta.generatedAt.toISOString(), lang)}`);
}
