import { blockName, certificationName, GLOSSARY, type GlossaryList, humanise, term } from '@glossary';
import { formatDate, formatMoney, formatNumber, type Locale } from '../../i18n/format';

/*
 * The rule engine's breakdown lines in the reader's language and money format. A line carries its figures as
 * `params` (by `code`); the API's `detail` ("780000.00 × 5 % = 39000.00") is for developers. Lines stored before
 * the params existed are worded from their own label and detail, with amounts, dates and codes put in words.
 */

export interface BreakdownLineLike {
  code: string;
  labelNl: string;
  labelEn: string;
  valueCents?: number;
  detail?: string;
  params?: Record<string, string | number | boolean | null>;
}

export interface WordedLine {
  label: string;
  detail?: string;
}

type Params = NonNullable<BreakdownLineLike['params']>;

interface Fmt {
  locale: Locale;
  money: (cents: unknown) => string;
  date: (iso: unknown) => string;
  num: (n: unknown) => string;
  /** A percentage as people write it: nl `4,5%`, en `4.5%`. */
  pct: (n: unknown) => string;
  /** A share 0..1 as a percentage: 0.35 → `35%`. */
  share: (n: unknown) => string;
  term: (list: GlossaryList, code: unknown) => string;
  /** A glossary word inside a sentence: lower-case first letter ("trede 3"). */
  lower: (list: GlossaryList, code: unknown) => string;
}

function fmt(locale: Locale): Fmt {
  const num = (n: unknown) => (typeof n === 'number' ? formatNumber(n, locale, 2) : String(n ?? ''));
  const lower = (list: GlossaryList, code: unknown) => {
    const w = term(list, String(code ?? ''), locale);
    return w.charAt(0).toLowerCase() + w.slice(1);
  };
  return {
    locale,
    money: (c) => formatMoney(typeof c === 'number' ? c : Number(c), locale),
    date: (d) => (typeof d === 'string' && d ? formatDate(d, locale) : ''),
    num,
    pct: (n) => `${num(n)}%`,
    share: (n) => (typeof n === 'number' ? `${formatNumber(n * 100, locale, 2)}%` : ''),
    term: (list, code) => term(list, String(code ?? ''), locale),
    lower,
  };
}

type Wording = (p: Params, f: Fmt) => { nl?: string; en?: string; detailNl?: string; detailEn?: string };

const certSentence = (p: Params, f: Fmt): string => {
  const name = certificationName(String(p.certificationType ?? ''), p.psoLevel as string | null, f.locale);
  const until = p.validUntil ? f.date(p.validUntil) : f.locale === 'nl' ? 'zonder einddatum' : 'open-ended';
  const status = p.certificationStatus ? ` (${f.lower('certificationStatus', p.certificationStatus)})` : '';
  const valid = f.locale === 'nl' ? 'geldig' : 'valid';
  const min =
    p.minPsoLevel != null
      ? f.locale === 'nl'
        ? `; het beleid vraagt minstens ${f.lower('psoLevel', p.minPsoLevel)}`
        : `; the policy asks for at least ${f.lower('psoLevel', p.minPsoLevel)}`
      : '';
  return `${name}, ${valid} ${f.date(p.validFrom)} – ${until}${status}${min}`;
};

const both = (s: string) => ({ detailNl: s, detailEn: s });

/**
 * The block a line counts under, named by its facts, then `value` ("Maatschappelijke activiteit, per uur: 3 ×
 * € 100,00"); a line stored before the facts were in its params says "Bouwblok" with the policy's code.
 */
const blockWords = (p: Params, f: Fmt, value: string): string =>
  typeof p.category === 'string' && p.category
    ? `${blockName(
        {
          category: p.category,
          targetGroup: typeof p.targetGroup === 'string' ? p.targetGroup : null,
          unit: String(p.unit ?? ''),
          benefitMonthsMin: typeof p.benefitMonthsMin === 'number' ? p.benefitMonthsMin : null,
          benefitMonthsMax: typeof p.benefitMonthsMax === 'number' ? p.benefitMonthsMax : null,
        },
        f.locale,
      )}: ${value}`
    : `${f.locale === 'nl' ? 'Bouwblok' : 'Building block'} ${String(p.block ?? '')}: ${value} per ${f.term('blockUnit', p.unit)}`;

