import { computeProgress, forecastClaims, ProgressInput } from './progress';

const base: ProgressInput = {
  amountCents: 100_000_00,
  contractStart: '2026-01-01',
  contractEnd: '2026-12-31',
  dueDate: '2026-12-31',
  waived: false,
  today: '2026-07-02',
  contributions: [],
};
const c = (
  status: 'submitted' | 'verified' | 'rejected',
  claimed: number,
  verified: number | null = null,
) => ({
  status,
  claimedValueCents: claimed,
  verifiedValueCents: verified,
});

describe('computeProgress', () => {
  it.each([
    ['nothing claimed yet', {}, { status: 'open', claimedCents: 0, remainingCents: 100_000_00 }],
    [
      'just under half the year, half claimed: on track',
      { today: '2026-07-01', contributions: [c('submitted', 50_000_00)] },
      { status: 'on_track' },
    ],
    [
      'half the year, a quarter claimed: at risk',
      { contributions: [c('submitted', 25_000_00)] },
      { status: 'at_risk' },
    ],
    [
      'verified reaches the amount: fulfilled',
      { contributions: [c('verified', 100_000_00, 100_000_00)] },
      { status: 'fulfilled', remainingCents: 0 },
    ],
    [
      'verified lower than claimed counts as verified',
      { contributions: [c('verified', 60_000_00, 40_000_00)] },
      { verifiedCents: 40_000_00, claimedCents: 60_000_00 },
    ],
    [
      'rejected claims count for nothing',
      { contributions: [c('rejected', 100_000_00)] },
      { status: 'open', claimedCents: 0 },
    ],
    [
      'after the due date, short: closed with penalty preview',
      { today: '2027-01-05', penaltyPercentage: 50, contributions: [c('verified', 60_000_00, 60_000_00)] },
      { status: 'closed', penaltyPreviewCents: 20_000_00 },
    ],
    [
      'after the due date, fulfilled stays fulfilled',
      { today: '2027-01-05', contributions: [c('verified', 100_000_00, 100_000_00)] },
      { status: 'fulfilled' },
    ],
    [
      'forecast is claimed × total days / elapsed days',
      {
        contractStart: '2026-01-01',
        contractEnd: '2026-01-10',
        dueDate: '2026-01-10',
        today: '2026-01-05',
        amountCents: 300,
        contributions: [c('submitted', 100)],
      },
      { forecastCents: 200, status: 'at_risk' },
    ],
    ['waived wins', { waived: true }, { status: 'waived' }],
    ['an obligation of zero is fulfilled', { amountCents: 0 }, { status: 'fulfilled' }],
    [
      'before the contract starts: not started, never at risk, no forecast',
      { today: '2025-12-01', contributions: [c('submitted', 10_00)] },
      { forecastCents: null, status: 'not_started' },
    ],
    [
      'before the contract starts, nothing claimed: not started',
      { today: '2025-12-31' },
      { status: 'not_started' },
    ],
    [
      'in the first tenth of the period: no forecast, open however little is claimed',
      { today: '2026-02-05', contributions: [c('submitted', 10_00)] },
      { forecastCents: null, status: 'open' },
    ],
    [
      'in the first tenth, claimed in full already: on track',
      { today: '2026-01-10', contributions: [c('submitted', 100_000_00)] },
      { forecastCents: null, status: 'on_track' },
    ],
    [
      'on the last day the forecast equals the claim',
      { today: '2026-12-31', contributions: [c('submitted', 99_00)] },
      { forecastCents: 99_00 },
    ],
  ])('%s', (_, over, expected) => {
    expect(computeProgress({ ...base, ...over } as ProgressInput)).toMatchObject(expected);
  });
});

describe('forecastClaims', () => {
  const year = ['2026-01-01', '2026-12-31'] as const; // 365 days; a tenth is 36.5 days

  it('is null before the contract start and until a tenth of the period has passed', () => {
    expect(forecastClaims(1000, ...year, '2025-06-01').forecastCents).toBeNull();
    expect(forecastClaims(1000, ...year, '2026-01-01').forecastCents).toBeNull();
    expect(forecastClaims(1000, ...year, '2026-02-05').forecastCents).toBeNull(); // day 36
  });

  it('extrapolates from the contract start once a tenth has passed, never beyond ten times the claim', () => {
    expect(forecastClaims(1000, ...year, '2026-02-06').forecastCents).toBe(Math.round((1000 * 365) / 37));
    expect(forecastClaims(1000, ...year, '2026-07-02').forecastCents).toBe(Math.round((1000 * 365) / 183));
    for (let day = 0; day < 400; day += 7) {
      const today = new Date(Date.UTC(2025, 11, 1) + day * 86_400_000).toISOString().slice(0, 10);
      const f = forecastClaims(57_500_00, ...year, today).forecastCents;
      if (f !== null) expect(f).toBeLessThanOrEqual(10 * 57_500_00);
    }
  });

  it('equals the claim on the last day and after the end', () => {
    expect(forecastClaims(99_00, ...year, '2026-12-31').forecastCents).toBe(99_00);
    expect(forecastClaims(99_00, ...year, '2027-03-01').forecastCents).toBe(99_00);
  });
});

describe('computeProgress at the edges of the calendar', () => {
  it('gives a progress for a contract ending 9999-12-31 (a stored row never breaks a list)', () => {
    const p = computeProgress({
      amountCents: 1000,
      contractStart: '2026-01-01',
      contractEnd: '9999-12-31',
      dueDate: '9999-12-31',
      waived: false,
      today: '2026-06-01',
      contributions: [],
    });
    expect(p.status).toBe('open');
    expect(p.remainingCents).toBe(1000);
  });
});
