/**
 * Turns free text into search terms: accents folded, lower-cased, split on anything that is not a letter or
 * digit. Every term is later matched as a prefix in three text-search configurations (simple, dutch,
 * english), so `schoonmaak` finds `schoonmaakdiensten` and `cafe` finds `café`.
 */
export const MAX_SEARCH_TERMS = 8;

export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  const folded = q
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const terms = folded.split(/[^a-z0-9]+/).filter((t) => t.length >= 2);
  return [...new Set(terms)].slice(0, MAX_SEARCH_TERMS);
}

/** The same text folded as one string, for trigram similarity on names. */
export function foldedText(q: string): string {
  return q
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The longest (most distinctive) words, at most two, for typo-tolerant name matching. */
export function nameTerms(terms: string[]): string[] {
  return [...terms]
    .filter((t) => t.length >= 4 && !/^\d+$/.test(t))
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, 2);
}
