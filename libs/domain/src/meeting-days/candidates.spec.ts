import { candidatePairs, MatchRow, Registrant, WISH_BONUS } from './candidates';

const reg = (organisationId: string, kind: Registrant['kind'], wishes: string[] = []): Registrant => ({
  organisationId,
  kind,
  name: organisationId.toUpperCase(),
  wishes,
});
const cpv = (value: number) => ({ factor: 'cpv', weight: 0.4, value, detail: 'cpv', detailNl: 'cpv' });
const match = (over: Partial<MatchRow>): MatchRow => ({
  obligationId: 'o1',
  contractorId: 'c1',
  remainingCents: 1_000_000,
  offeringId: 'f1',
  socialEnterpriseId: 'e1',
  score: 0.8,
  reasons: [cpv(1)],
  ...over,
});

describe('candidatePairs', () => {
  const registrants = [
    reg('c1', 'contractor'),
    reg('c2', 'contractor'),
    reg('e1', 'social_enterprise'),
    reg('e2', 'social_enterprise'),
  ];

  it('weights the score by the remaining amount, relative to the largest of the day', () => {
    const pairs = candidatePairs(registrants, [
      match({}),
      match({ obligationId: 'o2', contractorId: 'c2', remainingCents: 250_000, score: 0.8 }),
    ]);
    expect(pairs.map((p) => [p.contractorId, p.socialEnterpriseId, p.weight, p.score])).toEqual([
      ['c1', 'e1', 0.8, 0.8],
      ['c2', 'e1', 0.2, 0.8],
    ]);
  });

  it.each([
    ['no CPV overlap', match({ reasons: [cpv(0)] })],
    ['no cpv factor at all', match({ reasons: [] })],
    ['nothing left to fill', match({ remainingCents: 0 })],
    ['an enterprise that did not register', match({ socialEnterpriseId: 'e9' })],
    ['a contractor that did not register', match({ contractorId: 'c9' })],
  ])('leaves out %s', (_, row) => expect(candidatePairs(registrants, [row])).toEqual([]));

  it('keeps the heaviest obligation and offering of a pair', () => {
    const pairs = candidatePairs(registrants, [
      match({ obligationId: 'o1', remainingCents: 1_000_000, score: 0.5 }),
      match({ obligationId: 'o2', remainingCents: 800_000, score: 0.9, offeringId: 'f2' }),
    ]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ obligationId: 'o2', offeringId: 'f2', score: 0.9 });
    expect(pairs[0].weight).toBeCloseTo(0.72, 10);
  });

  it('adds wished pairs, a bonus per side, and says who asked', () => {
    const pairs = candidatePairs(
      [
        reg('c1', 'contractor', ['e2', 'c2']),
        reg('c2', 'contractor'),
        reg('e1', 'social_enterprise', ['c1']),
        reg('e2', 'social_enterprise', ['c1']),
      ],
      [match({})],
    );
    const byPair = Object.fromEntries(pairs.map((p) => [`${p.contractorId}/${p.socialEnterpriseId}`, p]));
    expect(Object.keys(byPair)).toEqual(['c1/e1', 'c1/e2']);
    expect(byPair['c1/e1'].weight).toBeCloseTo(0.8 + WISH_BONUS, 10);
    expect(byPair['c1/e2']).toMatchObject({ score: 0, weight: 2 * WISH_BONUS, wishedBy: ['c1', 'e2'] });
    expect(byPair['c1/e2'].reasons.map((r) => r.detail)).toEqual([
      'C1 asked to meet E2.',
      'E2 asked to meet C1.',
    ]);
  });
});
