import { daySlots } from './day-slots';
import { usableRegistrations } from './usable-registrations';

describe('usableRegistrations', () => {
  const slots = daySlots('13:00', '15:00', 30);

  it('gives each usable registration its slots and leaves out one whose times cannot be read, with why', () => {
    const { usable, skipped } = usableRegistrations(
      [
        { organisationId: 'a', availableFrom: null, availableUntil: null, organisation: { name: 'A' } },
        { organisationId: 'b', availableFrom: '25:99', availableUntil: null, organisation: { name: 'B' } },
        { organisationId: 'c', availableFrom: '14:00', availableUntil: '9:00', organisation: null },
        { organisationId: 'd', availableFrom: '14:00', availableUntil: null },
      ],
      slots,
    );
    expect(usable.map((u) => [u.registration.organisationId, u.slots])).toEqual([
      ['a', [0, 1, 2, 3]],
      ['d', [2, 3]],
    ]);
    expect(skipped).toEqual([
      { organisationId: 'b', name: 'B', reason: expect.stringContaining('"25:99"') },
      { organisationId: 'c', name: 'c', reason: expect.stringContaining('"9:00"') },
    ]);
    for (const s of skipped) expect(s.reason).toMatch(/is not a time of day \(HH:MM\); it was left out/);
  });
});
