import type { Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { GLOSSARY } from '../../libs/common/src/glossary';
import * as vocabulary from '../../libs/common/src/vocabulary';
import { screenshot } from './harness';

/**
 * Issue 31 item 10: what a person reads on a page must not be an id, a code, an English sentence on a Dutch page,
 * or a programming word (`NaN`, `undefined`…). `checkPageWords` reads the visible text of the header and `main`
 * (innerText, so hidden elements do not count) and the attribute text people read or hear (`title`, `aria-label`,
 * `placeholder`, `alt`, option labels, the document title) and fails with the page's address, the offending
 * words and a screenshot.
 *
 * Text inside an element whose `lang` differs from the page's (the language switch says "English" on a Dutch
 * page, marked lang="en") is left out, and so is text the test itself typed (names, titles: `ignore`).
 */

/** One piece of text a person reads, and where it was found. */
interface Chunk {
  where: string;
  text: string;
}

interface PageText {
  url: string;
  lang: string;
  chunks: Chunk[];
}

export interface Finding {
  rule: string;
  where: string;
  match: string;
  context: string;
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** `social_purchase`, `trede_3`, `not_met`: a code with an underscore, as stored. */
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g;
/** `NOT_FOUND`, `BELOW_THRESHOLD`: an error or reason code. */
const UPPER_SNAKE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
/** What a program writes when it has no value: never something to show. */
const NO_VALUE = /\bNaN\b|\bundefined\b|\bnull\b|\[object Object\]|\bInvalid Date\b|\bInfinity\b/g;

/**
 * English that never occurs in the Dutch interface, as whole words (case-insensitive). Words that are Dutch as
 * well ("is", "in", "of", "over", "open", "status", "test", "team", "download", "dashboard", "social return",
 * "bonus", "log in") are deliberately not in it.
 */
const ENGLISH = [
  'the',
  'and',
  'with',
  'your',
  'you',
  'should',
  'must',
  'please',
  'error',
  'failed',
  'invalid',
  'required',
  'loading',
  'submit',
  'cancel',
  'save',
  'delete',
  'search',
  'not found',
  'something went wrong',
  'should not be empty',
  'must be',
  'per hour',
  'per day',
  'per month',
  'has been',
  'this field',
  'click',
  'sign in',
  'sign out',
  'previous',
  'next page',
  'yes',
  'none',
  'unknown',
  'obligation',
  'obligations',
  'contribution',
  'contributions',
  'invoice',
  'invoices',
  'quote',
  'quotes',
  'offering',
  'offerings',
  'enterprise',
  'enterprises',
  'contractor',
  'contractors',
  'meeting',
  'meetings',
  'report',
  'reports',
  'policy',
  'policies',
  'verified',
  'submitted',
  'rejected',
  'approved',
  'pending',
  'draft',
  'awarded',
  'n/a',
];

/** Dutch that never occurs in the English interface (lower case, whole words, case-sensitive). */
const DUTCH = [
  'het',
  'een',
  'niet',
  'wordt',
  'worden',
  'voor',
  'naar',
  'bij',
  'zijn',
  'heeft',
  'uw',
  'geen',
  'nog',
  'de',
  'van',
  'verplichting',
  'bijdrage',
  'aanbesteding',
  'opdrachtnemer',
  'onderneming',
  'offerte',
  'factuur',
  'opdracht',
  'Opslaan',
  'Gegund',
  'Ingediend',
  'Goedgekeurd',
  'Verplichting',
  'Bijdrage',
  'Aanbesteding',
  'Offerte',
  'Factuur',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const wordRegex = (words: string[], flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${words.map(escape).join('|')})(?![\\p{L}\\p{N}_-])`, `${flags}gu`);
const ENGLISH_RE = wordRegex(ENGLISH, 'i');
const DUTCH_RE = wordRegex(DUTCH, '');

/** Codes that read as a Dutch word as well, or as a file type, and so may stand in a Dutch sentence. */
const NOT_CODES = new Set([
  'pdf',
  'csv',
  'json',
  'xlsx',
  'nl',
  'en',
  'platform',
  'bol',
  'open',
  'week',
  'met',
]);

/**
 * Every one-word code a page might leak on a Dutch page ("draft", "verified", "contractor"): the database's enum
 * labels, the glossary's codes and the vocabulary lists. Codes with an underscore are caught by the generic rule.
 */
let singleWordCodes = new Set<string>();

function addCodes(codes: Iterable<string>): void {
  const dutch = new Set<string>();
  for (const list of Object.values(GLOSSARY))
    for (const t of Object.values(list as Record<string, { nl: string }>)) dutch.add(t.nl.toLowerCase());
  for (const code of codes) {
    if (!/^[a-z][a-z0-9]*$/.test(code) || NOT_CODES.has(code) || dutch.has(code)) continue;
    singleWordCodes.add(code);
  }
}

/** Loads the codes to look for: the enum labels PostgreSQL knows, the glossary's and the vocabulary's. */
export async function loadCodes(ds: DataSource): Promise<void> {
  singleWordCodes = new Set();
  const rows = (await ds.query('SELECT DISTINCT enumlabel FROM pg_enum')) as { enumlabel: string }[];
  addCodes(rows.map((r) => r.enumlabel));
  for (const list of Object.values(GLOSSARY)) addCodes(Object.keys(list));
  for (const value of Object.values(vocabulary))
    if (Array.isArray(value)) addCodes(value.filter((v): v is string => typeof v === 'string'));
}

/** The text of the page a person reads or hears, read in the page itself. */
function readPage(page: Page): Promise<PageText> {
  return page.evaluate(() => {
    const lang = (document.documentElement.lang || 'nl').slice(0, 2);
    const foreign = (el: Element | null) => {
      const l = el?.closest('[lang]')?.getAttribute('lang');
      return Boolean(l && l.slice(0, 2) !== lang);
    };
    const roots = Array.from(document.querySelectorAll('header, main')).filter(
      (el) => !el.parentElement?.closest('header, main'),
    );
    const chunks: { where: string; text: string }[] = [{ where: 'document title', text: document.title }];
    for (const root of roots) {
      let text = (root as HTMLElement).innerText;
      // Text in another language (marked with lang) is left out: the language switch names its language.
      for (const el of Array.from(root.querySelectorAll('[lang]')))
        if (foreign(el)) {
          const inner = (el as HTMLElement).innerText;
          if (inner) text = text.split(inner).join(' ');
        }
      chunks.push({ where: `<${root.tagName.toLowerCase()}> text`, text });
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (foreign(el)) continue;
        const tag = el.tagName.toLowerCase();
        for (const attr of [
          'title',
          'aria-label',
          'placeholder',
          'alt',
          'aria-valuetext',
          'aria-description',
        ]) {
          const v = el.getAttribute(attr);
          if (v) chunks.push({ where: `${attr} of <${tag}>`, text: v });
        }
        if (tag === 'option' || tag === 'optgroup') {
          const v = tag === 'option' ? el.textContent : el.getAttribute('label');
          if (v) chunks.push({ where: `<${tag}> label`, text: v });
        }
        if (tag === 'th') chunks.push({ where: 'table header', text: el.textContent ?? '' });
      }
    }
    return { url: location.href, lang, chunks };
  });
}

/** Addresses a person typed or was given: their underscores and dots are not codes. */
const EMAIL_OR_URL = /[\w.+-]+@[\w.-]+\.\w+|https?:\/\/\S+/g;

export function findProblems(
  { lang, chunks }: Pick<PageText, 'lang' | 'chunks'>,
  ignore: readonly string[] = [],
): Finding[] {
  const findings: Finding[] = [];
  // Longest first, so a name that contains another is removed whole.
  const ignored = [...ignore].filter(Boolean).sort((a, b) => b.length - a.length);
  for (const chunk of chunks) {
    let text = chunk.text;
    for (const s of ignored) text = text.split(s).join(' ');
    text = text.replace(EMAIL_OR_URL, ' ');
    const add = (rule: string, re: RegExp, keep: (m: string) => boolean = () => true) => {
      for (const m of text.matchAll(re)) {
        if (!keep(m[0])) continue;
        const at = m.index ?? 0;
        const context = text
          .slice(Math.max(0, at - 60), at + m[0].length + 60)
          .replace(/\s+/g, ' ')
          .trim();
        findings.push({ rule, where: chunk.where, match: m[0], context });
      }
    };
    add('an id (UUID)', UUID);
    add('a code', SNAKE);
    add('a code', UPPER_SNAKE);
    add('a value a program writes', NO_VALUE);
    if (lang === 'nl') {
      add('English on a Dutch page', ENGLISH_RE);
      add('a code', /\b[a-z][a-z0-9]*\b/g, (m) => singleWordCodes.has(m));
    } else {
      add('Dutch on an English page', DUTCH_RE);
    }
  }
  return findings;
}

export interface CheckOptions {
  /** Text the test typed or was given (names, titles, descriptions): it is the people's, not the interface's. */
  ignore?: readonly string[];
}

let checked = 0;

/**
 * Fails (with the address, the findings and a screenshot `words-<step>.png`) when the page shows an id, a code,
 * `NaN`/`undefined`/`null`, or words of the other language. Waits for loading texts to go first.
 */
export async function checkPageWords(page: Page, step: string, options: CheckOptions = {}): Promise<void> {
  await page
    .waitForFunction(() => !document.querySelector('main [aria-busy="true"], main .bs-loading'), undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  const read = await readPage(page);
  checked += 1;
  const findings = findProblems(read, options.ignore);
  if (findings.length === 0) return;
  const name = `words-${step}`;
  await screenshot(page, name).catch(() => undefined);
  const lines = findings
    .slice(0, 20)
    .map((f) => `  - ${f.rule}: "${f.match}" in ${f.where}: …${f.context}…`)
    .join('\n');
  const message =
    `${step}: ${read.url} (lang=${read.lang}) shows what a person should not read ` +
    `(screenshot ${name}.png):\n${lines}`;
  // PAGE_WORDS=report lists every finding of a run instead of stopping at the first page (to fix screens in bulk).
  if (process.env.PAGE_WORDS === 'report') {
    process.stdout.write(`\n[page-words] ${message}\n`);
    return;
  }
  throw new Error(message);
}

/** How many pages the checker read in this run (printed at the end). */
export const pagesChecked = () => checked;
