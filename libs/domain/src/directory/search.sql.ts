import type { CertificationType, TargetGroup } from '@app/database';

/**
 * The SQL of the directory search, kept free of Nest so the benchmark's bare node:http server runs exactly
 * the same statements as the API.
 *
 * Shape: with words, a capped candidate set is taken from the GIN indexes (full text on the offering, a
 * trigram match on the enterprise name for typos), only those candidates are ranked, and the page is cut
 * with a keyset on (score DESC, id ASC). Without words every filtered row scores 0 and the keyset is the id.
 */
export const CANDIDATE_CAP = 500;

/** The postcode lookup that precedes a distance search (shared with the benchmark's bare server). */
export const POSTCODE_AREA_SQL =
  'SELECT pc4, place, municipality, province, lat, lon FROM postcode_area WHERE pc4 = $1';
export const NAME_CANDIDATE_CAP = 200;

export interface SearchFilters {
  /** From searchTerms(): folded words, each matched as a prefix in the simple, dutch and english configs. */
  terms: string[];
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
  after?: { score: number; id: string } | null;
}

export interface SqlQuery {
  text: string;
  values: unknown[];
}

class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

function tsQuery(p: Params, terms: string[]): string {
  // Each word: a prefix of an unstemmed word (so `schoonmaak` finds `schoonmaakdiensten`) or the same stem in
  // Dutch or English (so `kantoren` finds `kantoor`); words are ANDed. Prefixes only on the unstemmed
  // configuration keep the number of index entries (and the per-row check) small.
  const words = terms
    .map((t) => {
      const prefix = p.add(`${t}:*`);
      const word = p.add(t);
      return `(to_tsquery('simple', ${prefix}) || plainto_tsquery('dutch', ${word}) || plainto_tsquery('english', ${word}))`;
    })
    .join(' && ');
  return `(${words})`;
}

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

