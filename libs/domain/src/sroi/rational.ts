import { SroiInputError } from './dates';

/**
 * Exact rational arithmetic on BigInt. Money in this engine is multiplied by percentages, shares, hour
 * fractions and month fractions; doing that in floating point drifts by fractions of a cent and makes
 * half-up rounding unreliable (0.5 cent may arrive as 0.49999). Every result is kept exact until it is
 * rounded once.
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    if (den === 0n) throw new RangeError('Rational with zero denominator');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num < 0n ? -num : num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    return new Rational(toBigInt(num), toBigInt(den));
  }

  /**
   * Converts through the number's shortest decimal representation, so 0.35 becomes 35/100 and not the
   * binary approximation 0.34999999999999997779...; that is what the user typed in the policy.
   */
  static fromNumber(value: number): Rational {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    if (Number.isInteger(value) && Number.isSafeInteger(value)) return new Rational(BigInt(value), 1n);
    return Rational.fromDecimalString(String(value));
  }

  static fromDecimalString(text: string): Rational {
    const m = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
      throw new RangeError(`Not a decimal number: ${text}`);
    }
    const sign = m[1] === '-' ? -1n : 1n;
    const intPart = m[2] || '0';
    const fracPart = m[3] ?? '';
    const exp = m[4] ? Number(m[4]) : 0;
    let num = BigInt(intPart + fracPart) * sign;
    let den = 10n ** BigInt(fracPart.length);
    if (exp > 0) num *= 10n ** BigInt(exp);
    if (exp < 0) den *= 10n ** BigInt(-exp);
    return new Rational(num, den);
  }

  add(other: Rational): Rational {
    return new Rational(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Rational): Rational {
    return new Rational(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  mul(other: Rational | bigint | number): Rational {
    const o = other instanceof Rational ? other : Rational.of(other);
    return new Rational(this.num * o.num, this.den * o.den);
  }

  div(other: Rational | bigint | number): Rational {
    const o = other instanceof Rational ? other : Rational.of(other);
    if (o.num === 0n) throw new RangeError('Division by zero');
    return new Rational(this.num * o.den, this.den * o.num);
  }

  cmp(other: Rational): -1 | 0 | 1 {
    const l = this.num * other.den;
    const r = other.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  lt(other: Rational): boolean {
    return this.cmp(other) < 0;
  }

  gt(other: Rational): boolean {
    return this.cmp(other) > 0;
  }

  min(other: Rational): Rational {
    return this.cmp(other) <= 0 ? this : other;
  }

  max(other: Rational): Rational {
    return this.cmp(other) >= 0 ? this : other;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isNegative(): boolean {
    return this.num < 0n;
  }

  /** Commercial rounding: halves go away from zero (for the non-negative amounts here: up). */
  roundHalfUp(): bigint {
    const neg = this.num < 0n;
    const abs = neg ? -this.num : this.num;
    const rounded = (2n * abs + this.den) / (2n * this.den);
    return neg ? -rounded : rounded;
  }

  /** Rounded to a JS number of cents; throws rather than silently losing precision. */
  toCents(): number {
    return safeCents(this.roundHalfUp());
  }

  /** For display and non-monetary comparisons only; never feed it back into money arithmetic. */
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }

  /** Human readable: `12`, `1/2`, `12 15/31`. */
  toString(): string {
    if (this.den === 1n) return this.num.toString();
    const neg = this.num < 0n;
    const abs = neg ? -this.num : this.num;
    const whole = abs / this.den;
    const rest = abs % this.den;
    const frac = `${rest}/${this.den}`;
    return `${neg ? '-' : ''}${whole > 0n ? `${whole} ${frac}` : frac}`;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function toBigInt(v: bigint | number): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isSafeInteger(v)) throw new RangeError(`Expected a safe integer, got ${v}`);
  return BigInt(v);
}

/**
 * Integer cents as a JS number, refusing what would lose precision: an amount past Number.MAX_SAFE_INTEGER is
 * bad input (the edge bounds every amount far below it), never a silently rounded figure.
 */
export function safeCents(cents: bigint): number {
  if (cents > MAX_SAFE || cents < -MAX_SAFE)
    throw new SroiInputError(`Amount ${cents} cents exceeds the safe integer range`);
  return Number(cents);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A money input (a policy's or a body's cents) as an exact rational: a safe integer of cents, or bad input. */
export function centsOf(value: unknown, what: string, min = 0): Rational {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    throw new SroiInputError(`${what} must be an integer of cents from ${min}, got ${String(value)}`);
  return Rational.of(value);
}

/** Formats integer cents as `40000.00` (language-neutral; the breakdown labels carry the language). */
export function formatCents(cents: number | bigint): string {
  const v = BigInt(cents);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  return `${neg ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
