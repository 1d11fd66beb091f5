/**
 * The SQL of matching, free of Nest so the benchmark's in-process loop runs exactly the statements the worker
 * runs. Candidates: visible offerings that share a CPV division with one of the tender's items and whose
 * delivery radius (when both points and the radius are known) reaches the tender's delivery postcode.
 */
import type { MatchSubjectType } from '@app/database';

/** Offerings scored per subject at most, nearest first: keeps one job bounded on a dense division. */
export const MATCH_CANDIDATE_CAP = 2000;

export interface MatchSqlQuery {
  text: string;
  values: unknown[];
}

/**
 * An offering's delivery radius in metres, as float8: the same value as `delivery_radius_km * 1000.0` (an integer
 * below 2^53 either way), without numeric arithmetic and a cast back on every point of a division (half the
 * distance filter's time: 20 → 10 ms on division 45's 35,814 points).
 */
const REACH_M = 'delivery_radius_km * 1000::float8';

/** `90911200` → `90000000`: the division code, present in every offering's `cpv_ancestors`. */
export function divisionCode(code: string): string {
  return `${code.slice(0, 2)}000000`;
}

/**
 * Candidate queries are estimated dear (a division's offerings) and cheap to run once the distance is plain
 * arithmetic: JIT compilation would cost more than the query. For the transaction that scores a subject.
 */
export const NO_JIT_SQL = 'SET LOCAL jit = off';
/** A batch keeps its divisions' offerings (points and codes) in memory rather than in a temporary file. */
export const BATCH_WORK_MEM_SQL = "SET LOCAL work_mem = '64MB'";

export interface CandidateFilter {
  divisions: string[];
  point: { lat: number; lon: number } | null;
  terms: string[];
}

export interface CandidateRow {
  id: string;
  organisation_id: string;
  /** Comma-separated. */
  cpv_codes: string;
  labour_share: number | null;
  capacity_cents_per_month: string | null;
  delivery_radius_km: number | null;
  distance_km: number | null;
  /** Bit k set: the subject's tender word k is in the offering's document. */
  matched_mask: number;
  /** Comma-separated; null without a profile. */
  target_groups: string | null;
  municipality: string | null;
  province: string | null;
}

/** PostgreSQL's `earth()`: the radius `earthdistance` works with, in metres. */
const EARTH = '6378168::float8';

/**
 * `ll_to_earth(lat, lon)` as three plain float8 coordinates, in the same operations and order as the extension's
 * SQL function, without building a cube through the `earth` domain (whose checks cost most of the call).
 */
const earthX = (lat: string, lon: string): string => `${EARTH} * cos(radians(${lat})) * cos(radians(${lon}))`;
const earthY = (lat: string, lon: string): string => `${EARTH} * cos(radians(${lat})) * sin(radians(${lon}))`;
const earthZ = (lat: string): string => `${EARTH} * sin(radians(${lat}))`;

/** The subject's point as earth coordinates, computed once per statement (null coordinates when unknown). */
const pointCte = (lat: string, lon: string): string =>
  `pt AS MATERIALIZED (SELECT ${earthX(lat, lon)} AS x, ${earthY(lat, lon)} AS y, ${earthZ(lat)} AS z)`;

/**
 * `earth_distance(ll_to_earth(pt), ll_to_earth(o.lat, o.lon))` in metres, written out in two steps: the chord as
 * `cube_distance` sums it, then `sec_to_gc` of it. Bit for bit the extension's value (checked on 300k offerings)
 * at a fifth of its cost, which decides a candidate query that measures every offering of a CPV division.
 */
export function chordSql(o: string): string {
  const dx = `(${earthX(`${o}.lat`, `${o}.lon`)} - pt.x)`;
  const dy = `(${earthY(`${o}.lat`, `${o}.lon`)} - pt.y)`;
  const dz = `(${earthZ(`${o}.lat`)} - pt.z)`;
  return `sqrt(${dx} * ${dx} + ${dy} * ${dy} + ${dz} * ${dz})`;
}
export function secToGcSql(ch: string): string {
  return `CASE WHEN ${ch} < 0 THEN 0::float8 WHEN ${ch} / (2 * ${EARTH}) > 1 THEN pi() * ${EARTH}
               ELSE 2 * ${EARTH} * asin(${ch} / (2 * ${EARTH})) END`;
}