function offeringFilters(p: Params, f: SearchFilters, alias = 'o'): string[] {
  // Sub-selects (not correlated EXISTS) so the planner can hash the small sets once per query.
  const where: string[] = [`NOT ${alias}.hidden`];
  if (f.cpv) where.push(`${alias}.cpv_ancestors @> ARRAY[${p.add(f.cpv)}]::text[]`);
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

function keyset(p: Params, f: SearchFilters, scoreExpr: string, idExpr: string): string | null {
  if (!f.after) return null;
  const s = p.add(f.after.score);
  const id = p.add(f.after.id);
  return `(${scoreExpr} < ${s}::float8 OR (${scoreExpr} = ${s}::float8 AND ${idExpr} > ${id}::uuid))`;
}

export function offeringSearchSql(f: SearchFilters): SqlQuery {
  const p = new Params();
  const distance =
    f.point !== undefined
      ? `round((earth_distance(${earth(p, f)}, ll_to_earth(o.lat, o.lon)) / 1000)::numeric, 2)::float8`
      : 'NULL::float8';
  const select = `o.id, o.title, o.description, o.cpv_codes, o.organisation_id, org.name AS organisation_name, org.city AS organisation_city`;

  if (f.terms.length === 0) {
    const where = offeringFilters(p, f);
    const ks = keyset(p, f, '0::float8', 'o.id');
    if (ks) where.push(ks);
    const certs = certificationsJson(p, f, 'o.organisation_id');
    return {
      text: `SELECT ${select}, 0::float8 AS score, ${distance} AS distance_km, ${certs} AS certifications
FROM offering o JOIN organisation org ON org.id = o.organisation_id
WHERE ${where.join(' AND ')}
ORDER BY o.id ASC LIMIT ${p.add(f.limit + 1)}`,
      values: p.values,
    };
  }

  // The query is written inline (not in a CTE) so the planner can estimate how common the words are: a
  // common word is then read by a scan that stops after CANDIDATE_CAP matches instead of a bitmap of every
  // match; a rare word uses the GIN index.
  const tsq = tsQuery(p, f.terms);
  const textWhere = offeringFilters(p, f).join(' AND ');
  const parts = [
    `(SELECT o.id, ts_rank_cd(o.search_doc, ${tsq}, 1) AS r FROM offering o WHERE o.search_doc @@ ${tsq} AND ${textWhere} LIMIT ${CANDIDATE_CAP})`,
  ];
  if (f.nameTerms?.length) {
    const { match, score } = nameMatch(p, f.nameTerms, 'org');
    const nameWhere = offeringFilters(p, f).join(' AND ');
    // Matching enterprises first (a short list), then their offerings by the organisation index.
    parts.push(
      `(SELECT o.id, 0.5 * m.sim AS r FROM (SELECT org.id, ${score} AS sim FROM organisation org WHERE org.kind = 'social_enterprise' AND ${match} LIMIT ${NAME_CANDIDATE_CAP}) m JOIN offering o ON o.organisation_id = m.id WHERE ${nameWhere} LIMIT ${NAME_CANDIDATE_CAP})`,
    );
  }
  const outer: string[] = [];
  const ks = keyset(p, f, 's.score', 'o.id');
  if (ks) outer.push(ks);
  const certs = certificationsJson(p, f, 'o.organisation_id');
  return {
    text: `WITH cand AS (${parts.join(' UNION ALL ')}),
s AS (SELECT id, round(max(r)::numeric, 6)::float8 AS score FROM cand GROUP BY id)
SELECT ${select}, s.score, ${distance} AS distance_km, ${certs} AS certifications
FROM s JOIN offering o ON o.id = s.id JOIN organisation org ON org.id = o.organisation_id
${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
ORDER BY s.score DESC, o.id ASC LIMIT ${p.add(f.limit + 1)}`,
    values: p.values,
  };
}

export function enterpriseSearchSql(f: SearchFilters): SqlQuery {
  const p = new Params();
  const where: string[] = [`org.kind = 'social_enterprise'`, 'coalesce(pr.published, true)'];
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
    where.push(
      `earth_distance(${earth(p, f)}, ll_to_earth(pa.lat, pa.lon)) <= ${p.add(f.radiusKm * 1000)}::float8`,
    );
  }
  if (f.certification) where.push(`org.id IN (${validCertificationHolders(p, f)})`);
  if (f.targetGroup) where.push(`pr.target_groups @> ARRAY[${p.add(f.targetGroup)}]::text[]`);
  const select = `org.id, org.name, org.kvk_number, org.city, org.postcode, pr.mission, coalesce(pr.target_groups, '{}') AS target_groups`;
  const joins = `LEFT JOIN social_enterprise_profile pr ON pr.organisation_id = org.id LEFT JOIN postcode_area pa ON pa.pc4 = left(org.postcode, 4)`;

  if (f.terms.length === 0) {
    const ks = keyset(p, f, '0::float8', 'org.id');
    if (ks) where.push(ks);
    const certs = certificationsJson(p, f, 'org.id');
    return {
      text: `SELECT ${select}, 0::float8 AS score, ${distance} AS distance_km, ${certs} AS certifications
FROM organisation org ${joins} WHERE ${where.join(' AND ')} ORDER BY org.id ASC LIMIT ${p.add(f.limit + 1)}`,
      values: p.values,
    };
  }
  const tsq = tsQuery(p, f.terms);
  const parts = [
    `(SELECT o.organisation_id AS id, ts_rank_cd(o.search_doc, ${tsq}, 1) AS r FROM offering o WHERE o.search_doc @@ ${tsq} LIMIT ${CANDIDATE_CAP})`,
    `(SELECT pm.organisation_id AS id, ts_rank_cd(pm.search_doc, ${tsq}, 1) AS r FROM social_enterprise_profile pm WHERE pm.search_doc @@ ${tsq} LIMIT ${CANDIDATE_CAP})`,
  ];
  if (f.nameTerms?.length) {
    const { match, score } = nameMatch(p, f.nameTerms, 'n');
    parts.push(
      `(SELECT n.id, 0.5 + 0.5 * ${score} AS r FROM organisation n WHERE n.kind = 'social_enterprise' AND ${match} LIMIT ${NAME_CANDIDATE_CAP})`,
    );
  }
  const ks = keyset(p, f, 's.score', 'org.id');
  if (ks) where.push(ks);
  const certs = certificationsJson(p, f, 'org.id');
  return {
    text: `WITH cand AS (${parts.join(' UNION ALL ')}),
s AS (SELECT id, round(max(r)::numeric, 6)::float8 AS score FROM cand GROUP BY id)
SELECT ${select}, s.score, ${distance} AS distance_km, ${certs} AS certifications
FROM s JOIN organisation org ON org.id = s.id ${joins}
WHERE ${where.join(' AND ')}
ORDER BY s.score DESC, org.id ASC LIMIT ${p.add(f.limit + 1)}`,
    values: p.values,
  };
}
