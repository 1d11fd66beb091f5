import { escapeText, fold, icsCalendar, icsTime } from './ical';

describe('iCalendar', () => {
  it.each([
    ['a, b; c\\d', 'a\\, b\\; c\\\\d'],
    ['line one\nline two', 'line one\\nline two'],
  ])('escapes %j', (input, expected) => expect(escapeText(input)).toBe(expected));

  it('writes UTC times without separators', () => {
    expect(icsTime(new Date('2026-06-12T07:30:00.000Z'))).toBe('20260612T073000Z');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = fold(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('writes one VEVENT per meeting with CRLF line ends', () => {
    const ics = icsCalendar('Buy Social Marktplaats', new Date('2026-06-01T10:00:00Z'), [
      {
        uid: 'm1@buysocial',
        start: new Date('2026-06-12T07:00:00Z'),
        end: new Date('2026-06-12T07:20:00Z'),
        summary: 'Meeting with Schoon & Co',
        location: 'Tafel 3, 2011 RD',
        description: 'Why: CPV 90910000',
      },
    ]);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('\r\nDTSTART:20260612T070000Z\r\nDTEND:20260612T072000Z\r\n');
    expect(ics).toContain('LOCATION:Tafel 3\\, 2011 RD');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