/** `90911200` or `90000000` → 90: the division as `match_offering_point` keys it. */
export function divisionNumber(code: string): number {
  return Number(code.slice(0, 2));
}

/** The chord from the subject's point to an offering's stored earth coordinates (as `chordSql` computes it). */
function pointChordSql(p: string, pt: string): string {
  return `sqrt((${p}.x - ${pt}.x) * (${p}.x - ${pt}.x) + (${p}.y - ${pt}.y) * (${p}.y - ${pt}.y)
               + (${p}.z - ${pt}.z) * (${p}.z - ${pt}.z))`;
}

/**
 * The points of the visible offerings in some divisions, each offering once: an offering with codes in two of
 * them has a row in each, and only its row of the lowest division is taken (the probe runs only for subjects of
 * several divisions).
 */
function divisionPoints(p: string, divisions: string): string {
  return `(SELECT * FROM match_offering_point pp
            WHERE pp.division = ANY(${divisions})
              AND (cardinality(${divisions}) = 1 OR NOT EXISTS (
                    SELECT 1 FROM match_offering_point q
                     WHERE q.offering_id = pp.offering_id AND q.division = ANY(${divisions})
                       AND q.division < pp.division))) AS ${p}`;
}

/**
 * Which tender words a document holds, as a bit mask (bit k: the subject's word k): one `@@` per word written
 * out (`terms.qs` are the words' queries), rather than a subquery with a sort on every candidate row, and an
 * integer rather than an array of words for the worker to parse. A subject with fewer words than `n` reads null
 * past its own, which matches nothing.
 */
function matchedMaskSql(doc: string, n: number): string {
  if (n === 0) return '0';
  return Array.from(
    { length: n },
    (_, k) => `(CASE WHEN ${doc} @@ terms.qs[${k + 1}] THEN ${2 ** k} ELSE 0 END)`,
  ).join(' + ');
}

/**
 * A candidate row's arrays as comma-separated text (CPV codes are digits, target groups identifiers): the worker
 * splits them natively instead of parsing PostgreSQL's array syntax character by character.
 */
function listSql(a: string): string {
  return `array_to_string(${a}, ',')`;
}

/**
 * What is scored of an offering, from its narrow `match_offering_fact` row (its search document already stripped
 * of positions and weights, which no query here uses; its enterprise's target groups and PC4 area).
 */
const FACT_COLUMNS = (o: string): string =>
  `${o}.organisation_id, ${listSql(`${o}.cpv_codes`)} AS cpv_codes, ${o}.labour_share, ${o}.capacity_cents_per_month,
   ${o}.delivery_radius_km, ${o}.doc, ${listSql(`${o}.target_groups`)} AS target_groups, ${o}.pc4`;

/**
 * Candidates of one subject: visible offerings in one of its CPV divisions whose delivery radius reaches its
 * point, nearest first and capped; or, with `offeringIds`, exactly those of the given offerings that are
 * candidates now (the same conditions and the same distance, uncapped: an incremental re-score).
 */
