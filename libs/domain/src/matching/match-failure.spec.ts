import type { StoredMatchReason } from '@app/database';
import { SroiInputError } from '../sroi/dates';
import type { CertificationFact, SroiPolicyBody } from '../sroi/policy.types';
import { examplePolicy } from '../sroi/testing.fixtures';
import {
  checkScore,
  failureCode,
  failureSentences,
  MATCH_FAILURE_CODES,
  probeCandidate,
  probeSubject,
  scoreIsolated,
  type SkippedCandidate,
  UnscorableError,
} from './match-failure';
import { expandReasons } from './match-reasons';
import type { LoadedSubject } from './matching.service';
import type { MatchCandidate } from './score-match';

const TODAY = '2026-06-15';
const HUGE = Number.MAX_SAFE_INTEGER; // 9007199254740991, as stored on main before the bounds

const pso: CertificationFact = {
  type: 'pso',
  level: 'trede_2',
  validFrom: '2025-01-01',
  validUntil: '2030-12-31',
  status: 'verified',
};

function subject(over: Partial<LoadedSubject['subject']> = {}, policy = examplePolicy()): LoadedSubject {
  return {
    type: 'obligation',
    id: 'ob-1',
    subject: {
      policy,
      contractStart: '2026-05-15',
      contractEnd: '2028-04-30',
      remainingCents: 3_000_000,
      cpvCodes: ['90911200'],
      termCount: 2,
      today: TODAY,
      ...over,
    },
    filter: { divisions: ['90000000'], point: null, terms: ['schoonmaak', 'gebouw'] },
    region: null,
  };
}

let n = 0;
function candidate(over: Partial<MatchCandidate> = {}): MatchCandidate {
  n += 1;
  return {
    offeringId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    socialEnterpriseId: '00000000-0000-4000-8000-0000000000aa',
    cpvCodes: ['90911200'],
    labourShare: null,
    capacityCentsPerMonth: 50_000,
    deliveryRadiusKm: 25,
    distanceKm: 3,
    matchedTerms: ['schoonmaak'],
    // A list per candidate: the engine's answers are remembered per list object.
    certifications: [{ ...pso }],
    targetGroups: [],
    quoteRequests: { total: 0, answered: 0 },
    ...over,
  };
}

