/**
 * The benchmark's reference: a bare node:http + pg server that answers GET /api/v1/offerings with exactly
 * the SQL of the API (the same modules build it), without Nest, validation pipes, guards or logging.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { SESSION_OPTIONS } from '../../libs/database/src/data-source-options';
import { rawRead } from '../../libs/database/src/raw-pool';
import { decodeCursor, encodeCursor, pageLimit, pc4Of, todayInNl } from '../../libs/common/src';
import { parseCpvInput } from '../../libs/domain/src/directory/cpv-input';
import { offeringHit, type OfferingRow } from '../../libs/domain/src/directory/search-hits';
import {
  commonTerms,
  LexemeShares,
  nameTerms,
  searchTerms,
} from '../../libs/domain/src/directory/search-text';
import {
  cursorKey,
  cursorShape,
  LEXEME_SHARES_SQL,
  LEXICON_SQL,
  lexiconValues,
  prefixWords,
  offeringSearchSql,
  POSTCODE_AREA_SQL,
  resolveSort,
  SearchFilters,
  SearchSort,
} from '../../libs/domain/src/directory/search.sql';

const port = Number(process.argv[2] ?? 3199);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20, options: SESSION_OPTIONS });
let tree: Map<string, string>;
let shares: LexemeShares = new Map();

async function filters(params: URLSearchParams): Promise<SearchFilters> {
  const q = params.get('q')?.trim() || undefined;
  const terms = searchTerms(q);
  let point: SearchFilters['point'];
  const postcode = params.get('postcode');
  if (postcode) {
    const { rows } = await pool.query(POSTCODE_AREA_SQL, [pc4Of(postcode)]);
    if (!rows[0]) throw new Error('unknown postcode');
    point = { lat: rows[0].lat, lon: rows[0].lon };
  }
  const cpvRaw = params.get('cpv');
  const cpv = cpvRaw ? parseCpvInput(cpvRaw)?.code : undefined;
  if (cpvRaw && (!cpv || !tree.has(cpv))) throw new Error('unknown cpv');
  const sort = resolveSort(
    (params.get('sort') ?? undefined) as SearchSort | undefined,
    terms.length > 0,
    point !== undefined,
  );
  const cursor = decodeCursor(params.get('cursor') ?? undefined, cursorShape(sort, point !== undefined));
  const lexicon = terms.length > 0 ? await pool.query(LEXICON_SQL, lexiconValues(terms)) : undefined;
  return {
    prefixWords: lexicon ? prefixWords(terms, lexicon.rows) : undefined,
    terms,
    commonTerms: commonTerms(terms, shares),
    nameTerms: nameTerms(terms),
    cpv,
    point,
    radiusKm: params.has('radiusKm') ? Number(params.get('radiusKm')) : undefined,
    certification: (params.get('certification') ?? undefined) as SearchFilters['certification'],
    targetGroup: (params.get('targetGroup') ?? undefined) as SearchFilters['targetGroup'],
    today: todayInNl(),
    limit: pageLimit(params.has('limit') ? Number(params.get('limit')) : undefined),
    sort,
    after: cursor,
  };
}

async function main(): Promise<void> {
  const { rows } = await pool.query<{ code: string; check_digit: string }>(
    'SELECT code, check_digit FROM cpv_code',
  );
  tree = new Map(rows.map((r) => [r.code, r.check_digit]));
  const stats = await pool.query<{ lexeme: string; share: number }>(LEXEME_SHARES_SQL);
  shares = new Map(stats.rows.map((r) => [r.lexeme, r.share]));
  createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/v1/offerings') {
      res.writeHead(404).end();
      return;
    }
    filters(url.searchParams)
      .then(async (f) => {
        const q = offeringSearchSql(f);
        // The same runner as the API: planner settings, when the query has any, in a transaction of its own.
        const rows = await rawRead<OfferingRow>(pool, q.text, q.values, q.begin);
        const page = rows.slice(0, f.limit);
        const display = (codes: string[]): string[] =>
          codes.map((c) => (tree.has(c) ? `${c}-${tree.get(c)}` : c));
        const items = page.map((r) => offeringHit(r, display));
        const last = page[f.limit - 1];
        const nextCursor =
          rows.length > f.limit ? encodeCursor(cursorKey(f.sort, f.point !== undefined, last)) : null;
        res
          .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify({ items, nextCursor }));
      })
      .catch((err: Error) => {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: err.message }));
      });
  }).listen(port, () => console.log(`bare server on ${port}`));
}

void main();
