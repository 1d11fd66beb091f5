import { challengeWords, haversineKm, scoreChallengeMatch } from './challenge-score';

describe('scoreChallengeMatch', () => {
  const subject = {
    cpvCodes: ['90910000'],
    targetGroups: ['participatiewet'],
    words: challengeWords('Schoon park'),
  };
  const near = { distanceKm: 2, radiusKm: 30 };

  it('ranks a same-code offering with the target group above a division match without it', () => {
    const best = scoreChallengeMatch(subject, {
      cpvCodes: ['90910000'],
      targetGroups: ['participatiewet'],
      text: 'schoonmaak van het park',
      ...near,
    });
    const weaker = scoreChallengeMatch(subject, {
      cpvCodes: ['90000000'],
      targetGroups: [],
      text: '',
      ...near,
    });
    expect(best.fits).toBe(true);
    expect(best.score).toBeGreaterThan(weaker.score);
    expect(best.reasons.map((r) => r.factor)).toEqual(['cpv', 'target_groups', 'distance', 'text']);
    expect(best.reasons.reduce((s, r) => s + r.weight, 0)).toBeCloseTo(1);
  });

  it('does not list an offering that shares neither a CPV division nor a target group', () => {
    const s = scoreChallengeMatch(subject, {
      cpvCodes: ['45000000'],
      targetGroups: ['ww'],
      text: 'park',
      ...near,
    });
    expect(s.fits).toBe(false);
  });

  it('lists an offering by its target group alone when the challenge names no CPV codes', () => {
    const s = scoreChallengeMatch(
      { cpvCodes: [], targetGroups: ['participatiewet'], words: [] },
      { cpvCodes: ['45000000'], targetGroups: ['participatiewet'], text: '', ...near },
    );
    expect(s.fits).toBe(true);
  });

  it('measures distance on the globe (Haarlem to Amsterdam about 18 km)', () => {
    expect(haversineKm({ lat: 52.3874, lon: 4.6462 }, { lat: 52.3676, lon: 4.9041 })).toBeCloseTo(17.7, 0);
  });
});