const bonusWording: Wording = (p, f) => {
  const name = f.term('bonus', p.bonus);
  const v = f.money(p.bonusValueCents);
  return p.proRata
    ? {
        nl: `${name}, naar rato van uren en maanden`,
        en: `${name}, pro rata of hours and months`,
        ...both(
          `${v} × ${f.num(p.effectiveHoursPerWeek)}/${f.num(p.fullTimeHoursPerWeek)} × ${f.num(p.months)}/12`,
        ),
      }
    : { nl: `${name}, vast bedrag`, en: `${name}, fixed amount`, ...both(v) };
};

/** Per line code: the label (when it holds figures or codes) and the detail, from the line's params. */
const WORDINGS: Record<string, Wording> = {
  PERCENTAGE_TENDER: (p, f) => both(f.pct(p.percentage)),
  PERCENTAGE_DEFAULT: (p, f) => both(f.pct(p.percentage)),
  PERCENTAGE_LOW_LABOUR: (p, f) => ({
    nl: `Lager percentage: arbeidsaandeel onder ${f.share(p.belowShare)}`,
    en: `Lower percentage: labour share below ${f.share(p.belowShare)}`,
    ...both(`${f.share(p.labourShare)} < ${f.share(p.belowShare)} → ${f.pct(p.percentage)}`),
  }),
  AMOUNT: (p, f) => both(`${f.money(p.baseCents)} × ${f.pct(p.percentage)} = ${f.money(p.amountCents)}`),
  PSO_DISCOUNT: (p, f) => ({
    nl: `Korting voor PSO-certificaat (${f.lower('psoLevel', p.level)}), geldig gedurende de hele contractperiode`,
    en: `Discount for a PSO certificate (${f.lower('psoLevel', p.level)}) valid for the whole contract period`,
    ...both(`${f.money(p.grossCents)} × ${f.pct(p.percentage)}`),
  }),
  NOT_APPLICABLE_CATEGORY: (p, f) => both(f.term('procurementCategory', p.category)),
  BELOW_THRESHOLD: (p, f) => both(`${f.money(p.contractValueCents)} < ${f.money(p.thresholdCents)}`),
  GOODS_LABOUR_SHARE_TOO_LOW: (p, f) => both(`${f.share(p.labourShare)} < ${f.share(p.minLabourShare)}`),
  GOODS_LABOUR_SHARE_MISSING: () => ({}),
  BLOCK: (p, f) => ({
    nl: blockWords(p, f, f.money(p.blockValueCents)),
    en: blockWords(p, f, f.money(p.blockValueCents)),
  }),
  COUNTED_PERIOD: (p, f) => ({
    detailNl: `${f.date(p.start)} – ${f.date(p.end)}: ${f.num(p.months)} maanden`,
    detailEn: `${f.date(p.start)} – ${f.date(p.end)}: ${f.num(p.months)} months`,
  }),
  MAX_COUNT_MONTHS: () => ({}),
  HOURS: (p, f) => {
    const capped = Number(p.hoursPerWeek) > Number(p.fullTimeHoursPerWeek);
    return capped
      ? {
          nl: `Uren per week: ${f.num(p.hoursPerWeek)}, begrensd op voltijd (${f.num(p.fullTimeHoursPerWeek)})`,
          en: `Hours per week: ${f.num(p.hoursPerWeek)}, capped at full time (${f.num(p.fullTimeHoursPerWeek)})`,
        }
      : {
          nl: `Uren per week: ${f.num(p.hoursPerWeek)} van ${f.num(p.fullTimeHoursPerWeek)} (voltijd)`,
          en: `Hours per week: ${f.num(p.hoursPerWeek)} of ${f.num(p.fullTimeHoursPerWeek)} (full time)`,
        };
  },
  BASE_VALUE: (p, f) => {
    const v = f.money(p.blockValueCents);
    const fte = `${f.num(p.effectiveHoursPerWeek)}/${f.num(p.fullTimeHoursPerWeek)}`;
    const nl = f.locale === 'nl';
    switch (p.unit) {
      case 'fte_year':
        return both(`${v} × ${fte} × ${f.num(p.months)}/12`);
      case 'month':
        return both(`${v} × ${fte} × ${f.num(p.months)} ${nl ? 'maanden' : 'months'}`);
      case 'week':
        return both(`${v} × ${fte} × ${f.num(p.weeks)} ${nl ? 'weken' : 'weeks'}`);
      case 'hour':
        return both(
          `${v} × ${f.num(p.effectiveHoursPerWeek)} ${nl ? 'uur' : 'hours'} × ${f.num(p.weeks)} ${nl ? 'weken' : 'weeks'}`,
        );
      default:
        return both(`${v} × 1`);
    }
  },
  INVOICE: (p, f) => ({
    nl: `Factuur ${String(p.invoiceNumber)} van ${f.date(p.invoiceDate)}, excl. btw`,
    en: `Invoice ${String(p.invoiceNumber)} of ${f.date(p.invoiceDate)}, excl. VAT`,
  }),
  CERTIFICATION: (p, f) => both(certSentence(p, f)),
  MODE_LABOUR_COMPONENT: (p, f) => both(`${f.money(p.amountCents)} × ${f.share(p.labourShare)}`),
  MODE_FACTOR: (p, f) => ({
    nl: `Het factuurbedrag telt voor een vaste factor ${f.num(p.factor)}`,
    en: `The invoice amount counts at a fixed factor of ${f.num(p.factor)}`,
    ...both(`${f.money(p.amountCents)} × ${f.num(p.factor)}`),
  }),
  ACTIVITY: (p, f) => ({
    nl: blockWords(p, f, `${f.num(p.quantity)} × ${f.money(p.blockValueCents)}`),
    en: blockWords(p, f, `${f.num(p.quantity)} × ${f.money(p.blockValueCents)}`),
  }),
  OUTSIDE_CONTRACT_PERIOD: (p, f) => {
    const what = p.date ? f.date(p.date) : `${f.date(p.start)} – ${f.date(p.end)}`;
    return {
      detailNl: `${what}; contractperiode ${f.date(p.contractStart)} – ${f.date(p.contractEnd)}`,
      detailEn: `${what}; contract period ${f.date(p.contractStart)} – ${f.date(p.contractEnd)}`,
    };
  },
};
for (const reason of [
  'CERTIFICATION_REJECTED',
  'CERTIFICATION_NOT_VERIFIED',
  'CERTIFICATION_NOT_YET_VALID',
  'CERTIFICATION_EXPIRED',
  'PSO_LEVEL_TOO_LOW',
]) {
  WORDINGS[reason] = (p, f) => both(certSentence(p, f));
}

