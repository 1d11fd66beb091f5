import { byKey, capMayBind, type Keyed, patchAtCap } from './cap-patch';

const k = (id: string, distanceKm: number | null): Keyed => ({ id, distanceKm });
const ids = (ks: Keyed[]): string[] => [...ks].sort(byKey).map((x) => x.id);

describe('byKey: the order candidate generation caps by', () => {
  it.each([
    ['nearer first', [k('b', 2), k('a', 5)], ['b', 'a']],
    ['unknown distance last', [k('a', null), k('b', 90)], ['b', 'a']],
    ['ties by id', [k('b', 1), k('a', 1)], ['a', 'b']],
    ['unknown distances by id', [k('b', null), k('a', null)], ['a', 'b']],
  ])('%s', (_, input, expected) => {
    expect(ids(input)).toEqual(expected);
  });
});

describe('capMayBind', () => {
  it.each([
    ['a set below the cap that stays below it', 2, 1, 1, 3, false],
    ['a set below the cap that one new candidate fills exactly', 2, 0, 1, 3, false],
    ['a set below the cap that new candidates overfill', 3, 0, 2, 4, true],
    ['a full set', 3, 1, 1, 3, true],
  ])('%s', (_, stored, listed, candidates, cap, expected) => {
    expect(capMayBind(stored, listed, candidates, cap)).toBe(expected);
  });
});

describe('patchAtCap (cap 3)', () => {
  // Stored: a (1 km), b (2 km), c (3 km); other candidates exist beyond 3 km.
  it('a new candidate nearer than the farthest enters and evicts it', () => {
    expect(patchAtCap(3, [k('x', 1.5)], [k('a', 1), k('b', 2), k('c', 3)], 3)).toEqual({
      keep: new Set(['x']),
      evicted: ['c'],
    });
  });

  it('a changed candidate farther than every stored row stays out', () => {
    expect(patchAtCap(3, [k('x', 9)], [k('a', 1), k('b', 2), k('c', 3)], 3)).toEqual({
      keep: new Set(),
      evicted: [],
    });
  });

  it('a listed row that moves but stays inside is kept', () => {
    expect(patchAtCap(3, [k('b', 0.5)], [k('a', 1), k('c', 3)], 3)).toEqual({
      keep: new Set(['b']),
      evicted: [],
    });
  });

  it('a listed row now farther than every kept row: an unlisted candidate may be nearer', () => {
    expect(patchAtCap(3, [k('a', 2.5)], [k('b', 2), k('c', 2.2)], 3)).toBeNull();
  });

  it('a listed row gone from a full set: the next candidate is unknown', () => {
    expect(patchAtCap(3, [], [k('a', 1), k('c', 3)], 3)).toBeNull();
  });

  it('every stored row changed: nothing to bound by', () => {
    expect(patchAtCap(3, [k('a', 1), k('b', 2), k('c', 3)], [], 3)).toBeNull();
  });

  it('a set that was not full held every candidate: overfilling it keeps the nearest', () => {
    expect(patchAtCap(2, [k('x', 0.1), k('y', 9)], [k('a', 1), k('b', 2)], 3)).toEqual({
      keep: new Set(['x']),
      evicted: [],
    });
    expect(patchAtCap(2, [k('x', 0.1), k('y', 0.2)], [k('a', 1), k('b', 2)], 3)).toEqual({
      keep: new Set(['x', 'y']),
      evicted: ['b'],
    });
  });
});

describe('patchAtCap with only the farthest stored rows', () => {
  // A small deterministic generator, so a failure names a reproducible case.
  function rng(seed: number): () => number {
    let x = seed;
    return () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
  }
  const farthestFirst = (ks: Keyed[]): Keyed[] => [...ks].sort(byKey).reverse();

  it('decides exactly as with every stored row (1,000 random sets, ties and unknown distances included)', () => {
    const r = rng(7);
    const key = (): number | null => (r() < 0.1 ? null : Math.floor(r() * 20));
    for (let i = 0; i < 1000; i += 1) {
      const cap = 1 + Math.floor(r() * 8);
      const stored = Math.floor(r() * (cap + 1));
      const others = Array.from({ length: Math.max(0, stored - Math.floor(r() * 3)) }, (_, j) =>
        k(`o${j}`, key()),
      );
      const candidates = Array.from({ length: Math.floor(r() * 4) }, (_, j) => k(`c${j}`, key()));
      const full = patchAtCap(stored, candidates, others, cap);
      const farthest = farthestFirst(others).slice(0, candidates.length + 1);
      const partial = patchAtCap(stored, candidates, farthest, cap, others.length);
      // The evicted rows are deleted as a set: their order does not matter.
      const norm = (p: ReturnType<typeof patchAtCap>) => p && { ...p, evicted: [...p.evicted].sort() };
      expect([i, norm(partial)]).toEqual([i, norm(full)]);
    }
  });

  it('too few of the farthest rows is undecidable, not a guess', () => {
    const others = [k('a', 1), k('b', 2), k('c', 3)];
    expect(patchAtCap(3, [k('x', 1.5)], [k('c', 3)], 3, 3)).toBeNull();
    expect(patchAtCap(3, [k('x', 1.5)], farthestFirst(others).slice(0, 2), 3, 3)).toEqual({
      keep: new Set(['x']),
      evicted: ['c'],
    });
  });
});
