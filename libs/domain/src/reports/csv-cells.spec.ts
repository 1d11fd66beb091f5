import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { CSV_OPTIONS, neutraliseCell } from './csv-cells';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+31 6 12345678', `'+31 6 12345678`],
    ['-5', `'-5`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tindent', `'\tindent`],
    ['\rreturn', `'\rreturn`],
    ['Gastles, "café"', 'Gastles, "café"'],
    ['2026-03-15', '2026-03-15'],
    ['', ''],
  ])('%j becomes %j', (input, output) => expect(neutraliseCell(input)).toBe(output));

  it('round-trips through RFC 4180 quoting; numbers stay numbers', () => {
    const rows = [['a,b', 'say "hi"', 'line\nbreak', '=1+1', 1250]];
    const csv = stringify(rows, CSV_OPTIONS);
    expect(csv).toBe('"a,b","say ""hi""","line\nbreak",\'=1+1,1250\r\n');
    expect(parse(csv)).toEqual([['a,b', 'say "hi"', 'line\nbreak', "'=1+1", '1250']]);
  });
});
