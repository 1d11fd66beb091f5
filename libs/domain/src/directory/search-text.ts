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

/**
 * A word is "common" when at least this share of the offerings contains it (PostgreSQL's own statistics of the
 * search documents, see `commonTerms`).
 */
export const COMMON_TERM_SHARE = 0.05;

/** Lexeme → share of search documents holding it, from `pg_stats.most_common_elems` of the search document. */
export type LexemeShares = ReadonlyMap<string, number>;

/**
 * The search terms that are common in the data: a term matches every lexeme it is a prefix of, so its share is at
 * least that of the most frequent such lexeme in the statistics (a lower bound: rarer lexemes are not listed).
 * A common word narrows a search little and costs much in the full-text index (its prefix expands to a list of
 * most documents), so a query with rarer words finds its candidates through the rare words and checks the common
 * ones on those rows only; when every word is common, a plain scan finds a candidate set soonest. The result is
 * the same set; only the way to it differs.
 */
export function commonTerms(terms: string[], shares: LexemeShares, threshold = COMMON_TERM_SHARE): string[] {
  return terms.filter((t) => {
    let best = 0;
    for (const [lexeme, share] of shares) if (share > best && lexeme.startsWith(t)) best = share;
    return best >= threshold;
  });
}
