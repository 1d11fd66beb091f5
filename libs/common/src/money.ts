import type { ValueTransformer } from 'typeorm';

/** Maps Postgres bigint cents (returned as strings) to JS numbers, refusing values that would lose precision. */
export const centsTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => {
    if (value === null || value === undefined) return value;
    assertSafeCents(value);
    return value;
  },
  from: (value: string | number | null) => {
    if (value === null || value === undefined) return null;
    const n = typeof value === 'number' ? value : Number(value);
    assertSafeCents(n);
    return n;
  },
};

export function assertSafeCents(value: number): void {
  if (!Number.isSafeInteger(value))
    throw new RangeError(`money value ${value} is not a safe integer of cents`);
}

/** Postgres numeric comes back as a string; shares and FTEs are small, so a number is exact enough for display. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};

export function formatEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100).toLocaleString('nl-NL');
  return `${sign}EUR ${euros},${String(abs % 100).padStart(2, '0')}`;
}
