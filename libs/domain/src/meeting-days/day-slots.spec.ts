import { amsterdamInstant, amsterdamIso, daySlots, slotsWithin } from './day-slots';

describe('daySlots', () => {
  it.each([
    ['09:00', '12:00', 30, 6, '11:30'],
    ['09:00', '12:10', 30, 6, '11:30'],
    ['13:15', '14:00', 20, 2, '13:35'],
    ['09:00', '09:10', 20, 0, null],
  ])('%s–%s in %i-minute slots gives %i slots, the last at %s', (from, to, len, count, last) => {
    const slots = daySlots(from, to, len);
    expect(slots).toHaveLength(count);
    if (last) {
      const s = slots[slots.length - 1];
      expect(
        `${String(Math.floor(s.start / 60)).padStart(2, '0')}:${String(s.start % 60).padStart(2, '0')}`,
      ).toBe(last);
    }
  });
});

describe('slotsWithin', () => {
  const slots = daySlots('09:00', '12:00', 30);
  it.each([
    [null, null, [0, 1, 2, 3, 4, 5]],
    ['10:00', null, [2, 3, 4, 5]],
    [null, '10:00', [0, 1]],
    ['09:15', '10:45', [1, 2]],
    ['11:45', null, []],
  ])('from %s until %s', (from, until, expected) =>
    expect(slotsWithin(slots, from, until)).toEqual(expected),
  );
});

describe('amsterdamInstant', () => {
  it.each([
    ['2026-06-12', 9 * 60, '2026-06-12T09:00:00+02:00', '2026-06-12T07:00:00.000Z'],
    ['2026-12-03', 13 * 60 + 30, '2026-12-03T13:30:00+01:00', '2026-12-03T12:30:00.000Z'],
    // The Sunday clocks go forward (29 March 2026) and back (25 October 2026).
    ['2026-03-29', 10 * 60, '2026-03-29T10:00:00+02:00', '2026-03-29T08:00:00.000Z'],
    ['2026-10-25', 10 * 60, '2026-10-25T10:00:00+01:00', '2026-10-25T09:00:00.000Z'],
  ])('%s at minute %i is %s', (date, minutes, iso, utc) => {
    const r = amsterdamInstant(date, minutes);
    expect(r.iso).toBe(iso);
    expect(r.at.toISOString()).toBe(utc);
    expect(amsterdamIso(r.at)).toBe(iso);
  });
});
