import { examplePolicy } from '../sroi/testing.fixtures';
import { MATCH_FACTORS } from './match-factors';
import { expandReason, expandReasons, reasonSentences } from './match-reasons';
import {
  capacityFactor,
  certificationFactor,
  cpvFactor,
  distanceFactor,
  type MatchCandidate,
  type MatchSubject,
  responsivenessFactor,
  scoreMatch,
  targetGroupsFactor,
  textFactor,
} from './score-match';

const TODAY = '2026-06-15';

describe('stored reasons', () => {
  const subject: MatchSubject = {
    policy: examplePolicy(),
    contractStart: '2026-01-01',
    contractEnd: '2027-12-31',
    remainingCents: 3_000_000,
    cpvCodes: ['90911200'],
    termCount: 4,
    today: TODAY,
  };
  const candidate: MatchCandidate = {
    offeringId: '00000000-0000-4000-8000-000000000001',
    socialEnterpriseId: '00000000-0000-4000-8000-0000000000aa',
    cpvCodes: ['90911000'],
    labourShare: null,
    capacityCentsPerMonth: 123_456,
    deliveryRadiusKm: 25,
    distanceKm: 12.349,
    matchedTerms: ['schoonmaak', 'ramen'],
    certifications: [
      {
        type: 'pso',
        level: 'trede_2',
        validFrom: '2025-01-01',
        validUntil: null,
        status: 'verified',
      },
    ],
    targetGroups: ['participatiewet', 'ww'],
    quoteRequests: { total: 4, answered: 3 },
  };

  it('are compact arrays that expand to exactly the sentences of the factor functions', () => {
    const m = scoreMatch(subject, candidate);
    for (const r of m.reasons) expect(Array.isArray(r)).toBe(true);
    // Through JSON, as a row stores and reads them.
    const expanded = expandReasons(JSON.parse(JSON.stringify(m.reasons)));
    expect(expanded.map((r) => r.factor)).toEqual([...MATCH_FACTORS]);
    const byFactor = Object.fromEntries(expanded.map((r) => [r.factor, r]));
    const months = 18; // 2026-06-15 .. 2027-12-31, whole months
    const expected = {
      cpv: cpvFactor(subject.cpvCodes, candidate.cpvCodes),
      text: textFactor(candidate.matchedTerms, subject.termCount),
      distance: distanceFactor(candidate.distanceKm, candidate.deliveryRadiusKm),
      certification: certificationFactor(subject.policy, candidate.certifications, TODAY),
      capacity: capacityFactor(
        {
          capacitySpendCents: 123_456 * months,
          monthsLeft: months,
          spendToFillCents: 3_000_000,
          rate: 1,
        },
        3_000_000,
      ),
      target_groups: targetGroupsFactor(subject.policy, candidate.targetGroups),
      responsiveness: responsivenessFactor(4, 3),
    };
    for (const [factor, want] of Object.entries(expected)) {
      expect([factor, byFactor[factor].detail, byFactor[factor].detailNl]).toEqual([
        factor,
        want.detail,
        want.detailNl,
      ]);
    }
    expect(byFactor.distance.detail).toBe("12.3 km from the tender's delivery address");
  });

  it('a reason stored whole, before the compact form, reads as it is', () => {
    const legacy = { factor: 'cpv', weight: 0.3, value: 1, detail: 'x', detailNl: 'y' };
    expect(expandReason(legacy)).toBe(legacy);
  });

  it('an unknown sentence code is an error, not an empty sentence', () => {
    expect(() => reasonSentences('cpv', 'nearby', [])).toThrow(/cpv\/nearby/);
  });
});
