import { computeProgress, ProgressInput } from './progress';

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
      'verified reaches the amount: met',
      { contributions: [c('verified', 100_000_00, 100_000_00)] },
      { status: 'met', remainingCents: 0 },
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
      'after the due date, short: not met with penalty preview',
      { today: '2027-01-05', penaltyPercentage: 50, contributions: [c('verified', 60_000_00, 60_000_00)] },
      { status: 'not_met', penaltyPreviewCents: 20_000_00 },
    ],
    [
      'after the due date, met stays met',
      { today: '2027-01-05', contributions: [c('verified', 100_000_00, 100_000_00)] },
      { status: 'met' },
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
    ['an obligation of zero is met', { amountCents: 0 }, { status: 'met' }],
    [
      'before the contract starts the forecast is the claim',
      { today: '2025-12-01', contributions: [c('submitted', 10_00)] },
      { forecastCents: 10_00, status: 'at_risk' },
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