export function candidatesSql(
  f: CandidateFilter,
  offeringIds?: string[],
  cap: number = MATCH_CANDIDATE_CAP,
  after?: { id: string; distanceKm: number | null },
): MatchSqlQuery {
  // With `after` (not with `offeringIds`): only the candidates past that key in the cap's order, the nearest
  // `cap` of them: what fills a full set that a patch left short.
  const dk = `(CASE WHEN $2::float8 IS NULL OR x IS NULL THEN NULL ELSE m / 1000.0 END)`;
  const past =
    after && !offeringIds
      ? `AND (CASE WHEN $6::float8 IS NULL THEN ${dk} IS NULL AND id > $7::uuid
                 ELSE ${dk} IS NULL OR ${dk} > $6::float8 OR (${dk} = $6::float8 AND id > $7::uuid) END)`
      : '';
  // The distance is computed once per offering of the divisions from the narrow `match_offering_point` (an
  // index-only scan; the subquery is kept apart by OFFSET 0), then filtered and sorted on; only the capped rows
  // are joined to their narrow facts, by key. Each tender word is one tsquery, built once: a prefix of an
  // unstemmed word or the same Dutch or English stem, as the directory search matches; each is matched against
  // the offering's stripped document.
  return {
    text: `WITH ${pointCte('$2::float8', '$3::float8')},
           terms AS MATERIALIZED (
             SELECT coalesce(array_agg(to_tsquery('simple', t || ':*') || plainto_tsquery('dutch', t)
                                       || plainto_tsquery('english', t) ORDER BY ord), '{}') AS qs
               FROM unnest($4::text[]) WITH ORDINALITY AS u(t, ord)),
           c AS MATERIALIZED (
             SELECT id, CASE WHEN $2::float8 IS NULL OR x IS NULL THEN NULL ELSE m / 1000.0 END AS distance_km
               FROM (SELECT id, x, delivery_radius_km, ${secToGcSql('ch')} AS m
                       FROM (SELECT p.offering_id AS id, p.x, p.delivery_radius_km, ${pointChordSql('p', 'pt')} AS ch
                               FROM ${divisionPoints('p', '$1::int2[]')} CROSS JOIN pt
                               ${offeringIds ? 'WHERE p.offering_id = ANY($6::uuid[])' : ''}
                             OFFSET 0) AS chord
                     OFFSET 0) AS d
              WHERE (delivery_radius_km IS NULL OR x IS NULL OR $2::float8 IS NULL OR m <= ${REACH_M})
                    ${past}
              ORDER BY distance_km ASC NULLS LAST, id
              LIMIT $5)
         SELECT r.id, r.organisation_id, r.cpv_codes, r.labour_share, r.capacity_cents_per_month,
                r.delivery_radius_km, r.distance_km, ${matchedMaskSql('r.doc', f.terms.length)} AS matched_mask,
                r.target_groups, spa.municipality, spa.province
           FROM (SELECT c.id, c.distance_km, ${FACT_COLUMNS('o')}
                   FROM c JOIN match_offering_fact o ON o.offering_id = c.id
                 OFFSET 0) AS r
           LEFT JOIN postcode_area spa ON spa.pc4 = r.pc4
           CROSS JOIN terms
          ORDER BY r.distance_km ASC NULLS LAST, r.id`,
    values: [
      f.divisions.map(divisionNumber),
      f.point?.lat ?? null,
      f.point?.lon ?? null,
      f.terms,
      offeringIds ? null : cap,
      ...(offeringIds ? [offeringIds] : []),
      ...(after && !offeringIds ? [after.distanceKm, after.id] : []),
    ],
  };
}

/** Obligations scored together at most: one candidate statement and one transaction serve them all. */
export const MATCH_BATCH = 16;

/**
 * The candidates of several subjects in one statement, exactly as `candidatesSql` finds each (the same
 * conditions, distance, order and cap): each subject reads its divisions' points, and the wide row of an
 * offering several of them keep is read once. Rows carry the subject's index `i`. With `only`, each subject's
 * candidates among its own changed offerings, uncapped (`candidatesSql` with `offeringIds`, for a patch).
 */
