import { MAX_TENDER_TERMS } from './match-factors';

/**
 * Words that say nothing about what is bought; without this list every tender would "match" every
 * offering on `voor` or `with`. Dutch and English, accents folded.
 */
const STOP_WORDS = new Set([
  'aan',
  'alle',
  'also',
  'and',
  'are',
  'bij',
  'dat',
  'deze',
  'die',
  'door',
  'een',
  'for',
  'from',
  'gemeente',
  'het',
  'into',
  'levering',
  'met',
  'naar',
  'niet',
  'onder',
  'ook',
  'over',
  'that',
  'the',
  'their',
  'this',
  'tot',
  'uit',
  'van',
  'voor',
  'with',
  'worden',
  'wordt',
  'zijn',
]);

/**
 * The distinctive words of a tender (title first, then items, then description), folded like the directory
 * search folds them: each is later matched in SQL as a prefix (simple) or a Dutch or English stem.
 */
export function tenderTerms(title: string, itemDescriptions: string[], description: string): string[] {
  const out: string[] = [];
  for (const text of [title, ...itemDescriptions, description]) {
    const words = text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/);
    for (const w of words) {
      if (w.length < 4 || /^\d+$/.test(w) || STOP_WORDS.has(w) || out.includes(w)) continue;
      out.push(w);
      if (out.length >= MAX_TENDER_TERMS) return out;
    }
  }
  return out;
}
