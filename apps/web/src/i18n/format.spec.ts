import { formatDate, formatMoney, moneyInput, parseMoney } from './format';

// Intl writes a no-break space between the euro sign and the amount in Dutch.
const nbsp = (s: string) => s.replace(/ /g, '\u00a0');

describe('the one money and date formatter', () => {
  it.each([
    [123456, 'nl', nbsp('€ 1.234,56')],
    [123456, 'en', '€1,234.56'],
    [5750000, 'nl', nbsp('€ 57.500,00')],
    [5750000, 'en', '€57,500.00'],
    [0, 'nl', nbsp('€ 0,00')],
    [-150, 'en', '-€1.50'],
  ] as const)('formatMoney(%s, %s) = %s', (cents, locale, text) => {
    expect(formatMoney(cents, locale)).toBe(text);
  });

  it('shows a dash for an unknown amount', () => {
    expect(formatMoney(null, 'nl')).toBe('—');
  });

  it.each([
    ['2026-03-01', 'nl', '1 maart 2026'],
    ['2026-03-01', 'en', '1 March 2026'],
    ['2027-12-31', 'nl', '31 december 2027'],
  ] as const)('formatDate(%s, %s) = %s (a date has no time zone)', (value, locale, text) => {
    expect(formatDate(value, locale)).toBe(text);
  });

  it('writes timestamps in Dutch local time', () => {
    expect(formatDate('2026-07-01T22:30:00Z', 'en')).toBe('2 Jul 2026, 00:30');
  });

  it.each([
    ['1.234,56', 'nl', 123456],
    ['1234,5', 'nl', 123450],
    ['€ 1.200.000', 'nl', 120000000],
    ['1,234.56', 'en', 123456],
    ['1234', 'en', 123400],
    ['12,345', 'nl', null],
    ['abc', 'en', null],
    ['', 'nl', null],
  ] as const)('parseMoney(%j, %s) = %s', (input, locale, cents) => {
    expect(parseMoney(input, locale)).toBe(cents);
  });

  it.each([
    [123456, 'nl', '1234,56'],
    [120000000, 'en', '1200000'],
  ] as const)('moneyInput(%s, %s) = %s, and parses back', (cents, locale, text) => {
    expect(moneyInput(cents, locale)).toBe(text);
    expect(parseMoney(text, locale)).toBe(cents);
  });
});
