/**
 * Column widths for a PDF table that never break a word: each column is at least as wide as its longest word
 * (measured with the font it is set in), and what is left is shared as the columns ask for it.
 */

/** U+2060 WORD JOINER: no line break at this point (pdfkit would otherwise break after a hyphen or a slash). */
export const NO_BREAK = '\u2060';

/** A header's words may wrap only at spaces: hyphens and slashes inside a word are glued to what follows. */
export function gluedHeader(text: string): string {
  return text.replace(/([-/])(?=\S)/g, `$1${NO_BREAK}`);
}

/** The words of a cell as the line breaker sees them once hyphens are glued: split at white space only. */
export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Widths for columns that ask for `shares` of `total` and need at least `mins` each. Columns below their
 * minimum get it; the excess is taken from the columns above theirs, in proportion to what they have to spare.
 * Null when the minimums alone do not fit.
 */
export function fitColumns(shares: number[], mins: number[], total: number): number[] | null {
  const need = mins.reduce((s, m) => s + m, 0);
  if (need > total + 1e-6) return null;
  const sum = shares.reduce((s, x) => s + x, 0) || 1;
  const widths = shares.map((s, i) => Math.max((s / sum) * total, mins[i]));
  const excess = widths.reduce((s, w) => s + w, 0) - total;
  if (excess <= 1e-9) {
    // Shares that add up to less than the whole: the rest goes to the columns in proportion to their shares.
    const slack = -excess;
    return widths.map((w, i) => w + (slack * shares[i]) / sum);
  }
  const spare = widths.map((w, i) => w - mins[i]);
  const spareTotal = spare.reduce((s, x) => s + x, 0);
  return widths.map((w, i) => w - (excess * spare[i]) / spareTotal);
}

export interface FitInput {
  headers: string[];
  shares: number[];
  /** Longest word per column of the body (already measured at the body size), or 0. */
  bodyWordWidths: number[];
  total: number;
  padding: number;
  /** Room a word needs beyond its own width (pdfkit wraps a word that fills its line exactly). */
  slack?: number;
  /** Width of `text` in the bold header font at `size`. */
  measureHeader: (text: string, size: number) => number;
  /** Header sizes to try, largest first. */
  sizes: number[];
}

export interface FitResult {
  widths: number[];
  headerSize: number;
  /** False only when even the smallest size cannot hold every header word (words may then break). */
  fits: boolean;
}

/**
 * Picks the largest header size at which every header word fits its column, widening columns as needed
 * (and, where there is room, the body's longest words too so body cells do not break inside a word either).
 */
export function fitTable(input: FitInput): FitResult {
  const { headers, shares, bodyWordWidths, total, padding, measureHeader, sizes } = input;
  const room = 2 * padding + (input.slack ?? 0);
  for (const size of sizes) {
    const headerMins = headers.map((h) => Math.max(0, ...words(h).map((w) => measureHeader(w, size))) + room);
    const withBody = headerMins.map((m, i) => Math.max(m, bodyWordWidths[i] + room));
    const widths = fitColumns(shares, withBody, total) ?? fitColumns(shares, headerMins, total);
    if (widths) return { widths, headerSize: size, fits: true };
  }
  const sum = shares.reduce((s, x) => s + x, 0) || 1;
  return { widths: shares.map((s) => (s / sum) * total), headerSize: sizes[sizes.length - 1], fits: false };
}
