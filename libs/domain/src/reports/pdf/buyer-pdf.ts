import { isAtRisk } from '../../obligations/progress';
import { formatDate, labels, targetGroupName } from '../i18n';
import type { BuyerReportData } from '../report-data';
import { COLOURS, PdfReport } from './pdf-layout';
import { BODY_FACTS, routeChart, routeTable } from './obligation-pdf';

/** The buyer report: every obligation with its status and totals, spend per SE, target groups, risks. */
export async function renderBuyerPdf(data: BuyerReportData): Promise<PDFKit.PDFDocument> {
  const { meta } = data;
  const lang = meta.language;
  const report = new PdfReport(lang, `${labels(lang)('title')} – ${data.buyer.name}`);
  const { t } = report;
  const period = meta.period
    ? `${formatDate(meta.period.from, lang)} – ${formatDate(meta.period.to, lang)}`
    : t('allTime');
  const sum = (f: (o: BuyerReportData['obligations'][number]) => number): number =>
    data.obligations.reduce((s, o) => s + f(o), 0);
  const atRisk = data.obligations.filter((o) => isAtRisk(o.status));

  // Page 1: the summary and the chart.
  report.title(t('title'), `${t('scope.buyer')}: ${data.buyer.name}`);
  report.facts(
    [
      [t('buyer'), data.buyer.name],
      [t('period'), period],
      [t('obligationCount'), String(data.obligations.length)],
      [t('totalAmount'), report.money(sum((o) => o.amountCents))],
      [t('claimed'), report.money(sum((o) => o.claimedCents))],
      [t('verified'), report.money(sum((o) => o.verifiedCents))],
      [t('remaining'), report.money(sum((o) => o.remainingCents))],
      [t('atRisk'), String(atRisk.length)],
      [t('generated'), formatDate(meta.generatedAt.toISOString(), lang)],
    ],
    BODY_FACTS,
  );
  if (meta.period) {
    report.doc.moveDown(0.5);
    report.paragraph(t('periodNoteBuyer'), COLOURS.muted);
  }
  report.heading(t('chart'));
  routeChart(
    report,
    data.routes,
    sum((o) => o.amountCents),
  );
  report.heading(t('totalsPerRoute'));
  await routeTable(report, data.routes);

  report.heading(t('obligations'));
  if (!data.obligations.length) report.paragraph(t('noObligations'), COLOURS.muted);
  else {
    const rows = data.obligations.map((o) => [
      o.tenderTitle,
      o.contractorName,
      report.money(o.amountCents),
      report.money(o.claimedCents),
      report.money(o.verifiedCents),
      t(`obligation.${o.status}`),
    ]);
    rows.push([
      t('total'),
      '',
      report.money(sum((o) => o.amountCents)),
      report.money(sum((o) => o.claimedCents)),
      report.money(sum((o) => o.verifiedCents)),
      '',
    ]);
    await report.table(
      [
        { header: t('tender'), width: 0.23 },
        { header: t('contractor'), width: 0.16 },
        { header: t('amount'), width: 0.15, align: 'right' },
        { header: t('claimed'), width: 0.15, align: 'right' },
        { header: t('verified'), width: 0.15, align: 'right' },
        { header: t('status'), width: 0.16 },
      ],
      rows,
      { boldRows: new Set([rows.length - 1]) },
    );
  }

  report.heading(t('atRisk'));
  if (!atRisk.length) report.paragraph(t('nothing'), COLOURS.muted);
  else
    await report.table(
      [
        { header: t('tender'), width: 0.3 },
        { header: t('contractor'), width: 0.2 },
        { header: t('remaining'), width: 0.17, align: 'right' },
        { header: t('forecast'), width: 0.17, align: 'right' },
        { header: t('dueDate'), width: 0.16, nowrap: true },
      ],
      atRisk.map((o) => [
        o.tenderTitle,
        o.contractorName,
        report.money(o.remainingCents),
        o.forecastCents === null ? '–' : report.money(o.forecastCents),
        formatDate(o.dueDate, lang),
      ]),
    );

  report.heading(t('spentPerSe'));
  if (!data.spendPerSocialEnterprise.length) report.paragraph(t('nothing'), COLOURS.muted);
  else
    await report.table(
      [
        { header: t('socialEnterprise'), width: 0.34 },
        { header: t('count'), width: 0.1, align: 'right' },
        { header: t('spent'), width: 0.2, align: 'right' },
        { header: t('claimed'), width: 0.18, align: 'right' },
        { header: t('verified'), width: 0.18, align: 'right' },
      ],
      data.spendPerSocialEnterprise.map((s) => [
        s.name,
        String(s.count),
        report.money(s.spentCents),
        report.money(s.claimedCents),
        report.money(s.verifiedCents),
      ]),
    );

  report.heading(t('perTargetGroup'));
  if (!data.perTargetGroup.length) report.paragraph(t('nothing'), COLOURS.muted);
  else
    await report.table(
      [
        { header: t('targetGroup'), width: 0.4 },
        { header: t('count'), width: 0.14, align: 'right' },
        { header: t('claimed'), width: 0.23, align: 'right' },
        { header: t('verified'), width: 0.23, align: 'right' },
      ],
      data.perTargetGroup.map((g) => [
        targetGroupName(g.targetGroup, lang),
        String(g.count),
        report.money(g.claimedCents),
        report.money(g.verifiedCents),
      ]),
    );

  return report.finish(`${t('generated')} ${formatDate(meta.generatedAt.toISOString(), lang)}`);
}
