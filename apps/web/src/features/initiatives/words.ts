import type { Need, Pledge } from './api';

type Fmt = { money: (c: number | null | undefined) => string; num: (n: number, digits?: number) => string };

/** What a need asks or a pledge offers in figures: "€ 1.500,00", "40 uur", or nothing. */
export function supportAmount(
  s: Pick<Need | Pledge, 'amountCents' | 'hours'>,
  f: Fmt,
  hoursWord: (n: string) => string,
): string {
  if (s.amountCents !== null && s.amountCents !== undefined) return f.money(s.amountCents);
  if (s.hours !== null && s.hours !== undefined) return hoursWord(f.num(s.hours, 2));
  return '';
}