export function batchCandidatesSql(
  filters: CandidateFilter[],
  cap: number = MATCH_CANDIDATE_CAP,
  only?: string[][],
): MatchSqlQuery {
  const terms = filters.flatMap((f, i) => f.terms.map((t, k) => ({ i, t, ord: k + 1 })));
  return {
    text: `WITH s AS MATERIALIZED (
             SELECT i, lat AS plat, string_to_array(divs, ',')::int2[] AS divs,
                    string_to_array(only_ids, ',')::uuid[] AS only_ids,
                    ${earthX('lat', 'lon')} AS x, ${earthY('lat', 'lon')} AS y, ${earthZ('lat')} AS z
               FROM unnest($1::int[], $2::float8[], $3::float8[], $4::text[], $9::text[])
                    AS u(i, lat, lon, divs, only_ids)),
           terms AS MATERIALIZED (
             SELECT i, array_agg(to_tsquery('simple', t || ':*') || plainto_tsquery('dutch', t)
                              || plainto_tsquery('english', t) ORDER BY ord) AS qs
               FROM unnest($5::int[], $6::text[], $7::int[]) AS u(i, t, ord)
              GROUP BY i),
           c AS MATERIALIZED (
             SELECT s.i, k.id, k.distance_km
               FROM s CROSS JOIN LATERAL (
                 SELECT id, CASE WHEN s.plat IS NULL OR x IS NULL THEN NULL ELSE m / 1000.0 END AS distance_km
                   FROM (SELECT id, x, delivery_radius_km, ${secToGcSql('ch')} AS m
                           FROM (SELECT p.offering_id AS id, p.x, p.delivery_radius_km,
                                        ${pointChordSql('p', 's')} AS ch
                                   FROM ${divisionPoints('p', 's.divs')}
                                  ${only ? 'WHERE p.offering_id = ANY(s.only_ids)' : ''}
                                 OFFSET 0) AS chord
                         OFFSET 0) AS d
                  WHERE delivery_radius_km IS NULL OR x IS NULL OR s.plat IS NULL
                     OR m <= ${REACH_M}
                  ORDER BY distance_km ASC NULLS LAST, id
                  LIMIT $8) AS k),
           f AS MATERIALIZED (
             SELECT o.offering_id AS id, ${FACT_COLUMNS('o')}, spa.municipality, spa.province
               FROM (SELECT DISTINCT id FROM c) AS u
               JOIN match_offering_fact o ON o.offering_id = u.id
               LEFT JOIN postcode_area spa ON spa.pc4 = o.pc4)
         SELECT c.i, f.id, f.organisation_id, f.cpv_codes, f.labour_share, f.capacity_cents_per_month,
                f.delivery_radius_km, c.distance_km,
                ${matchedMaskSql('f.doc', Math.max(0, ...filters.map((x) => x.terms.length)))} AS matched_mask,
                f.target_groups, f.municipality, f.province
           FROM c
           JOIN f ON f.id = c.id
           LEFT JOIN terms ON terms.i = c.i
          ORDER BY c.i, c.distance_km ASC NULLS LAST, c.id`,
    values: [
      filters.map((_, i) => i),
      filters.map((f) => f.point?.lat ?? null),
      filters.map((f) => f.point?.lon ?? null),
      filters.map((f) => f.divisions.map(divisionNumber).join(',')),
      terms.map((t) => t.i),
      terms.map((t) => t.t),
      terms.map((t) => t.ord),
      only ? null : cap,
      filters.map((_, i) => (only ? only[i].join(',') : null)),
    ],
  };
}

/**
 * Other obligations waiting for a whole-set re-score (a refresh or the nightly run) that share a CPV division:
 * taken into the running job's batch, locked so no other job takes them; their own jobs then find their
 * revision stored.
 */
export const BATCH_MATES_SQL = `SELECT ms.subject_id FROM match_state ms
    JOIN obligation ob ON ob.id = ms.subject_id
   WHERE ms.subject_type = 'obligation' AND ms.subject_id <> $1
     AND ms.requested_revision > ms.computed_revision
     AND coalesce(ms.failed_revision, 0) < ms.requested_revision
     AND EXISTS (SELECT 1 FROM match_delta d WHERE d.subject_type = 'obligation' AND d.subject_id = ms.subject_id
                   AND d.offering_id = $4)
     AND EXISTS (SELECT 1 FROM tender_item i WHERE i.tender_id = ob.tender_id
                   AND (left(i.cpv_code, 2) || '000000') = ANY($2::text[]))
   ORDER BY ms.subject_id
   LIMIT $3
   FOR KEY SHARE OF ob SKIP LOCKED
   FOR UPDATE OF ms SKIP LOCKED`;

/** Obligations patched together at most: one offering change can touch hundreds of sets. */
export const MATCH_PATCH_BATCH = 32;

