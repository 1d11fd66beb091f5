import type { CertificationType, TargetGroup } from '@app/database';

/**
 * The SQL of the directory search, kept free of Nest so the benchmark's bare node:http server runs exactly
 * the same statements as the API.
 *
 * Shape: with words, a capped candidate set is taken from the GIN indexes (full text on offering_search, the
 * narrow copy of each offering's search document and filter columns; a trigram match on the enterprise name for
 * typos), only those candidates are ranked, and the page is cut with a keyset on (score DESC, id ASC), ties
 * nearest first when a postcode is given. Without words the order is nearest first (a GiST KNN scan on the
 * delivery point, so only about a page of rows is read) when a postcode is given, else most recently updated
 * first (a b-tree on updated_at); each order has its own keyset. Every order cuts its page before the wide rows
 * (offering text, organisation, profile, certificates) are read, so those are read for the page only.
 */
export const CANDIDATE_CAP = 500;

/** The postcode lookup that precedes a distance search (shared with the benchmark's bare server). */
export const POSTCODE_AREA_SQL =
  'SELECT pc4, place, municipality, province, lat, lon FROM postcode_area WHERE pc4 = $1';
export const NAME_CANDIDATE_CAP = 200;

/** relevance: best match first; distance: nearest first; recent: most recently updated first. */
export type SearchSort = 'relevance' | 'distance' | 'recent';
export const SEARCH_SORTS: SearchSort[] = ['relevance', 'distance', 'recent'];

/**
 * Rows without a point sort after every real distance: the chord distance between two points on Earth is at most
 * its diameter (about 12,742 km), so 1e9 m cannot collide with one, and it survives JSON in a cursor (Infinity
 * does not).
 */
const NO_DISTANCE = 1e9;

export interface SearchFilters {
  /** From searchTerms(): folded words, each matched as a prefix in the simple, dutch and english configs. */
  terms: string[];
  /**
   * Those of `terms` that many documents hold (see commonTerms): checked on the rows the other words find rather
   * than looked up in the full-text index; when they are all of `terms`, the candidates come from a plain scan.
   */
  commonTerms?: string[];
  /**
   * Per term, the words of the search documents it is a prefix of (see LEXICON_SQL): the term is then matched as
   * those exact words, which the full-text index combines cheaply, instead of as a prefix. A term without an entry
   * (more than PREFIX_EXPANSION_CAP words) stays a prefix.
   */
  prefixWords?: Record<string, string[]>;
  /** The most distinctive words (longest first, at most two) for trigram matching on names (typos). */
  nameTerms?: string[];
  /** Normalised 8-digit CPV code: matches the code and its whole subtree. */
  cpv?: string;
  point?: { lat: number; lon: number };
  radiusKm?: number;
  certification?: CertificationType;
  targetGroup?: TargetGroup;
  /** Date (YYYY-MM-DD) on which certifications must be valid. */
  today: string;
  limit: number;
  sort: SearchSort;
  /** The sort key of the last row of the previous page, in the order's own shape (see cursorShape). */
  after?: unknown[] | null;
}

/**
 * The order a person expects unless the client chooses: with words best match first; without words nearest
 * first when a postcode is given, else most recently updated first. Relevance without words has nothing to rank,
 * so it falls back the same way.
 */
export function resolveSort(
  requested: SearchSort | undefined,
  hasWords: boolean,
  hasPoint: boolean,
): SearchSort {
  if (requested === 'distance' || requested === 'recent') return requested;
  if (hasWords) return 'relevance';
  return hasPoint ? 'distance' : 'recent';
}

/**
 * What a cursor holds for each order: relevance [score, id] or, with a point, [score, distance, id]; distance
 * [distance, id]; recent [updatedAt as PostgreSQL prints it (microseconds kept), id].
 */
export function cursorShape(sort: SearchSort, hasPoint: boolean): ('number' | 'uuid' | 'timestamp')[] {
  if (sort === 'distance') return ['number', 'uuid'];
  if (sort === 'recent') return ['timestamp', 'uuid'];
  return hasPoint ? ['number', 'number', 'uuid'] : ['number', 'uuid'];
}

