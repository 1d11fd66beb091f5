import {
  cappedCredit,
  nextStatus,
  ORDER_MACHINE,
  QUOTE_MACHINE,
  QUOTE_REQUEST_MACHINE,
  quoteExpired,
} from './transitions';

describe('marketplace status machines', () => {
  it.each([
    ['open', 'quote', 'quoted'],
    ['open', 'decline', 'declined'],
    ['open', 'order', null],
    ['quoted', 'quote', 'quoted'],
    ['quoted', 'order', 'ordered'],
    ['quoted', 'decline', null],
    ['declined', 'quote', null],
    ['declined', 'decline', null],
    ['declined', 'order', null],
    ['ordered', 'quote', null],
    ['ordered', 'decline', null],
    ['ordered', 'order', null],
  ] as const)('quote request %s --%s--> %s', (from, event, to) => {
    expect(nextStatus(QUOTE_REQUEST_MACHINE, from, event)).toBe(to);
  });

  it.each([
    ['open', 'accept', 'accepted'],
    ['open', 'reject', 'rejected'],
    ['open', 'supersede', 'superseded'],
    ['accepted', 'accept', null],
    ['accepted', 'reject', null],
    ['accepted', 'supersede', null],
    ['rejected', 'accept', null],
    ['rejected', 'reject', null],
    ['superseded', 'accept', null],
    ['superseded', 'reject', null],
  ] as const)('quote %s --%s--> %s', (from, event, to) => {
    expect(nextStatus(QUOTE_MACHINE, from, event)).toBe(to);
  });

  it.each([
    ['open', 'invoice', 'open'],
    ['open', 'complete', 'completed'],
    ['completed', 'invoice', null],
    ['completed', 'complete', null],
  ] as const)('order %s --%s--> %s', (from, event, to) => {
    expect(nextStatus(ORDER_MACHINE, from, event)).toBe(to);
  });

  it('never moves a terminal status', () => {
    for (const machine of [QUOTE_REQUEST_MACHINE, QUOTE_MACHINE, ORDER_MACHINE] as Record<
      string,
      Record<string, string>
    >[]) {
      for (const [from, events] of Object.entries(machine)) {
        for (const to of Object.values(events)) {
          if (to === from) continue;
          expect(Object.keys(machine[to]).some((e) => machine[to][e] === from)).toBe(false);
        }
      }
    }
  });
});

describe('quoteExpired', () => {
  it.each([
    ['2026-06-30', '2026-06-29', false],
    ['2026-06-30', '2026-06-30', false],
    ['2026-06-30', '2026-07-01', true],
    ['2025-12-31', '2026-01-01', true],
  ])('valid until %s, today %s: expired %s', (validUntil, today, expired) => {
    expect(quoteExpired(validUntil, today)).toBe(expired);
  });
});

describe('cappedCredit', () => {
  it.each([
    [100_000, 3_000_000, 0, 100_000],
    [100_000, 3_000_000, 2_950_000, 50_000],
    [100_000, 3_000_000, 3_000_000, 0],
    [100_000, 3_000_000, 3_500_000, 0],
    [0, 3_000_000, 0, 0],
  ])('value %d, amount %d, claimed %d: %d', (value, amount, claimed, credit) => {
    expect(cappedCredit(value, amount, claimed)).toBe(credit);
  });
});