/**
 * Other obligations waiting for a patch of some of the same offerings (a stored set of today, no whole-set
 * request): taken into the running job's transaction, locked so no other job takes them; their own jobs then
 * find their revision stored. Taken from the highest ids down: a change writes its jobs in id order, so the
 * jobs that run next (and would wait on these locks) are those of the lowest ids.
 */
export const PATCH_MATES_SQL = `SELECT ms.subject_id FROM match_state ms
    JOIN obligation ob ON ob.id = ms.subject_id
   WHERE ms.subject_type = 'obligation' AND ms.subject_id <> $1
     AND ms.requested_revision > ms.computed_revision AND ms.computed_revision > 0
     AND coalesce(ms.failed_revision, 0) < ms.requested_revision
     AND EXISTS (SELECT 1 FROM match_delta d WHERE d.subject_type = 'obligation' AND d.subject_id = ms.subject_id
                   AND d.offering_id = ANY($2::uuid[]))
     AND NOT EXISTS (SELECT 1 FROM match_delta d WHERE d.subject_type = 'obligation'
                       AND d.subject_id = ms.subject_id AND d.offering_id = $4)
   ORDER BY ms.subject_id DESC
   LIMIT $3
   FOR KEY SHARE OF ob SKIP LOCKED
   FOR UPDATE OF ms SKIP LOCKED`;

/**
 * The subject's own row, key-shared before its state is claimed: the rows a job writes reference it, and a
 * business transaction locks it (an award, a contribution) before it requests a re-score. Taking it first keeps
 * both in one lock order, so neither waits on the other in a cycle.
 */
export function subjectKeyShareSql(type: MatchSubjectType): string {
  return `SELECT 1 FROM ${type === 'obligation' ? 'obligation' : 'tender'} WHERE id = $1 FOR KEY SHARE`;
}

/**
 * The stored rows of a subject outside a set of offerings, with their distance computed as candidate generation
 * computes it: the sort key of the capped set, for an incremental re-score that must know where the cap cuts.
 * Only for sets with rows written before `cap_key` was stored (`storedCapKeysSql` reads it).
 */
export function storedKeysSql(type: MatchSubjectType): string {
  const { table, column } = matchTable(type);
  return `WITH ${pointCte('$2::float8', '$3::float8')}
    SELECT id, CASE WHEN $2::float8 IS NULL OR ch IS NULL THEN NULL ELSE ${secToGcSql('ch')} / 1000.0 END
             AS distance_km
      FROM (SELECT m.offering_id AS id, o.lat, ${chordSql('o')} AS ch
              FROM ${table} m
              JOIN offering o ON o.id = m.offering_id
              CROSS JOIN pt
             WHERE m.${column} = $1 AND NOT (m.offering_id = ANY($4::uuid[]))
            OFFSET 0) AS chord`;
}

/**
 * The farthest `$3` stored rows of a subject outside a set of offerings, with the key the cap ordered them by
 * (farthest first, ties by the larger id as `byKey` orders them; at most the cap's rows sorted). A row stored
 * before the key was (-1) is returned too, so the caller knows to compute the keys instead.
 */
export function storedCapKeysSql(type: MatchSubjectType): string {
  const { table, column } = matchTable(type);
  return `(SELECT offering_id AS id, cap_key FROM ${table}
            WHERE ${column} = $1 AND NOT (offering_id = ANY($2::uuid[]))
            ORDER BY cap_key DESC, offering_id DESC LIMIT $3)
          UNION ALL
          (SELECT offering_id, cap_key FROM ${table} WHERE ${column} = $1 AND cap_key < 0 LIMIT 1)`;
}

/**
 * How many rows a subject's stored set has, and which of the given offerings are among them: for a set stored
 * before `match_state.match_count` was kept.
 */
export function storedCountSql(type: MatchSubjectType): string {
  const { table, column } = matchTable(type);
  return `SELECT count(*)::int AS n,
                 coalesce(array_agg(offering_id) FILTER (WHERE offering_id = ANY($2::uuid[])), '{}') AS listed
            FROM ${table} WHERE ${column} = $1`;
}