/** The cursor key of a result row, in cursorShape's order. */
export function cursorKey(
  sort: SearchSort,
  hasPoint: boolean,
  row: { id: string; score: number; sort_distance: number | null; sort_updated_at: string | null },
): unknown[] {
  if (sort === 'distance') return [row.sort_distance, row.id];
  if (sort === 'recent') return [row.sort_updated_at, row.id];
  return hasPoint ? [row.score, row.sort_distance ?? NO_DISTANCE, row.id] : [row.score, row.id];
}

export interface SqlQuery {
  text: string;
  values: unknown[];
  /**
   * The statement that opens the query's own transaction with planner settings (SET LOCAL), when it needs any:
   * KNN_BEGIN_SQL or WORD_INDEX_BEGIN_SQL. The query then runs in it and the transaction is committed.
   */
  begin?: string;
}

/**
 * The settings of a nearest-first query, each as one SET LOCAL statement: bitmap scans and sorts discouraged.
 * PostgreSQL estimates a radius box at 0.1 % of the rows whatever its size, so it would otherwise read every row in
 * the box and sort them instead of letting the KNN scan stop after a page.
 */
// jit off: the disabled-plan penalty inflates the cost past jit_above_cost, and compiling takes seconds.
export const KNN_SETTINGS = [
  'SET LOCAL enable_bitmapscan = off',
  'SET LOCAL enable_sort = off',
  'SET LOCAL jit = off',
];

/** Opens the transaction of a nearest-first query with its settings, in one round trip. */
export const KNN_BEGIN_SQL = `BEGIN; ${KNN_SETTINGS.join('; ')}`;

/**
 * The settings of a word search whose rarer words find the candidates through the full-text index and whose common
 * words are checked on those rows (see textMatch). The planner cannot estimate the check, so it takes the rarer
 * words' own share for the share of rows that pass, and with a LIMIT a scan in table order then looks cheap: for
 * "schoonmaak kantoren" it scanned 21,000 rows (61 ms) to find 500 that hold both words, where the index finds
 * them in 23 ms. A scan is still taken where no index applies (a CTE, a small table); jit off as for KNN_SETTINGS,
 * since the penalty of such a scan inflates the cost past jit_above_cost.
 */
export const WORD_INDEX_SETTINGS = ['SET LOCAL enable_seqscan = off', 'SET LOCAL jit = off'];

/** Opens the transaction of such a word search with its settings, in one round trip. */
export const WORD_INDEX_BEGIN_SQL = `BEGIN; ${WORD_INDEX_SETTINGS.join('; ')}`;

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Most words one prefix is turned into; a prefix of more words (a short one) is left a prefix. */
export const PREFIX_EXPANSION_CAP = 64;

/** The words [lo, hi) that start with `t` in byte order (the "C" collation of `search_lexeme`). */
export function prefixRange(t: string): [string, string] {
  return [t, t.slice(0, -1) + String.fromCharCode(t.charCodeAt(t.length - 1) + 1)];
}

/** The words each prefix stands for: $1 the lower and $2 the upper bounds of prefixRange, in terms order. */
export const LEXICON_SQL = `SELECT u.i::int AS i, l.word
  FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(lo, hi, i)
  CROSS JOIN LATERAL (SELECT DISTINCT word FROM search_lexeme
                       WHERE word >= u.lo COLLATE "C" AND word < u.hi COLLATE "C"
                       ORDER BY word LIMIT ${PREFIX_EXPANSION_CAP + 1}) AS l`;

export function lexiconValues(terms: string[]): [string[], string[]] {
  const ranges = terms.map(prefixRange);
  return [ranges.map((r) => r[0]), ranges.map((r) => r[1])];
}

