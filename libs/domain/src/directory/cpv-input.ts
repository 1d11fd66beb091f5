/**
 * Accepts `90910000`, `90910000-9` and `CPV 90910000-9` (any case, spaces tolerated). Returns the 8 digits and
 * the check digit if one was given; whether the code exists is decided by lookup in the CPV table, never by a
 * check-digit formula.
 */
export interface ParsedCpv {
  code: string;
  checkDigit: string | null;
}

const CPV_INPUT = /^(?:cpv\s*)?(\d{8})(?:\s*-\s*(\d))?$/i;

export function parseCpvInput(input: string): ParsedCpv | null {
  const m = CPV_INPUT.exec(input.trim());
  return m ? { code: m[1], checkDigit: m[2] ?? null } : null;
}

/** The significant prefix of a code: `45000000` → `45`, `45210000` → `4521` (never shorter than 2). */
export function cpvSignificantPrefix(code: string): string {
  const trimmed = code.replace(/0+$/, '');
  return trimmed.length < 2 ? code.slice(0, 2) : trimmed;
}