export function matchTable(type: MatchSubjectType): { table: string; column: string } {
  return type === 'obligation'
    ? { table: 'obligation_match', column: 'obligation_id' }
    : { table: 'tender_match', column: 'tender_id' };
}

export const CERTIFICATIONS_SQL = `SELECT organisation_id, type::text AS type, level::text AS level,
       valid_from::text AS valid_from, valid_until::text AS valid_until, status::text AS status
  FROM certification WHERE organisation_id = ANY($1::uuid[])`;

/** Quote requests per enterprise; the marketplace owns the table, so its absence is handled as "none yet". */
export const QUOTE_REQUESTS_SQL = `SELECT social_enterprise_id, count(*)::int AS total,
       (count(*) FILTER (WHERE status <> 'open'))::int AS answered
  FROM quote_request WHERE social_enterprise_id = ANY($1::uuid[]) GROUP BY social_enterprise_id`;
export const QUOTE_REQUEST_TABLE_SQL = `SELECT to_regclass('public.quote_request') IS NOT NULL AS present`;

const NEAR = (o: string, pa: string): string =>
  `(${o}.lat IS NULL OR ${o}.delivery_radius_km IS NULL OR ${pa}.lat IS NULL
    OR earth_distance(ll_to_earth(${pa}.lat, ${pa}.lon), ll_to_earth(${o}.lat, ${o}.lon)) <= ${o}.delivery_radius_km * 1000.0)`;

const SHARES_DIVISION = (o: string, t: string): string =>
  `EXISTS (SELECT 1 FROM tender_item i WHERE i.tender_id = ${t}.id
             AND ${o}.cpv_ancestors @> ARRAY[left(i.cpv_code, 2) || '000000']::text[])`;

/**
 * The (subject, offering) pairs a set of offerings can affect: their current match rows (the old state) and the
 * open obligations or active tenders they would now be candidates for (the new state), by CPV division and
 * distance.
 */
export function affectedByOfferingsSql(type: MatchSubjectType): string {
  if (type === 'obligation') {
    return `SELECT obligation_id AS id, offering_id FROM obligation_match WHERE offering_id = ANY($1::uuid[])
      UNION
      SELECT ob.id, o.id FROM offering o
        JOIN obligation ob ON ob.waived_at IS NULL
        JOIN tender t ON t.id = ob.tender_id
        LEFT JOIN postcode_area pa ON pa.pc4 = left(t.delivery_postcode, 4)
       WHERE o.id = ANY($1::uuid[]) AND NOT o.hidden AND ${SHARES_DIVISION('o', 't')} AND ${NEAR('o', 'pa')}`;
  }
  return `SELECT tender_id AS id, offering_id FROM tender_match WHERE offering_id = ANY($1::uuid[])
    UNION
    SELECT t.id, o.id FROM offering o
      JOIN tender t ON t.status = 'active'
      LEFT JOIN postcode_area pa ON pa.pc4 = left(t.delivery_postcode, 4)
     WHERE o.id = ANY($1::uuid[]) AND NOT o.hidden AND ${SHARES_DIVISION('o', 't')} AND ${NEAR('o', 'pa')}`;
}

/**
 * The stored pairs that list one of these enterprises (a certificate, profile or quote-request change): found
 * through their offerings, as `obligation_match` keeps no index on the enterprise (one less to write per row).
 */
export function affectedByEnterprisesSql(type: MatchSubjectType): string {
  const { table, column } = matchTable(type);
  return `SELECT ${column} AS id, offering_id FROM ${table}
           WHERE offering_id = ANY(ARRAY(SELECT id FROM offering WHERE organisation_id = ANY($1::uuid[])))
             AND social_enterprise_id = ANY($1::uuid[])`;
}

/** The offering id of a delta row that stands for the whole set: the subject itself changed. */
export const WHOLE_SET = '00000000-0000-0000-0000-000000000000';

