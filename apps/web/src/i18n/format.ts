export type Locale = 'nl' | 'en';

const tag = (locale: Locale): string => (locale === 'nl' ? 'nl-NL' : 'en-GB');
const moneyFormats = new Map<Locale, Intl.NumberFormat>();

/** The one money formatter: integer cents → `€ 1.234,56` (nl) or `€1,234.56` (en). */
export function formatMoney(cents: number | null | undefined, locale: Locale): string {
  if (cents === null || cents === undefined) return '—';
  let f = moneyFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(tag(locale), { style: 'currency', currency: 'EUR' });
    moneyFormats.set(locale, f);
  }
  return f.format(cents / 100);
}

/** `YYYY-MM-DD` → `1 maart 2026` / `1 March 2026`; timestamps also get the Dutch local time. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  }
  return new Intl.DateTimeFormat(tag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(value));
}

export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits }).format(value);
}

/** Euros typed by a person (`1.234,56`, `1234.56`, `€ 1 234`) → integer cents, or null when unreadable. */
export function parseMoney(input: string, locale: Locale): number | null {
  let s = input.replace(/[€\s\u00a0]/g, '');
  if (!s) return null;
  if (locale === 'nl') s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  return Math.round(Number(s) * 100);
}

/** Cents → the editable text of a money field (no currency sign, no thousands separator). */
export function moneyInput(cents: number | null | undefined, locale: Locale): string {
  if (cents === null || cents === undefined) return '';
  const s = (cents / 100).toFixed(2).replace(/\.00$/, '');
  return locale === 'nl' ? s.replace('.', ',') : s;
}

/** Today in the Netherlands (YYYY-MM-DD): the day the API judges dates by (an invoice may not be dated later). */
export function todayInNl(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** YYYY-MM-DD of today (local), or of `offsetDays` from today: date fields' defaults. */
export function today(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A number typed by a person, with a decimal comma or point (`0,4`, `12.5`), or null when empty or unreadable. */
export function parseDecimal(input: string): number | null {
  const n = Number(input.replace(',', '.'));
  return input.trim() !== '' && Number.isFinite(n) ? n : null;
}
