import { commonTerms, foldedText, nameTerms, searchTerms } from './search-text';

describe('searchTerms', () => {
  it.each([
    ['Schoonmaak', ['schoonmaak']],
    ['café  Crème', ['cafe', 'creme']],
    ['re-integratie & groen', ['re', 'integratie', 'groen']],
    ['a b c', []],
    ["'; DROP TABLE x; --", ['drop', 'table']],
    ['één twee één', ['een', 'twee']],
    [undefined, []],
    [
      '1 2 3 4 5 6 7 8 9 10 11 12 aa bb cc dd ee ff gg hh ii',
      ['10', '11', '12', 'aa', 'bb', 'cc', 'dd', 'ee'],
    ],
  ])('%j → %j', (q, terms) => expect(searchTerms(q)).toEqual(terms));

  it('folds names for trigram matching', () =>
    expect(foldedText('  Coöperatie  Café ')).toBe('cooperatie cafe'));
});

describe('nameTerms', () => {
  it.each([
    [
      ['stichting', 'fietsenmakerij', 'de', 'ketingreactie'],
      ['fietsenmakerij', 'ketingreactie'],
    ],
    [['diensten'], ['diensten']],
    [['de', 'bv'], []],
    [['2011', 'groen'], ['groen']],
  ])('%j → %j', (terms, expected) => expect(nameTerms(terms)).toEqual(expected));
});

describe('commonTerms', () => {
  const shares = new Map([
    ['diensten', 0.68],
    ['dienstenpakket', 0.01],
    ['schoonmaak', 0.05],
    ['schoonmaakdiensten', 0.25],
  ]);

  it.each([
    [['glas', 'diensten'], ['diensten']],
    // a prefix counts the most frequent word it starts: schoonmaak finds schoonmaakdiensten
    [['schoonmaak', 'glas'], ['schoonmaak']],
    [['dienstenpakket', 'glas'], []],
    [
      ['diensten', 'schoonmaak'],
      ['diensten', 'schoonmaak'],
    ],
    [['glas'], []],
  ])('%j → %j', (terms, common) => {
    expect(commonTerms(terms, shares)).toEqual(common);
  });

  it('takes the threshold as given', () => {
    expect(commonTerms(['schoonmaak', 'glas'], shares, 0.3)).toEqual([]);
    expect(commonTerms(['schoonmaak', 'glas'], new Map(), 0.3)).toEqual([]);
  });
});