/** Records which pairs of each subject must be scored again; ordered so two transactions lock alike. */
export const ADD_DELTAS_SQL = `INSERT INTO match_delta (subject_type, subject_id, offering_id)
  SELECT $1, s, o FROM unnest($2::uuid[], $3::uuid[]) AS p(s, o) ORDER BY s, o
  ON CONFLICT DO NOTHING`;

export const DELTAS_SQL = `SELECT offering_id FROM match_delta WHERE subject_type = $1 AND subject_id = $2`;

/**
 * Raises the requested revision of each subject, unless a job for the current one has not started yet (it
 * will read this change, so a burst of changes collapses into one job). Ids sorted so two transactions lock
 * the rows in the same order.
 */
export const REQUEST_REVISIONS_SQL = `INSERT INTO match_state (subject_type, subject_id, requested_revision)
  SELECT $1, id, 1 FROM unnest($2::uuid[]) AS id ORDER BY id
  ON CONFLICT (subject_type, subject_id) DO UPDATE SET requested_revision =
    CASE WHEN match_state.requested_revision > match_state.started_revision
         THEN match_state.requested_revision ELSE match_state.requested_revision + 1 END
  RETURNING subject_id, requested_revision`;

/** A refresh someone asked for always starts a new revision. */
export const FORCE_REVISION_SQL = `INSERT INTO match_state (subject_type, subject_id, requested_revision)
  VALUES ($1, $2, 1)
  ON CONFLICT (subject_type, subject_id) DO UPDATE SET requested_revision = match_state.requested_revision + 1
  RETURNING requested_revision`;

/**
 * A job claims the newest requested revision when it starts, inside the transaction that writes its set: the row
 * lock keeps triggers (which lock it first) and other jobs of the subject out until the set is stored, so the
 * deltas it reads are all there are. Returns what is stored and whether it was computed today (in NL): a set
 * carries "today" in every projection, so only a set of today may be patched incrementally.
 */
export const CLAIM_REVISION_SQL = `INSERT INTO match_state (subject_type, subject_id, requested_revision, started_revision)
  VALUES ($1, $2, 1, 1)
  ON CONFLICT (subject_type, subject_id) DO UPDATE
    SET requested_revision = GREATEST(match_state.requested_revision, 1),
        started_revision = GREATEST(match_state.requested_revision, 1)
  RETURNING started_revision, computed_revision, match_count, coalesce(failed_revision, 0) AS failed_revision,
            coalesce((computed_at AT TIME ZONE 'Europe/Amsterdam')::date = $3::date, false) AS computed_today`;

/**
 * `CLAIM_REVISION_SQL` for other subjects of a job, whose `match_state` rows the job already holds (the mates
 * queries lock them): one statement for all (a SELECT around the UPDATE, so TypeORM answers with the rows).
 */
export const CLAIM_REVISIONS_SQL = `WITH claimed AS (
    UPDATE match_state ms
       SET requested_revision = GREATEST(ms.requested_revision, 1),
           started_revision = GREATEST(ms.requested_revision, 1)
      FROM unnest($2::uuid[]) AS u(id)
     WHERE ms.subject_type = $1 AND ms.subject_id = u.id
    RETURNING ms.subject_id, ms.started_revision, ms.computed_revision, ms.match_count,
              coalesce(ms.failed_revision, 0) AS failed_revision,
              coalesce((ms.computed_at AT TIME ZONE 'Europe/Amsterdam')::date = $3::date, false) AS computed_today)
  SELECT * FROM claimed`;

/** `DELTAS_SQL` for several subjects. */
export const DELTAS_OF_SQL = `SELECT subject_id, offering_id FROM match_delta
  WHERE subject_type = $1 AND subject_id = ANY($2::uuid[])`;

/** Which of its changed offerings each subject's stored set lists (probes of the primary key). */
export function storedListedOfSql(type: MatchSubjectType): string {
  const { table, column } = matchTable(type);
  return `SELECT m.${column} AS id, array_agg(m.offering_id) AS listed
            FROM unnest($1::uuid[], $2::uuid[]) AS p(s, o)
            JOIN ${table} m ON m.${column} = p.s AND m.offering_id = p.o
           GROUP BY m.${column}`;
}

