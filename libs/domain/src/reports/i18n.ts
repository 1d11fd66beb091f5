import { blockName, type BlockFacts, term, type GlossaryList } from '@app/common/glossary';
import type { ReportLanguage } from '@app/database';

/** Amounts as officers write them: `€ 57.500,00` in Dutch, `€57,500.00` in English. */
export function formatMoney(cents: number, lang: ReportLanguage): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');
  const fraction = String(abs % 100).padStart(2, '0');
  return lang === 'nl' ? `${sign}€ ${euros},${fraction}` : `${sign}€${euros}.${fraction}`;
}

const MONTHS: Record<ReportLanguage, string[]> = {
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** `2026-03-15` → `15 mrt 2026` / `15 Mar 2026` (unambiguous in both languages). */
export function formatDate(iso: string | null | undefined, lang: ReportLanguage): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${Number(d)} ${MONTHS[lang][Number(m) - 1]} ${y}`;
}

export function formatPercent(value: number, lang: ReportLanguage): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0$/, '');
  return `${lang === 'nl' ? text.replace('.', ',') : text} %`;
}

type Labels = Record<string, string>;

const NL: Labels = {
  title: 'SROI-rapportage',
  tender: 'Aanbesteding',
  reference: 'Kenmerk',
  buyer: 'Opdrachtgever',
  contractor: 'Opdrachtnemer',
  contractValue: 'Contractwaarde (excl. btw)',
  contractPeriod: 'Contractperiode',
  policy: 'SROI-beleid (bevroren bij gunning)',
  percentage: 'SROI-percentage',
  obligationAmount: 'SROI-verplichting',
  dueDate: 'Einddatum',
  status: 'Status',
  period: 'Rapportageperiode',
  allTime: 'Volledige looptijd',
  generated: 'Gegenereerd op',
  page: 'pagina {x} van {y}',
  breakdown: 'Opbouw van de verplichting',
  progress: 'Voortgang',
  claimed: 'Opgevoerd',
  verified: 'Goedgekeurd',
  required: 'Vereist',
  remaining: 'Nog te doen',
  forecast: 'Prognose einde contract',
  penalty: 'Indicatie boete',
  route: 'Route',
  count: 'Aantal',
  total: 'Totaal',
  totalExclRejected: 'Totaal (excl. afgewezen)',
  totalsPerRoute: 'Totalen per route',
  chart: 'Vereist, opgevoerd en goedgekeurd per route',
  contributions: 'Bijdragen',
  noContributions: 'Nog geen bijdragen geregistreerd.',
  date: 'Datum',
  category: 'Categorie',
  description: 'Omschrijving',
  invoice: 'factuur',
  // A word joiner after the slash: pdfkit would otherwise break the line inside these abbreviations.
  hoursPerWeek: 'u/\u2060week',
  until: 't/\u2060m',
  obligations: 'Verplichtingen',
  noObligations: 'Geen verplichtingen.',
  amount: 'Verplichting',
  spentPerSe: 'Besteed bij sociale ondernemingen',
  socialEnterprise: 'Sociale onderneming',
  spent: 'Besteed (factuurbedrag)',
  credit: 'Gewaardeerd',
  nothing: 'Geen.',
  perTargetGroup: 'Bijdragen per doelgroep',
  targetGroup: 'Doelgroep',
  atRisk: 'Verplichtingen met risico',
  obligationCount: 'Aantal verplichtingen',
  totalAmount: 'Totaal verplicht',
  notApplicable: 'Niet van toepassing',
  sheetSummary: 'Samenvatting',
  sheetBreakdown: 'Opbouw',
  sheetRoutes: 'Per route',
  sheetSocialEnterprises: 'Sociale ondernemingen',
  sheetTargetGroups: 'Doelgroepen',
  sheetRisk: 'Risico',
  calculation: 'Berekening',
  amountEuro: 'Bedrag',
  supplier: 'Leverancier',
  invoiceNumber: 'Factuurnummer',
  blockCode: 'Bouwblok',
  hoursPerWeekLong: 'Uren per week',
  untilDate: 'Tot en met',
  contractStart: 'Begin contract',
  contractEnd: 'Einde contract',
  periodFrom: 'Periode vanaf',
  periodTo: 'Periode tot en met',
  claimedInPeriod: 'Opgevoerd in de periode',
  verifiedInPeriod: 'Goedgekeurd in de periode',
  periodNoteObligation:
    'Bijdragen en totalen per route betreffen bijdragen gedateerd in de rapportageperiode; de voortgang van de verplichting geldt voor de hele looptijd.',
  periodNoteBuyer:
    'Totalen per route, per sociale onderneming en per doelgroep betreffen bijdragen gedateerd in de rapportageperiode; status en bedragen per verplichting gelden voor de hele looptijd.',
};

const EN: Labels = {
  title: 'SROI report',
  tender: 'Tender',
  reference: 'Reference',
  buyer: 'Buyer',
  contractor: 'Contractor',
  contractValue: 'Contract value (excl. VAT)',
  contractPeriod: 'Contract period',
  policy: 'SROI policy (frozen at award)',
  percentage: 'SROI percentage',
  obligationAmount: 'SROI obligation',
  dueDate: 'Due date',
  status: 'Status',
  period: 'Reporting period',
  allTime: 'Whole contract term',
  generated: 'Generated on',
  page: 'page {x} of {y}',
  breakdown: 'How the obligation was set',
  progress: 'Progress',
  claimed: 'Claimed',
  verified: 'Verified',
  required: 'Required',
  remaining: 'Remaining',
  forecast: 'Forecast at contract end',
  penalty: 'Penalty preview',
  route: 'Route',
  count: 'Count',
  total: 'Total',
  totalExclRejected: 'Total (excl. rejected)',
  totalsPerRoute: 'Totals per route',
  chart: 'Required, claimed and verified per route',
  contributions: 'Contributions',
  noContributions: 'No contributions recorded yet.',
  date: 'Date',
  category: 'Category',
  description: 'Description',
  invoice: 'invoice',
  hoursPerWeek: 'h/\u2060week',
  until: 'to',
  obligations: 'Obligations',
  noObligations: 'No obligations.',
  amount: 'Obligation',
  spentPerSe: 'Spent with social enterprises',
  socialEnterprise: 'Social enterprise',
  spent: 'Spent (invoiced)',
  credit: 'Valued',
  nothing: 'None.',
  perTargetGroup: 'Contributions per target group',
  targetGroup: 'Target group',
  atRisk: 'Obligations at risk',
  obligationCount: 'Number of obligations',
  totalAmount: 'Total required',
  notApplicable: 'Not applicable',
  sheetSummary: 'Summary',
  sheetBreakdown: 'Breakdown',
  sheetRoutes: 'Per route',
  sheetSocialEnterprises: 'Social enterprises',
  sheetTargetGroups: 'Target groups',
  sheetRisk: 'At risk',
  calculation: 'Calculation',
  amountEuro: 'Amount',
  supplier: 'Supplier',
  invoiceNumber: 'Invoice number',
  blockCode: 'Building block',
  hoursPerWeekLong: 'Hours per week',
  untilDate: 'Until',
  contractStart: 'Contract start',
  contractEnd: 'Contract end',
  periodFrom: 'Period from',
  periodTo: 'Period to',
  claimedInPeriod: 'Claimed in the period',
  verifiedInPeriod: 'Verified in the period',
  periodNoteObligation:
    'Contributions and totals per route cover contributions dated inside the reporting period; the progress of the obligation covers the whole term.',
  periodNoteBuyer:
    'Totals per route, per social enterprise and per target group cover contributions dated inside the reporting period; status and amounts per obligation cover the whole term.',
};

/** The kinds of code a report prints as a word, and the glossary list that words each. */
const CODE_LISTS = {
  route: 'contributionCategory',
  contribution: 'contributionStatus',
  obligation: 'obligationStatus',
  targetGroup: 'targetGroup',
  scope: 'reportScope',
} as const satisfies Record<string, GlossaryList>;
export type CodeKind = keyof typeof CODE_LISTS;

/** The word for a code from the one glossary (the web app's words); a missing code reads as a dash. */
export function codeWord(kind: CodeKind, code: string | null | undefined, lang: ReportLanguage): string {
  return code ? term(CODE_LISTS[kind], code, lang) : '–';
}

const CODE_KEY = /^(route|contribution|obligation|targetGroup|scope)\.(.+)$/;

export function labels(
  lang: ReportLanguage,
): (key: string, vars?: Record<string, string | number>) => string {
  const table = lang === 'nl' ? NL : EN;
  return (key, vars) => {
    const code = CODE_KEY.exec(key);
    let text = code ? codeWord(code[1] as CodeKind, code[2], lang) : (table[key] ?? key);
    for (const [k, v] of Object.entries(vars ?? {})) text = text.replace(`{${k}}`, String(v));
    return text;
  };
}

export function targetGroupName(code: string | null | undefined, lang: ReportLanguage): string {
  return codeWord('targetGroup', code, lang);
}

/**
 * The block a contribution row counts under, in words ("Maatschappelijke activiteit, per uur"), from the frozen
 * policy's block; the code as typed only when the policy has no such block; '' when the row names none.
 */
export function contributionBlockName(
  r: { block?: BlockFacts | null; block_code: string },
  lang: ReportLanguage,
): string {
  const b = r.block;
  if (b && typeof b === 'object' && typeof b.category === 'string' && b.category) return blockName(b, lang);
  return r.block_code;
}
