import { formatDate, formatMoney, formatPercent, labels } from './i18n';

describe('report formatting', () => {
  it.each([
    [5_750_000, '€ 57.500,00', '€57,500.00'],
    [0, '€ 0,00', '€0.00'],
    [7, '€ 0,07', '€0.07'],
    [123_456_789_01, '€ 123.456.789,01', '€123,456,789.01'],
    [-150, '-€ 1,50', '-€1.50'],
  ])('%i cents is %s in Dutch and %s in English', (cents, nl, en) => {
    expect(formatMoney(cents, 'nl')).toBe(nl);
    expect(formatMoney(cents, 'en')).toBe(en);
  });

  it.each([
    ['2026-03-15', '15 mrt 2026', '15 Mar 2026'],
    ['2027-12-01', '1 dec 2027', '1 Dec 2027'],
  ])('%s is %s / %s', (iso, nl, en) => {
    expect(formatDate(iso, 'nl')).toBe(nl);
    expect(formatDate(iso, 'en')).toBe(en);
  });

  it('writes percentages the local way', () => {
    expect(formatPercent(5, 'nl')).toBe('5 %');
    expect(formatPercent(2.5, 'nl')).toBe('2,5 %');
    expect(formatPercent(2.5, 'en')).toBe('2.5 %');
  });

  it('fills placeholders and falls back to the key', () => {
    expect(labels('nl')('page', { x: 2, y: 7 })).toBe('pagina 2 van 7');
    expect(labels('en')('page', { x: 2, y: 7 })).toBe('page 2 of 7');
    expect(labels('en')('no.such.label')).toBe('no.such.label');
  });
});