describe('failure isolation in matching', () => {
  it('skips a candidate whose capacity cannot be valued (issue 30) and scores the rest of the set', () => {
    const good = candidate();
    const other = candidate({ capacityCentsPerMonth: null, distanceKm: 10 });
    const bad = candidate({ capacityCentsPerMonth: HUGE });
    const skipped: SkippedCandidate[] = [];

    const rows = scoreIsolated(subject(), [bad, good, other], skipped);

    expect(rows.map((r) => r.offeringId).sort()).toEqual([good.offeringId, other.offeringId].sort());
    for (const r of rows) {
      expect(Number.isSafeInteger(r.projectedCreditCents)).toBe(true);
      expect(r.score).toBeGreaterThan(0);
    }
    expect(skipped).toEqual([
      {
        subjectId: 'ob-1',
        offeringId: bad.offeringId,
        code: 'amount_out_of_range',
        detail: expect.stringMatching(/amountCents|cents/),
      },
    ]);
  });

  it('scores the same rows with and without a bad neighbour (best first, as before)', () => {
    const list = [candidate(), candidate({ distanceKm: 12 }), candidate({ capacityCentsPerMonth: null })];
    const alone = scoreIsolated(subject(), list);
    const withBad = scoreIsolated(subject(), [candidate({ capacityCentsPerMonth: HUGE }), ...list]);
    expect(withBad).toEqual(alone);
  });

  it('skips a candidate whose distance is not a number', () => {
    const skipped: SkippedCandidate[] = [];
    const rows = scoreIsolated(subject(), [candidate({ distanceKm: NaN }), candidate()], skipped);
    expect(rows).toHaveLength(1);
    expect(skipped.map((s) => s.code)).toEqual(['unreadable_data']);
  });

  it('refuses a score whose amounts cannot be stored as cents', () => {
    const ok = { score: 0.5, counts: true, projectedCreditCents: 10, spendToFillCents: null, reasons: [] };
    expect(() => checkScore(ok)).not.toThrow();
    expect(() => checkScore({ ...ok, projectedCreditCents: 2 ** 60 })).toThrow(UnscorableError);
    expect(() => checkScore({ ...ok, spendToFillCents: 1.5 })).toThrow(/spend to fill/);
    expect(() => checkScore({ ...ok, score: NaN })).toThrow(/score/);
  });

  describe('a subject that cannot be scored itself', () => {
    it('passes the probe when its data is sound', () => {
      expect(() => probeSubject(subject())).not.toThrow();
    });

    it('fails the probe when what remains of it is past safe integers (every candidate would fail)', () => {
      const s = subject({ remainingCents: HUGE * 4 });
      expect(() => probeSubject(s)).toThrow();
      let code: string | null = null;
      try {
        probeSubject(s);
      } catch (err) {
        code = failureCode(err);
      }
      expect(code).toBe('amount_out_of_range');
    });

    it('fails the probe with a policy that cannot be read', () => {
      const broken = { ...examplePolicy(), purchaseRule: undefined } as unknown as SroiPolicyBody;
      let code: string | null = null;
      try {
        probeSubject(subject({}, broken));
      } catch (err) {
        code = failureCode(err);
      }
      expect(code).toBe('unreadable_data');
    });

    it('fails the probe with contract dates the engine refuses', () => {
      let code: string | null = null;
      try {
        probeSubject(subject({ contractStart: '2026-02-30' }));
      } catch (err) {
        code = failureCode(err);
      }
      expect(code).toBe('unusable_data');
    });

    it('probes with a candidate the policy accepts, so the subject’s own amounts are valued', () => {
      const c = probeCandidate(subject());
      expect(c.certifications.map((x) => x.type).sort()).toEqual(
        [...examplePolicy().purchaseRule.eligibleCertifications].sort(),
      );
      expect(c.capacityCentsPerMonth).toBeNull();
    });
  });

  it('classifies errors by what they say, never by a driver message', () => {
    expect(failureCode(new SroiInputError('amountCents must be an integer'))).toBe('amount_out_of_range');
    expect(failureCode(new SroiInputError('Amount 1 cents exceeds the safe integer range'))).toBe(
      'amount_out_of_range',
    );
    expect(failureCode(new SroiInputError("Invalid contract date '2026-02-30'"))).toBe('unusable_data');
    expect(failureCode(new RangeError('Invalid array length'))).toBe('amount_out_of_range');
    expect(failureCode(new TypeError("Cannot read properties of undefined (reading 'mode')"))).toBe(
      'unreadable_data',
    );
  });

  it('says every failure in words, in English and Dutch, with no code in them', () => {
    for (const code of MATCH_FAILURE_CODES) {
      for (const type of ['obligation', 'tender'] as const) {
        const { reason, reasonNl } = failureSentences(code, type);
        expect(reason).toMatch(/^[A-Z].*\.$/);
        expect(reasonNl).toMatch(/^[A-Z].*\.$/);
        expect(`${reason} ${reasonNl}`).not.toMatch(/_/);
      }
    }
    expect(failureSentences('amount_out_of_range', 'tender').reasonNl).toContain('deze aanbesteding');
  });
});

describe('stored reasons this version cannot read', () => {
  it('are left out of the list, and a list that is not one reads as none', () => {
    const known: StoredMatchReason = ['cpv', 0.3, 1, 'code', '90911200'];
    const unknown = ['cpv', 0.3, 1, 'a_code_from_another_release'] as unknown as StoredMatchReason;
    const alien = ['telepathy', 0.1, 1, 'x'] as unknown as StoredMatchReason;
    expect(expandReasons([unknown, known, alien]).map((r) => r.detail)).toEqual([
      "CPV 90911200 is the tender's own CPV code",
    ]);
    expect(expandReasons(null as unknown as StoredMatchReason[])).toEqual([]);
    expect(expandReasons([null, 3] as unknown as StoredMatchReason[])).toEqual([]);
  });
});
