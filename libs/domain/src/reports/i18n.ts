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
  'scope.obligation': 'Verplichting',
  'scope.tender': 'Aanbesteding',
  'scope.buyer': 'Opdrachtgever',
  tender: 'Aanbesteding',
  reference: 'Kenmerk',
  buyer: 'Opdrachtgever',
  contractor: 'Opdrachtnemer',
  contractValue: 'Contractwaarde (excl. btw)',
  contractPeriod: 'Contractperiode',
  policy: 'SROI-beleid (bevroren bij gunning)',
  percentage: 'SROI-percentage',
  obligationAmount: 'SROI-verplichting',
  dueDate: 'Uiterste datum',
  status: 'Status',
  period: 'Rapportageperiode',
  allTime: 'Volledige looptijd',
  generated: 'Gegenereerd op',
  page: 'pagina {x} van {y}',
  breakdown: 'Opbouw van de verplichting',
  progress: 'Voortgang',
  claimed: 'Geclaimd',
  verified: 'Geverifieerd',
  required: 'Vereist',
  remaining: 'Nog te realiseren',
  forecast: 'Prognose einde contract',
  penalty: 'Indicatie boete',
  route: 'Route',
  count: 'Aantal',
  total: 'Totaal',
  totalExclRejected: 'Totaal (excl. afgewezen)',
  totalsPerRoute: 'Totalen per route',
  chart: 'Vereist, geclaimd en geverifieerd per route',
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
  'route.employment': 'Werk',
  'route.training': 'Opleiding',
  'route.social_purchase': 'Inkoop',
  'route.social_activity': 'Activiteit',
  'contribution.submitted': 'Ingediend',
  'contribution.verified': 'Geverifieerd',
  'contribution.rejected': 'Afgewezen',
  'obligation.open': 'Open',
  'obligation.on_track': 'Op koers',
  'obligation.at_risk': 'Risico',
  'obligation.met': 'Behaald',
  'obligation.not_met': 'Niet behaald',
  'obligation.waived': 'Kwijtgescholden',
  'obligation.error': 'Niet te berekenen',
  notApplicable: 'Niet van toepassing',
  periodNoteObligation:
    'Bijdragen en totalen per route betreffen bijdragen gedateerd in de rapportageperiode; de voortgang van de verplichting geldt voor de hele looptijd.',
  periodNoteBuyer:
    'Totalen per route, per sociale onderneming en per doelgroep betreffen bijdragen gedateerd in de rapportageperiode; status en bedragen per verplichting gelden voor de hele looptijd.',
};

const EN: Labels = {
  title: 'SROI report',
  'scope.obligation': 'Obligation',
  'scope.tender': 'Tender',
  'scope.buyer': 'Buyer',
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
  'route.employment': 'Employment',
  'route.training': 'Training',
  'route.social_purchase': 'Purchase',
  'route.social_activity': 'Activity',
  'contribution.submitted': 'Submitted',
  'contribution.verified': 'Verified',
  'contribution.rejected': 'Rejected',
  'obligation.open': 'Open',
  'obligation.on_track': 'On track',
  'obligation.at_risk': 'At risk',
  'obligation.met': 'Met',
  'obligation.not_met': 'Not met',
  'obligation.waived': 'Waived',
  'obligation.error': 'Cannot be computed',
  notApplicable: 'Not applicable',
  periodNoteObligation:
    'Contributions and totals per route cover contributions dated inside the reporting period; the progress of the obligation covers the whole term.',
  periodNoteBuyer:
    'Totals per route, per social enterprise and per target group cover contributions dated inside the reporting period; status and amounts per obligation cover the whole term.',
};

const TARGET_GROUP_NAMES: Record<string, [string, string]> = {
  participatiewet: ['Participatiewet', 'Participation Act'],
  banenafspraak: ['Banenafspraak', 'Jobs agreement'],
  ww: ['WW', 'Unemployment benefit (WW)'],
  wia_wao: ['WIA/WAO', 'Disability benefit (WIA/WAO)'],
  wajong: ['Wajong', 'Wajong'],
  nugger: ['Nugger (geen uitkering)', 'Job seeker without benefit'],
  bbl: ['BBL-leerling', 'BBL student'],
  bol: ['BOL-stagiair', 'BOL intern'],
  pro_vso: ['Pro/VSO-leerling', 'Pro/VSO pupil'],
  other: ['Overig', 'Other'],
};

export function labels(
  lang: ReportLanguage,
): (key: string, vars?: Record<string, string | number>) => string {
  const table = lang === 'nl' ? NL : EN;
  return (key, vars) => {
    let text = table[key] ?? key;
    for (const [k, v] of Object.entries(vars ?? {})) text = text.replace(`{${k}}`, String(v));
    return text;
  };
}

export function targetGroupName(code: string | null | undefined, lang: ReportLanguage): string {
  if (!code) return '–';
  const names = TARGET_GROUP_NAMES[code];
  return names ? names[lang === 'nl' ? 0 : 1] : code;
}
