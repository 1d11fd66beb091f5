import type { CertificationFact } from '../sroi/policy.types';
import { examplePolicy } from '../sroi/testing.fixtures';
import { MATCH_FACTORS, MATCH_WEIGHTS, type MatchFactor } from './match-factors';
import { expandReasons } from './match-reasons';
import { tenderTerms } from './match-text';
import {
  capacityFactor,
  certificationFactor,
  compareMatches,
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
const verified = (over: Partial<CertificationFact> = {}): CertificationFact => ({
  type: 'pso',
  level: 'trede_2',
  validFrom: '2025-01-01',
  validUntil: '2027-12-31',
  status: 'verified',
  ...over,
});

describe('match weights', () => {
  it('cover every factor and sum to 1', () => {
    expect(Object.keys(MATCH_WEIGHTS).sort()).toEqual([...MATCH_FACTORS].sort());
    expect(MATCH_FACTORS.reduce((s, f) => s + MATCH_WEIGHTS[f], 0)).toBeCloseTo(1, 10);
  });
});

describe('cpv factor', () => {
  it.each([
    [['90911200'], ['90911200'], 1, "CPV 90911200 is the tender's own CPV code"],
    [['90911200'], ['90911000'], 0.75, 'CPV 90911000 is in the same CPV class as the tender item 90911200'],
    [['90911200'], ['90910000'], 0.75, 'CPV 90910000 is in the same CPV class as the tender item 90911200'],
    [['90911200'], ['90900000'], 0.5, 'CPV 90900000 is in the same CPV group as the tender item 90911200'],
    [
      ['90911200'],
      ['90600000'],
      0.25,
      'CPV 90600000 is in the same CPV division as the tender item 90911200',
    ],
    [['90911200'], ['45000000'], 0, "No CPV code of the offering is near the tender's items"],
    // the best item counts
    [['45000000', '90911200'], ['90911200', '45210000'], 1, "CPV 90911200 is the tender's own CPV code"],
    [[], ['90911200'], 0, "No CPV code of the offering is near the tender's items"],
  ])('%j vs %j → %d', (tender, offering, value, detail) => {
    const r = cpvFactor(tender, offering);
    expect(r.value).toBe(value);
    expect(r.detail).toBe(detail);
    expect(r.detailNl).toMatch(/CPV/);
  });

  it('says it in Dutch', () => {
    expect(cpvFactor(['90911200'], ['90900000']).detailNl).toBe(
      'CPV 90900000 valt in dezelfde CPV-groep als het onderdeel 90911200',
    );
  });
});

describe('text factor', () => {
  it.each([
    [
      [],
      5,
      0,
      "None of the tender's key words appear in the offering",
      'Geen van de kernwoorden van de aanbesteding komt voor in het aanbod',
    ],
    [
      ['schoonmaak'],
      5,
      1 / 3,
      "1 of the tender's key words appear in the offering: schoonmaak",
      '1 kernwoord van de aanbesteding komt voor in het aanbod: schoonmaak',
    ],
    [
      ['schoonmaak', 'kantoor'],
      5,
      2 / 3,
      "2 of the tender's key words appear in the offering: schoonmaak, kantoor",
      '2 kernwoorden van de aanbesteding komen voor in het aanbod: schoonmaak, kantoor',
    ],
    [
      ['a1', 'b1', 'c1', 'd1'],
      5,
      1,
      "4 of the tender's key words appear in the offering: a1, b1, c1, d1",
      '4 kernwoorden van de aanbesteding komen voor in het aanbod: a1, b1, c1, d1',
    ],
    [
      ['schoonmaak'],
      1,
      1,
      "1 of the tender's key words appear in the offering: schoonmaak",
      '1 kernwoord van de aanbesteding komt voor in het aanbod: schoonmaak',
    ],
    [
      [],
      0,
      0.5,
      'The tender has no descriptive words to compare',
      'De aanbesteding heeft geen beschrijvende woorden om te vergelijken',
    ],
  ])('%j of %d → %d', (matched, total, value, en, nl) => {
    const r = textFactor(matched, total);
    expect(r.value).toBeCloseTo(value, 10);
    expect(r.detail).toBe(en);
    expect(r.detailNl).toBe(nl);
  });

  it('tender terms: folded, distinctive, without stop words or duplicates', () => {
    expect(
      tenderTerms('Schoonmaak van de kantoren', ['Schoonmaak café'], 'Voor 2026 met glasbewassing'),
    ).toEqual(['schoonmaak', 'kantoren', 'cafe', 'glasbewassing']);
  });
});

describe('distance factor', () => {
  it.each([
    [
      0,
      null,
      1,
      "0.0 km from the tender's delivery address",
      '0,0 km van het afleveradres van de aanbesteding',
    ],
    [
      30,
      null,
      Math.exp(-1),
      "30.0 km from the tender's delivery address",
      '30,0 km van het afleveradres van de aanbesteding',
    ],
    [
      12.34,
      20,
      Math.exp(-12.34 / 30),
      "12.3 km from the tender's delivery address",
      '12,3 km van het afleveradres van de aanbesteding',
    ],
    [
      20,
      20,
      Math.exp(-20 / 30),
      "20.0 km from the tender's delivery address",
      '20,0 km van het afleveradres van de aanbesteding',
    ],
    [
      25.5,
      20,
      0,
      "25.5 km away, beyond the offering's delivery radius of 20 km",
      '25,5 km verderop, buiten de leverstraal van 20 km van het aanbod',
    ],
    [
      null,
      20,
      0.5,
      'Distance unknown: the tender or the offering has no delivery postcode',
      'Afstand onbekend: de aanbesteding of het aanbod heeft geen afleverpostcode',
    ],
  ])('%p km, radius %p → %d', (d, radius, value, en, nl) => {
    const r = distanceFactor(d, radius);
    expect(r.value).toBeCloseTo(value, 10);
    expect(r.detail).toBe(en);
    expect(r.detailNl).toBe(nl);
  });

  it('decays with distance', () => {
    const values = [0, 5, 10, 50, 100].map((d) => distanceFactor(d, null).value);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
  });
});

describe('certification factor', () => {
  const policy = examplePolicy();
  it.each([
    [[verified({ level: 'trede_3' })], 1, 'Holds a verified PSO step 3 certificate that this policy accepts'],
    [
      [verified({ level: 'trede_1' })],
      0.8,
      'Holds a verified PSO step 1 certificate that this policy accepts',
    ],
    [
      [verified({ level: 'aspirant' })],
      0.6,
      'Holds a verified PSO aspirant certificate that this policy accepts',
    ],
    [
      [verified({ type: 'sw_company', level: null })],
      0.8,
      'Holds a verified Sheltered-employment company certificate that this policy accepts',
    ],
    [
      [verified({ type: 'pso_30plus', level: null })],
      0.9,
      'Holds a verified PSO 30+ certificate that this policy accepts',
    ],
    // the best one counts
    [
      [verified({ level: 'aspirant' }), verified({ level: 'trede_3' })],
      1,
      'Holds a verified PSO step 3 certificate that this policy accepts',
    ],
    [
      [verified({ status: 'unverified' })],
      0.2,
      'Holds a PSO step 2 certificate that this policy accepts, not yet verified',
    ],
    [[verified({ status: 'rejected' })], 0, 'Holds no valid certificate that this policy accepts'],
    [[verified({ validUntil: '2026-06-14' })], 0, 'Holds no valid certificate that this policy accepts'],
    [[verified({ validFrom: '2026-06-16' })], 0, 'Holds no valid certificate that this policy accepts'],
    // not a type the policy accepts
    [
      [verified({ type: 'regional_recognised_se', level: null })],
      0,
      'Holds no valid certificate that this policy accepts',
    ],
    [[], 0, 'Holds no valid certificate that this policy accepts'],
  ])('%j → %d', (certs, value, en) => {
    const r = certificationFactor(policy, certs, TODAY);
    expect(r.value).toBe(value);
    expect(r.detail).toBe(en);
  });

  it('respects the minimum PSO level, in Dutch too', () => {
    const strict = examplePolicy({
      purchaseRule: { ...policy.purchaseRule, minPsoLevel: 'trede_2' },
    });
    expect(certificationFactor(strict, [verified({ level: 'trede_1' })], TODAY).value).toBe(0);
    expect(certificationFactor(strict, [verified({ level: 'trede_3' })], TODAY).detailNl).toBe(
      'Heeft een geverifieerd certificaat PSO trede 3 dat dit beleid accepteert',
    );
  });
});

describe('capacity factor', () => {
  it.each([
    [
      { capacitySpendCents: null, monthsLeft: 10, spendToFillCents: 1000, rate: 1 },
      1000,
      0.5,
      'Monthly capacity not stated',
    ],
    [
      { capacitySpendCents: 500_000, monthsLeft: 10, spendToFillCents: 1_000_000, rate: 1 },
      1_000_000,
      0.5,
      'Capacity of €500.00 a month over 10 months left covers 50% of the spend needed',
    ],
    [
      { capacitySpendCents: 3_000_000, monthsLeft: 12, spendToFillCents: 1_000_000, rate: 1 },
      1_000_000,
      1,
      'Capacity of €2,500.00 a month over 12 months left covers 100% of the spend needed',
    ],
    // labour component: twice the spend is needed for the same credit
    [
      { capacitySpendCents: 1_000_000, monthsLeft: 10, spendToFillCents: 2_000_000, rate: 0.5 },
      1_000_000,
      0.5,
      'Capacity of €1,000.00 a month over 10 months left covers 50% of the spend needed',
    ],
    [
      { capacitySpendCents: 0, monthsLeft: 0, spendToFillCents: 1_000_000, rate: 1 },
      1_000_000,
      0,
      'Capacity of €0.00 a month over 0 months left covers 0% of the spend needed',
    ],
    [
      { capacitySpendCents: 100, monthsLeft: 1, spendToFillCents: 0, rate: 1 },
      0,
      0.5,
      'Nothing of the obligation remains to be filled',
    ],
  ])('%j, remaining %d → %d', (p, remaining, value, en) => {
    const r = capacityFactor(p, remaining);
    expect(r.value).toBeCloseTo(value, 10);
    expect(r.detail).toBe(en);
  });

  it('says it in Dutch', () => {
    expect(
      capacityFactor(
        { capacitySpendCents: 1_234_500, monthsLeft: 10, spendToFillCents: 2_469_000, rate: 1 },
        2_469_000,
      ).detailNl,
    ).toBe('Capaciteit van € 1.234,50 per maand over 10 resterende maanden dekt 50% van de benodigde inkoop');
  });
});

describe('target groups factor', () => {
  const policy = examplePolicy(); // values participatiewet, ww, wajong, other, bol, bbl
  it.each([
    [['participatiewet'], 1, 'Works with target groups this policy values: Participation Act'],
    [
      ['participatiewet', 'banenafspraak'],
      0.5,
      'Works with target groups this policy values: Participation Act',
    ],
    [
      ['ww', 'participatiewet'],
      1,
      'Works with target groups this policy values: Participation Act, Unemployment benefit (WW)',
    ],
    [['banenafspraak'], 0, "None of the enterprise's target groups is valued by this policy"],
    [[], 0, 'The enterprise states no target groups'],
  ] as const)('%j → %d', (groups, value, en) => {
    const r = targetGroupsFactor(policy, [...groups]);
    expect(r.value).toBe(value);
    expect(r.detail).toBe(en);
  });

  it('is neutral when the policy values no target group', () => {
    const r = targetGroupsFactor(examplePolicy({ blocks: [] }), ['ww']);
    expect(r.value).toBe(0.5);
    expect(r.detailNl).toBe('Dit beleid waardeert geen bepaalde doelgroep');
  });
});

describe('responsiveness factor', () => {
  it.each([
    [0, 0, 0.5, 'No quote requests yet', 'Nog geen offerteaanvragen'],
    [4, 3, 0.75, 'Answered 3 of 4 quote requests', 'Beantwoordde 3 van 4 offerteaanvragen'],
    [2, 0, 0, 'Answered 0 of 2 quote requests', 'Beantwoordde 0 van 2 offerteaanvragen'],
    [1, 1, 1, 'Answered 1 of 1 quote requests', 'Beantwoordde 1 van 1 offerteaanvragen'],
  ])('%d asked, %d answered → %d', (total, answered, value, en, nl) => {
    const r = responsivenessFactor(total, answered);
    expect(r.value).toBe(value);
    expect(r.detail).toBe(en);
    expect(r.detailNl).toBe(nl);
  });
});

describe('scoreMatch', () => {
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
    cpvCodes: ['90911200'],
    labourShare: null,
    capacityCentsPerMonth: null,
    deliveryRadiusKm: null,
    distanceKm: 0,
    matchedTerms: ['schoonmaak', 'kantoor', 'ramen'],
    certifications: [verified({ level: 'trede_3' })],
    targetGroups: ['participatiewet'],
    quoteRequests: { total: 0, answered: 0 },
  };

  it('is the weighted sum of the factors, with one reason per factor', () => {
    const m = scoreMatch(subject, candidate);
    const reasons = expandReasons(m.reasons);
    expect(reasons.map((r) => r.factor)).toEqual([...MATCH_FACTORS]);
    // everything 1 except capacity (not stated) and responsiveness (no requests): 0.5 each
    expect(m.score).toBeCloseTo(1 - 0.1 * 0.5 - 0.05 * 0.5, 6);
    expect(m.counts).toBe(true);
    expect(m.projectedCreditCents).toBe(3_000_000);
    expect(m.spendToFillCents).toBe(3_000_000);
    for (const r of reasons) {
      expect(r.weight).toBe(MATCH_WEIGHTS[r.factor as MatchFactor]);
      expect(r.value).toBeGreaterThanOrEqual(0);
      expect(r.value).toBeLessThanOrEqual(1);
      expect(r.detail.length).toBeGreaterThan(5);
      expect(r.detailNl.length).toBeGreaterThan(5);
    }
  });

  it('a rejected certificate makes it not count: no credit, no spend to fill', () => {
    const m = scoreMatch(subject, { ...candidate, certifications: [verified({ status: 'rejected' })] });
    expect(m).toMatchObject({ counts: false, projectedCreditCents: 0, spendToFillCents: null });
  });

  it('scores alike whether candidates share their lists or not (verdicts are remembered per list object)', () => {
    const groups = ['participatiewet', 'wajong'] as MatchCandidate['targetGroups'];
    const shared = [1, 2, 3].map((n) =>
      scoreMatch(subject, { ...candidate, targetGroups: groups, distanceKm: n }),
    );
    const fresh = [1, 2, 3].map((n) =>
      scoreMatch(subject, { ...candidate, targetGroups: [...groups], distanceKm: n }),
    );
    expect(JSON.stringify(shared)).toBe(JSON.stringify(fresh));
    // the target-group reason is one array for the shared list, and scoring again leaves it as it was
    expect(shared[0].reasons[5]).toBe(shared[2].reasons[5]);
    expect(shared[0].reasons[5]).toEqual(fresh[0].reasons[5]);
  });

  it('shares a reason without parameters between pairs without changing it', () => {
    const none = { ...candidate, matchedTerms: [], quoteRequests: { total: 0, answered: 0 } };
    const a = scoreMatch(subject, none);
    const b = scoreMatch(subject, { ...none, distanceKm: 7 });
    expect(a.reasons[1]).toBe(b.reasons[1]);
    expect(a.reasons[1]).toEqual(['text', MATCH_WEIGHTS.text, 0, 'none']);
    expect(b.reasons[6]).toEqual(['responsiveness', MATCH_WEIGHTS.responsiveness, 0.5, 'none']);
  });

  it('orders counting matches first, then by score, then by offering id', () => {
    const rows = [
      { offeringId: 'b', counts: true, score: 0.5 },
      { offeringId: 'c', counts: false, score: 0.99 },
      { offeringId: 'a', counts: true, score: 0.5 },
      { offeringId: 'd', counts: true, score: 0.7 },
    ];
    expect(rows.sort(compareMatches).map((r) => r.offeringId)).toEqual(['d', 'a', 'b', 'c']);
  });
});
