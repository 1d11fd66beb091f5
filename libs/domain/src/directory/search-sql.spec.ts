import {
  enterpriseSearchSql,
  KNN_BEGIN_SQL,
  offeringSearchSql,
  SearchFilters,
  WORD_INDEX_BEGIN_SQL,
  WORD_INDEX_SETTINGS,
} from './search.sql';

const base: SearchFilters = { terms: [], today: '2026-12-01', limit: 20, sort: 'relevance' };
const words = (terms: string[], commonTerms: string[] = []): SearchFilters => ({
  ...base,
  terms,
  commonTerms,
  prefixWords: Object.fromEntries(terms.map((t) => [t, [t]])),
});

describe('the transaction a search statement runs in', () => {
  it.each([
    [
      'a rarer word with a common one (the common one checked on the rows the index finds)',
      ['schoonmaak', 'kantoren'],
      ['kantoren'],
    ],
    ['two rarer words with a common one', ['glasbewassing', 'haarlem', 'diensten'], ['diensten']],
  ])('%s: the scan in table order is switched off', (_, terms, common) => {
    for (const build of [offeringSearchSql, enterpriseSearchSql]) {
      const q = build(words(terms, common));
      expect(q.begin).toBe(WORD_INDEX_BEGIN_SQL);
      expect(q.text).toContain('ts_match_vq(');
    }
  });

  it.each([
    ['only rarer words (the planner estimates them)', ['schoonmaak', 'haarlem'], []],
    [
      'one common word (a scan that stops after the capped candidates is the plan)',
      ['diensten'],
      ['diensten'],
    ],
    ['only common words', ['diensten', 'onderhoud'], ['diensten', 'onderhoud']],
  ])('%s: no settings, no transaction of its own', (_, terms, common) => {
    for (const build of [offeringSearchSql, enterpriseSearchSql])
      expect(build(words(terms, common)).begin).toBeUndefined();
  });

  it('nearest first keeps its KNN settings; most recent needs none', () => {
    const point = { lat: 52.38, lon: 4.64 };
    expect(offeringSearchSql({ ...base, sort: 'distance', point }).begin).toBe(KNN_BEGIN_SQL);
    expect(enterpriseSearchSql({ ...base, sort: 'distance', point }).begin).toBe(KNN_BEGIN_SQL);
    expect(offeringSearchSql({ ...base, sort: 'recent' }).begin).toBeUndefined();
  });

  it('opens the transaction with every setting in one statement', () => {
    expect(WORD_INDEX_BEGIN_SQL).toBe(`BEGIN; ${WORD_INDEX_SETTINGS.join('; ')}`);
    expect(WORD_INDEX_SETTINGS).toContain('SET LOCAL enable_seqscan = off');
  });
});