/** Codes that may stand in an old line's label or detail, and the lists that word them. */
const CODE_LISTS: GlossaryList[] = [
  'psoLevel',
  'certificationType',
  'certificationStatus',
  'blockUnit',
  'bonus',
  'targetGroup',
  'procurementCategory',
  'contributionCategory',
];
const ABBREVIATIONS: Record<Locale, Record<string, string>> = {
  nl: { mo: 'mnd', wk: 'wkn', h: 'uur' },
  en: { mo: 'months', wk: 'weeks', h: 'hours' },
};

/** An old line's text with its amounts, dates, percentages and codes in this language. */
export function localiseText(text: string, locale: Locale): string {
  return text
    .replace(/(?:EUR )?(-?\d+\.\d{2})(?!\d)/g, (_, amount: string) =>
      formatMoney(Math.round(Number(amount) * 100), locale),
    )
    .replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d: string) => formatDate(d, locale))
    .replace(/(\d) %/g, '$1%')
    .replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)*\b/g, (word: string) => {
      if (Object.prototype.hasOwnProperty.call(ABBREVIATIONS[locale], word))
        return ABBREVIATIONS[locale][word];
      for (const list of CODE_LISTS) {
        if (Object.prototype.hasOwnProperty.call(GLOSSARY[list], word)) {
          const w = term(list, word, locale);
          return list === 'psoLevel' || list === 'certificationStatus' ? w.toLowerCase() : w;
        }
      }
      return word.includes('_') ? humanise(word).toLowerCase() : word;
    });
}

/** A breakdown line in the reader's language: its label and, when it has one, its formula with figures. */
export function wordBreakdownLine(line: BreakdownLineLike, locale: Locale): WordedLine {
  const ownLabel = locale === 'nl' ? line.labelNl : line.labelEn;
  const wording =
    WORDINGS[line.code] ?? (line.code.startsWith('BONUS_') && line.params ? bonusWording : undefined);
  if (line.params && wording) {
    const w = wording(line.params, fmt(locale));
    const label = (locale === 'nl' ? w.nl : w.en) ?? ownLabel;
    const detail = locale === 'nl' ? w.detailNl : w.detailEn;
    return detail ? { label, detail } : { label };
  }
  const label = localiseText(ownLabel, locale);
  return line.detail ? { label, detail: localiseText(line.detail, locale) } : { label };
}
