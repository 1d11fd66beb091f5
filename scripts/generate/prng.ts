/**
 * Small seeded PRNG (sfc32, 128-bit state) plus helpers. Every random choice of the generator goes through
 * an Rng derived from (seed, stream, index), so a row's content depends only on those three numbers and not
 * on the order in which tables are generated.
 */

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers with good avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * The four state words come from different mixes of the inputs. The first is a bijection of `index` for a
   * fixed (seed, stream), so two indexes never share a state.
   */
  constructor(seed: number, stream: number, index: number) {
    const s = seed >>> 0;
    const t = fmix32(Math.imul(stream + 1, 0x9e3779b9) >>> 0);
    this.a = fmix32((s ^ t) + Math.imul(index, 0x9e3779b9));
    this.b = fmix32(s + 0x6a09e667) ^ t;
    this.c = fmix32(t ^ Math.imul(s, 0x3c6ef372)) ^ fmix32(index ^ 0xbb67ae85);
    this.d = 1;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** The next 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** Skewed towards the front of the list: index = floor(n * u^power). */
  pickSkewed<T>(items: readonly T[], power: number): T {
    return items[Math.floor(items.length * Math.pow(this.float(), power))];
  }

  /** `count` distinct items (count is capped at the list length), in pick order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = Math.min(count, items.length);
    const taken = new Set<number>();
    const out: T[] = [];
    while (out.length < n) {
      const i = Math.floor(this.float() * items.length);
      if (taken.has(i)) continue;
      taken.add(i);
      out.push(items[i]);
    }
    return out;
  }

  /** A version-4-shaped UUID (version nibble 4, RFC 4122 variant) built from 128 PRNG bits. */
  uuid(): string {
    const w0 = this.next();
    const w1 = this.next();
    const w2 = (this.next() & 0x3fffffff) | 0x80000000;
    const w3 = this.next();
    const w1v = ((w1 & 0xffff0fff) | 0x00004000) >>> 0;
    const h = (w: number, shift: number): string => HEX[(w >>> shift) & 0xff];
    return (
      h(w0, 24) +
      h(w0, 16) +
      h(w0, 8) +
      h(w0, 0) +
      '-' +
      h(w1v, 24) +
      h(w1v, 16) +
      '-' +
      h(w1v, 8) +
      h(w1v, 0) +
      '-' +
      h(w2, 24) +
      h(w2, 16) +
      '-' +
      h(w2, 8) +
      h(w2, 0) +
      h(w3, 24) +
      h(w3, 16) +
      h(w3, 8) +
      h(w3, 0)
    );
  }
}

/** Picks by cumulative weights (binary search), so a pick costs O(log n). */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('WeightedPicker: bad input');
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += weights[i];
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  pickIndex(rng: Rng): number {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Rng): T {
    return this.items[this.pickIndex(rng)];
  }
}