/** The given (subject, offering) rows deleted, for several subjects in one statement. */
export function deletePairsSql(type: MatchSubjectType): string {
  const { table, column } = matchTable(type);
  return `DELETE FROM ${table} m USING unnest($1::uuid[], $2::uuid[]) AS p(s, o)
           WHERE m.${column} = p.s AND m.offering_id = p.o`;
}

/**
 * Sets stored: the deltas they consumed go, the state records the revision and the size of each, and a failure
 * recorded for a subject is over. Answers the subjects that were failed until now (read before the update, in
 * the same statement), to be logged and counted once as recovered.
 */
export const CLEAR_DELTAS_OF_SQL = `DELETE FROM match_delta WHERE subject_type = $1 AND subject_id = ANY($2::uuid[])`;
export const STORED_SQL = `WITH was_failed AS (
    SELECT subject_id, failure_code FROM match_state
     WHERE subject_type = $1 AND subject_id = ANY($2::uuid[]) AND failed_at IS NOT NULL),
  stored AS (
    UPDATE match_state ms
       SET computed_revision = u.revision, computed_at = now(), match_count = u.matches,
           failed_revision = NULL, failure_code = NULL, failure_detail = NULL, failed_at = NULL
      FROM unnest($2::uuid[], $3::int[], $4::int[]) AS u(id, revision, matches)
     WHERE ms.subject_type = $1 AND ms.subject_id = u.id)
  SELECT subject_id, failure_code FROM was_failed`;

/**
 * Subjects whose scoring failed for these revisions: the stored set (if any) and the deltas stay, the state
 * records the failed revision, why, and since when (kept from the first failure of a run of them). Answers the
 * subjects that were not failed before, to be logged and counted once.
 */
export const FAILED_SQL = `WITH was AS (
    SELECT subject_id, failed_at FROM match_state WHERE subject_type = $1 AND subject_id = ANY($2::uuid[])),
  failed AS (
    UPDATE match_state ms
       SET failed_revision = GREATEST(coalesce(ms.failed_revision, 0), u.revision), failure_code = u.code,
           failure_detail = u.detail, failed_at = coalesce(ms.failed_at, now())
      FROM unnest($2::uuid[], $3::int[], $4::varchar[], $5::varchar[]) AS u(id, revision, code, detail)
     WHERE ms.subject_type = $1 AND ms.subject_id = u.id AND ms.computed_revision < u.revision
    RETURNING ms.subject_id)
  SELECT f.subject_id FROM failed f JOIN was w USING (subject_id) WHERE w.failed_at IS NULL`;

/**
 * BullMQ gave up on a subject's job (every attempt failed for a reason other than its data): its revision (or the
 * requested one, for a job that names none) is failed with `job_failed`, unless a set of that revision is stored.
 * Answers whether it was not failed before.
 */
export const GIVEN_UP_SQL = `WITH was AS (
    SELECT failed_at FROM match_state WHERE subject_type = $1 AND subject_id = $2),
  failed AS (
    UPDATE match_state ms
       SET failed_revision = GREATEST(coalesce(ms.failed_revision, 0), coalesce($3::int, ms.requested_revision)),
           failure_code = 'job_failed', failure_detail = $4, failed_at = coalesce(ms.failed_at, now())
     WHERE ms.subject_type = $1 AND ms.subject_id = $2
       AND ms.computed_revision < coalesce($3::int, ms.requested_revision)
    RETURNING ms.subject_id)
  SELECT (SELECT failed_at IS NULL FROM was) AS newly FROM failed`;

/**
 * Whether a subject's requested revision is stored already (a job whose set a batch or patch mate wrote), or
 * failed already (a re-delivered job: it would fail the same way): checked before the job opens its transaction,
 * which would otherwise take locks and write its claim for nothing. A later request raises the revision and has
 * its own job, so an answer that is stale by then is harmless.
 */
export const ALREADY_STORED_SQL = `SELECT 1 FROM match_state
  WHERE subject_type = $1 AND subject_id = $2
    AND (computed_revision >= requested_revision OR coalesce(failed_revision, 0) >= requested_revision)`;