/** LEXICON_SQL's rows as SearchFilters.prefixWords (a term of too many words gets no entry). */
export function prefixWords(terms: string[], rows: { i: number; word: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = Object.fromEntries(terms.map((t) => [t, []]));
  for (const r of rows) out[terms[r.i - 1]].push(r.word);
  for (const t of terms) if (out[t].length > PREFIX_EXPANSION_CAP) delete out[t];
  return out;
}

/** A tsquery literal matching any of the words exactly. */
function anyWord(words: string[]): string {
  return words.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ');
}

function tsQuery(p: Params, terms: string[], prefixes?: Record<string, string[]>): string {
  // Each word: a prefix of a word (so `schoonmaak` finds `schoonmaakdiensten`), written out as the exact words it
  // stands for when known, or the same stem in Dutch or English (so `kantoren` finds `kantoor`); words are ANDed.
  // No document word starts with a term that has no words: it is then matched as itself, which finds nothing.
  const words = terms
    .map((t) => {
      const exact = prefixes?.[t];
      const prefix = exact
        ? `${p.add(anyWord(exact.length > 0 ? exact : [t]))}::tsquery`
        : `to_tsquery('simple', ${p.add(`${t}:*`)})`;
      const word = p.add(t);
      return `(${prefix} || plainto_tsquery('dutch', ${word}) || plainto_tsquery('english', ${word}))`;
    })
    .join(' && ');
  return `(${words})`;
}

/**
 * The full-text condition of the terms on `doc`: the rarer words through the index, the common ones (if any) as a
 * plain check on the rows those find (`ts_match_vq` is `@@` as a function, which the planner neither takes to the
 * index nor estimates). With only common words the check alone: a scan in the table's order meets a capped
 * candidate set within a few pages, where the index would first list most of the table.
 */
/** The common terms (see SearchFilters.commonTerms) and the rarer rest, in the terms' order. */
function termClasses(f: SearchFilters): { common: Set<string>; rare: string[] } {
  const common = new Set(f.commonTerms ?? []);
  return { common, rare: f.terms.filter((t) => !common.has(t)) };
}

/** Whether textMatch checks common words on the rows the rarer words find (the query then needs WORD_INDEX_SETTINGS). */
function checksCommonWords(f: SearchFilters): boolean {
  const { common, rare } = termClasses(f);
  return common.size > 0 && rare.length > 0;
}

function textMatch(p: Params, f: SearchFilters, doc: string): string {
  const { common, rare } = termClasses(f);
  // Exact word lists serve the index; a row check is cheaper on a prefix than on the list it stands for.
  if (common.size === 0) return `${doc} @@ ${tsQuery(p, f.terms, f.prefixWords)}`;
  // Several common words together may still be rare: the planner weighs that from the whole query.
  if (rare.length === 0 && f.terms.length > 1) return `${doc} @@ ${tsQuery(p, f.terms)}`;
  const check = `ts_match_vq(${doc}, ${tsQuery(p, [...common])})`;
  return rare.length === 0 ? check : `${doc} @@ ${tsQuery(p, rare, f.prefixWords)} AND ${check}`;
}

/** The statistics `commonTerms` works from: the most common lexemes of the offerings' search documents. */
export const LEXEME_SHARES_SQL = `SELECT e AS lexeme, f AS share
  FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(e, f)
 WHERE s.schemaname = current_schema() AND s.tablename = 'offering_search' AND s.attname = 'search_doc'
   AND e IS NOT NULL`;

/**
 * Typo-tolerant name match: each distinctive word must be trigram-similar to a word of the name. Matching
 * word by word keeps the trigram index scans short; a whole long phrase would make the planner scan every
 * name.
 */
function nameMatch(p: Params, terms: string[], alias: string): { match: string; score: string } {
  const name = `immutable_unaccent(lower(${alias}.name))`;
  const params = terms.map((t) => p.add(t));
  return {
    match: params.map((t) => `${t} <% ${name}`).join(' AND '),
    score: `((${params.map((t) => `word_similarity(${t}, ${name})`).join(' + ')}) / ${params.length})`,
  };
}

const earth = (p: Params, f: SearchFilters): string =>
  `ll_to_earth(${p.add(f.point!.lat)}, ${p.add(f.point!.lon)})`;

/**
 * The offering filters on `offering` or, with `narrow`, on `offering_search` (the narrow copy, where the CPV codes
 * and their ancestors are integers so the GiST index on the point can check the subtree).
 */
function offeringFilters(p: Params, f: SearchFilters, alias = 'o', narrow = false): string[] {
  // Sub-selects (not correlated EXISTS) so the planner can hash the small sets once per query.
  const where: string[] = [`NOT ${alias}.hidden`];
  if (f.cpv) {
    where.push(
      narrow
        ? `${alias}.cpv_ids @> ARRAY[${p.add(Number(f.cpv))}::int4]`
        : `${alias}.cpv_ancestors @> ARRAY[${p.add(f.cpv)}]::text[]`,
    );
  }
  if (f.point && f.radiusKm !== undefined) {
    const centre = earth(p, f);
    const metres = p.add(f.radiusKm * 1000);
    where.push(
      `earth_box(${centre}, ${metres}::float8) @> ll_to_earth(${alias}.lat, ${alias}.lon)`,
      `earth_distance(${centre}, ll_to_earth(${alias}.lat, ${alias}.lon)) <= ${metres}::float8`,
    );
  }
  if (f.certification) where.push(`${alias}.organisation_id IN (${validCertificationHolders(p, f)})`);
  if (f.targetGroup) {
    where.push(
      `${alias}.organisation_id IN (SELECT tg.organisation_id FROM social_enterprise_profile tg WHERE tg.target_groups @> ARRAY[${p.add(f.targetGroup)}]::text[])`,
    );
  }
  return where;
}

function validCertificationHolders(p: Params, f: SearchFilters): string {
  const today = p.add(f.today);
  return `SELECT c.organisation_id FROM certification c WHERE c.type = ${p.add(f.certification)}::certification_type AND c.status <> 'rejected' AND c.valid_from <= ${today}::date AND (c.valid_until IS NULL OR c.valid_until >= ${today}::date)`;
}

function certificationsJson(p: Params, f: SearchFilters, orgColumn: string): string {
  const today = p.add(f.today);
  return `(SELECT coalesce(json_agg(json_build_object('id', c.id, 'type', c.type, 'level', c.level, 'status', c.status, 'validUntil', c.valid_until) ORDER BY c.type, c.id), '[]'::json) FROM certification c WHERE c.organisation_id = ${orgColumn} AND c.status <> 'rejected' AND c.valid_from <= ${today}::date AND (c.valid_until IS NULL OR c.valid_until >= ${today}::date))`;
}

/** Chord distance in metres (monotonic in the great-circle distance): what the GiST index orders by. */
function chord(p: Params, f: SearchFilters, lat: string, lon: string): string {
  return `(ll_to_earth(${lat}, ${lon}) <-> ${earth(p, f)})`;
}

/** The keyset condition "after the last row" for an order given as [expression, direction] pairs. */
function keyset(
  p: Params,
  after: unknown[] | null | undefined,
  keys: [string, 'asc' | 'desc', string][],
): string | null {
  if (!after) return null;
  const values = keys.map(([, , cast], i) => `${p.add(after[i])}::${cast}`);
  const build = (i: number): string => {
    const [expr, dir] = keys[i];
    const beyond = `${expr} ${dir === 'asc' ? '>' : '<'} ${values[i]}`;
    if (i === keys.length - 1) return beyond;
    return `(${beyond} OR (${expr} = ${values[i]} AND ${build(i + 1)}))`;
  };
  return build(0);
}

export function offeringSearchSql(f: SearchFilters): SqlQuery {
  const p = new Params();
  const distance =
    f.point !== undefined
      ? `round((earth_distance(${earth(p, f)}, ll_to_earth(o.lat, o.lon)) / 1000)::numeric, 2)::float8`
      : 'NULL::float8';
  const select = `o.id, o.title, o.description, o.cpv_codes, o.organisation_id, org.name AS organisation_name, org.city AS organisation_city`;

  if (f.terms.length === 0) {
    const certs = certificationsJson(p, f, 'o.organisation_id');
    if (f.sort === 'distance' && f.point) {
      // Nearest first: a KNN index scan orders by the distance alone, not by (distance, id), so it reads the
      // page's rows plus every row tied with the last one (WITH TIES) and stops; those few rows are then ordered
      // by (distance, id) for a stable keyset, and only the page is joined to the wide rows. The scan runs on the
      // narrow copy, whose GiST index holds the point and the CPV codes, so a CPV subtree is checked in the index.
      const where = offeringFilters(p, f, 's', true);
      const k = chord(p, f, 's.lat', 's.lon');
      where.push('s.lat IS NOT NULL');
      const ks = keyset(p, f.after, [
        [k, 'asc', 'float8'],
        ['s.offering_id', 'asc', 'uuid'],
      ]);
      if (ks) where.push(ks);
      const limit = p.add(f.limit + 1);
      return {
        text: `WITH near AS MATERIALIZED (SELECT s.offering_id AS id, ${k} AS k FROM offering_search s WHERE ${where.join(' AND ')} ORDER BY ${k} FETCH FIRST (${limit}) ROWS WITH TIES),
page AS MATERIALIZED (SELECT id, k FROM near ORDER BY k, id LIMIT ${limit})
SELECT ${select}, 0::float8 AS score, ${distance} AS distance_km, page.k AS sort_distance, NULL::text AS sort_updated_at, ${certs} AS certifications
FROM page JOIN offering o ON o.id = page.id JOIN organisation org ON org.id = o.organisation_id
ORDER BY page.k ASC, page.id ASC`,
        values: p.values,
        begin: KNN_BEGIN_SQL,
      };
    }
    const where = offeringFilters(p, f);
    const ks = keyset(p, f.after, [
      ['o.updated_at', 'desc', 'timestamptz'],
      ['o.id', 'desc', 'uuid'],
    ]);
    if (ks) where.push(ks);
    return {
      text: `SELECT ${select}, 0::float8 AS score, ${distance} AS distance_km, NULL::float8 AS sort_distance, o.updated_at::text AS sort_updated_at, ${certs} AS certifications
FROM offering o JOIN organisation org ON org.id = o.organisation_id
WHERE ${where.join(' AND ')}
ORDER BY o.updated_at DESC, o.id DESC LIMIT ${p.add(f.limit + 1)}`,
      values: p.values,
    };
  }

  // Ranked by ts_rank (weights: title A, description B) rather than ts_rank_cd: a third of the cost on a capped
  // candidate set of a common word, and the same title-over-description order.
  // The query is written inline (not in a CTE) so the planner can estimate how common the words are: a
  // common word is then read by a scan that stops after CANDIDATE_CAP matches instead of a bitmap of every
  // match; a rare word uses the GIN index. Both read offering_search, the narrow in-line copy of the search
  // document and filter columns (kept by a trigger), not the wide offering rows. Each candidate carries its own
  // sort key (score and, with a point, the chord distance), so the page is cut from the candidates alone and only
  // its rows are joined to the wide offering and organisation rows and get their certificates.
  const k = f.point ? `coalesce(${chord(p, f, 'o.lat', 'o.lon')}, ${NO_DISTANCE})` : 'NULL::float8';
  const tsq = tsQuery(p, f.terms, f.prefixWords);
  const textWhere = [textMatch(p, f, 'o.search_doc'), ...offeringFilters(p, f, 'o', true)].join(' AND ');
  const parts = [`(SELECT id, k, r FROM words)`];
  if (f.nameTerms?.length) {
    const { match, score } = nameMatch(p, f.nameTerms, 'org');
    const nameWhere = offeringFilters(p, f).join(' AND ');
    // Typo tolerance is the fallback of words that do not fill the candidate set (with a full set of exact
    // matches a near name would not make the first pages anyway): matching enterprises first (a short list),
    // then their offerings by the organisation index.
    parts.push(
      `(SELECT o.id, ${k} AS k, 0.5 * m.sim AS r FROM (SELECT org.id, ${score} AS sim FROM organisation org WHERE org.kind = 'social_enterprise' AND ${match} LIMIT ${NAME_CANDIDATE_CAP}) m JOIN offering o ON o.organisation_id = m.id WHERE ${nameWhere} AND (SELECT count(*) FROM words) < ${CANDIDATE_CAP} LIMIT ${NAME_CANDIDATE_CAP})`,
    );
  }
  const ks = keyset(
    p,
    f.after,
    f.point
      ? [
          ['score', 'desc', 'float8'],
          ['k', 'asc', 'float8'],
          ['id', 'asc', 'uuid'],
        ]
      : [
          ['score', 'desc', 'float8'],
          ['id', 'asc', 'uuid'],
        ],
  );
  const order = `score DESC${f.point ? ', k ASC' : ''}, id ASC`;
  const certs = certificationsJson(p, f, 'o.organisation_id');
  return {
    text: `WITH words AS MATERIALIZED (SELECT o.offering_id AS id, ${k} AS k, ts_rank(o.search_doc, ${tsq}, 1) AS r FROM offering_search o WHERE ${textWhere} LIMIT ${CANDIDATE_CAP}),
cand AS (${parts.join(' UNION ALL ')}),
s AS (SELECT id, k, round(max(r)::numeric, 6)::float8 AS score FROM cand GROUP BY id, k),
page AS MATERIALIZED (SELECT id, k, score FROM s${ks ? ` WHERE ${ks}` : ''} ORDER BY ${order} LIMIT ${p.add(f.limit + 1)})
SELECT ${select}, page.score, ${distance} AS distance_km, ${f.point ? 'page.k' : 'NULL::float8'} AS sort_distance, NULL::text AS sort_updated_at, ${certs} AS certifications
FROM page JOIN offering o ON o.id = page.id JOIN organisation org ON org.id = o.organisation_id
ORDER BY page.${order.replace(/, /g, ', page.')}`,
    values: p.values,
    begin: checksCommonWords(f) ? WORD_INDEX_BEGIN_SQL : undefined,
  };
}

/**
 * One row per enterprise. Every filter is written on the organisation row (and the postcode area for distance) so
 * the page is cut from narrow rows: "published" is a probe into a partial index of the few unpublished profiles,
 * the target group an EXISTS on the profile; the wide profile row (mission, search document) is read only for
 * the page.
 */
export function enterpriseSearchSql(f: SearchFilters): SqlQuery {
  const p = new Params();
  const where: string[] = [
    `org.kind = 'social_enterprise'`,
    `NOT EXISTS (SELECT 1 FROM social_enterprise_profile u WHERE u.organisation_id = org.id AND NOT u.published)`,
  ];
  const distance =
    f.point !== undefined
      ? `round((earth_distance(${earth(p, f)}, ll_to_earth(pa.lat, pa.lon)) / 1000)::numeric, 2)::float8`
      : 'NULL::float8';
  if (f.cpv) {
    where.push(
      `EXISTS (SELECT 1 FROM offering o2 WHERE o2.organisation_id = org.id AND o2.cpv_ancestors @> ARRAY[${p.add(f.cpv)}]::text[])`,
    );
  }
  if (f.point && f.radiusKm !== undefined) {
    const metres = p.add(f.radiusKm * 1000);
    where.push(
      `earth_box(${earth(p, f)}, ${metres}::float8) @> ll_to_earth(pa.lat, pa.lon)`,
      `earth_distance(${earth(p, f)}, ll_to_earth(pa.lat, pa.lon)) <= ${metres}::float8`,
    );
  }
  if (f.certification) where.push(`org.id IN (${validCertificationHolders(p, f)})`);
  if (f.targetGroup) {
    where.push(
      `EXISTS (SELECT 1 FROM social_enterprise_profile tg WHERE tg.organisation_id = org.id AND tg.target_groups @> ARRAY[${p.add(f.targetGroup)}]::text[])`,
    );
  }
  const area = `LEFT JOIN postcode_area pa ON pa.pc4 = left(org.postcode, 4)`;
  const certs = certificationsJson(p, f, 'org.id');
  /** The page's rows with everything shown: the profile and the certificates of those rows only. */
  const output = (order: string): string =>
    `SELECT org.id, org.name, org.kvk_number, org.city, org.postcode, pr.mission, coalesce(pr.target_groups, '{}') AS target_groups, page.score, page.distance_km, page.sort_distance, page.sort_updated_at, ${certs} AS certifications
FROM page JOIN organisation org ON org.id = page.id LEFT JOIN social_enterprise_profile pr ON pr.organisation_id = org.id
ORDER BY ${order}`;

  if (f.terms.length === 0) {
    if (f.sort === 'distance' && f.point) {
      // Nearest postcode areas first (KNN on postcode_area), then their enterprises by the PC4 index, up to the
      // page plus every enterprise tied with the last one (the rest of its area); then ordered by (distance, id).
      const k = chord(p, f, 'pa.lat', 'pa.lon');
      const ks = keyset(p, f.after, [
        [k, 'asc', 'float8'],
        ['org.id', 'asc', 'uuid'],
      ]);
      if (ks) where.push(ks);
      const limit = p.add(f.limit + 1);
      return {
        text: `WITH near AS MATERIALIZED (SELECT org.id, ${distance} AS distance_km, ${k} AS k FROM postcode_area pa JOIN organisation org ON left(org.postcode, 4) = pa.pc4
WHERE ${where.join(' AND ')} ORDER BY ${k} FETCH FIRST (${limit}) ROWS WITH TIES),
page AS MATERIALIZED (SELECT id, 0::float8 AS score, distance_km, k AS sort_distance, NULL::text AS sort_updated_at FROM near ORDER BY k, id LIMIT ${limit})
${output('page.sort_distance ASC, page.id ASC')}`,
        values: p.values,
        begin: KNN_BEGIN_SQL,
      };
    }
    const ks = keyset(p, f.after, [
      ['org.updated_at', 'desc', 'timestamptz'],
      ['org.id', 'desc', 'uuid'],
    ]);
    if (ks) where.push(ks);
    return {
      text: `WITH page AS MATERIALIZED (SELECT org.id, 0::float8 AS score, ${distance} AS distance_km, NULL::float8 AS sort_distance, org.updated_at AS updated_at, org.updated_at::text AS sort_updated_at
FROM organisation org ${f.point ? area : ''} WHERE ${where.join(' AND ')} ORDER BY org.updated_at DESC, org.id DESC LIMIT ${p.add(f.limit + 1)})
${output('page.updated_at DESC, page.id DESC')}`,
      values: p.values,
    };
  }
  // Candidates by words in offerings and missions and by a typo-tolerant name match, each capped; then the page
  // is cut from (score, distance, id) on the organisation row before anything wide is read.
  const tsq = tsQuery(p, f.terms, f.prefixWords);
  const parts = [
    `(SELECT o.organisation_id AS id, ts_rank_cd(o.search_doc, ${tsq}, 1) AS r FROM offering_search o WHERE ${textMatch(p, f, 'o.search_doc')} LIMIT ${CANDIDATE_CAP})`,
    `(SELECT pm.organisation_id AS id, ts_rank_cd(pm.search_doc, ${tsq}, 1) AS r FROM social_enterprise_profile pm WHERE pm.search_doc @@ ${tsq} LIMIT ${CANDIDATE_CAP})`,
  ];
  if (f.nameTerms?.length) {
    const { match, score } = nameMatch(p, f.nameTerms, 'n');
    parts.push(
      `(SELECT n.id, 0.5 + 0.5 * ${score} AS r FROM organisation n WHERE n.kind = 'social_enterprise' AND ${match} LIMIT ${NAME_CANDIDATE_CAP})`,
    );
  }
  const k = f.point ? `coalesce(${chord(p, f, 'pa.lat', 'pa.lon')}, ${NO_DISTANCE})` : 'NULL::float8';
  const ks = keyset(
    p,
    f.after,
    f.point
      ? [
          ['s.score', 'desc', 'float8'],
          [k, 'asc', 'float8'],
          ['org.id', 'asc', 'uuid'],
        ]
      : [
          ['s.score', 'desc', 'float8'],
          ['org.id', 'asc', 'uuid'],
        ],
  );
  if (ks) where.push(ks);
  return {
    text: `WITH cand AS (${parts.join(' UNION ALL ')}),
s AS (SELECT id, round(max(r)::numeric, 6)::float8 AS score FROM cand GROUP BY id),
page AS MATERIALIZED (SELECT org.id, s.score, ${distance} AS distance_km, ${k} AS sort_distance, NULL::text AS sort_updated_at
FROM s JOIN organisation org ON org.id = s.id ${f.point ? area : ''}
WHERE ${where.join(' AND ')}
ORDER BY s.score DESC${f.point ? `, ${k} ASC` : ''}, org.id ASC LIMIT ${p.add(f.limit + 1)})
${output(`page.score DESC${f.point ? ', page.sort_distance ASC' : ''}, page.id ASC`)}`,
    values: p.values,
    begin: checksCommonWords(f) ? WORD_INDEX_BEGIN_SQL : undefined,
  };
}
