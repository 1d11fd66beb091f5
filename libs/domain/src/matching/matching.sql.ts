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
  cpv_codes: string[];
  labour_share: number | null;
  capacity_cents_per_month: string | null;
  delivery_radius_km: number | null;
  distance_km: number | null;
  matched_terms: string[];
  target_groups: string[] | null;
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

/**
 * Candidates of one subject: visible offerings in one of its CPV divisions whose delivery radius reaches its
 * point, nearest first and capped; or, with `offeringIds`, exactly those of the given offerings that are
 * candidates now (the same conditions and the same distance, uncapped: an incremental re-score).
 */
export function candidatesSql(
  f: CandidateFilter,
  offeringIds?: string[],
  cap: number = MATCH_CANDIDATE_CAP,
): MatchSqlQuery {
  // The distance is computed once per offering of the division (the subquery is kept apart by OFFSET 0), then
  // filtered and sorted on; only the capped rows are joined to their text, enterprise and area, by key. Each
  // tender word is one tsquery, built once: a prefix of an unstemmed word or the same Dutch or English stem, as
  // the directory search matches; each is matched against the offering's document decompressed once and
  // stripped of positions and weights (which no query here uses).
  return {
    text: `WITH ${pointCte('$2::float8', '$3::float8')},
           terms AS MATERIALIZED (
             SELECT t, ord, to_tsquery('simple', t || ':*') || plainto_tsquery('dutch', t)
                            || plainto_tsquery('english', t) AS q
               FROM unnest($4::text[]) WITH ORDINALITY AS u(t, ord)),
           d AS (
             SELECT id, lat, delivery_radius_km, ${secToGcSql('ch')} AS m
               FROM (SELECT o.id, o.lat, o.delivery_radius_km, ${chordSql('o')} AS ch
                       FROM offering o CROSS JOIN pt
                      WHERE NOT o.hidden AND o.cpv_ancestors && $1::text[]
                        ${offeringIds ? 'AND o.id = ANY($6::uuid[])' : ''}
                     OFFSET 0) AS chord
             OFFSET 0),
           c AS MATERIALIZED (
             SELECT d.id, CASE WHEN $2::float8 IS NULL OR d.lat IS NULL THEN NULL ELSE d.m / 1000.0 END AS distance_km
               FROM d
              WHERE d.delivery_radius_km IS NULL OR d.lat IS NULL OR $2::float8 IS NULL
                 OR d.m <= d.delivery_radius_km * 1000.0
              ORDER BY distance_km ASC NULLS LAST, d.id
              LIMIT $5)
         SELECT r.id, r.organisation_id, r.cpv_codes, r.labour_share, r.capacity_cents_per_month,
                r.delivery_radius_km, r.distance_km,
                ARRAY(SELECT t FROM terms WHERE r.doc @@ terms.q ORDER BY ord) AS matched_terms,
                r.target_groups, spa.municipality, spa.province
           FROM (SELECT c.id, c.distance_km, o.organisation_id, o.cpv_codes, o.labour_share::float8 AS labour_share,
                        o.capacity_cents_per_month, o.delivery_radius_km, strip(o.search_doc) AS doc,
                        (SELECT p.target_groups FROM social_enterprise_profile p
                          WHERE p.organisation_id = o.organisation_id) AS target_groups,
                        (SELECT left(org.postcode, 4) FROM organisation org WHERE org.id = o.organisation_id) AS pc4
                   FROM c JOIN offering o ON o.id = c.id
                 OFFSET 0) AS r
           LEFT JOIN postcode_area spa ON spa.pc4 = r.pc4
          ORDER BY r.distance_km ASC NULLS LAST, r.id`,
    values: [
      f.divisions,
      f.point?.lat ?? null,
      f.point?.lon ?? null,
      f.terms,
      offeringIds ? null : cap,
      ...(offeringIds ? [offeringIds] : []),
    ],
  };
}

/** Obligations scored together at most: one read of their divisions' offerings serves them all. */
export const MATCH_BATCH = 16;

/**
 * The candidates of several subjects in one statement, exactly as `candidatesSql` finds each (the same
 * conditions, distance, order and cap): the offerings of all their divisions are read once, their points
 * computed once, and each subject takes its nearest from that set. Rows carry the subject's index `i`.
 */
export function batchCandidatesSql(
  filters: CandidateFilter[],
  cap: number = MATCH_CANDIDATE_CAP,
): MatchSqlQuery {
  const terms = filters.flatMap((f, i) => f.terms.map((t, k) => ({ i, t, ord: k + 1 })));
  return {
    text: `WITH s AS MATERIALIZED (
             SELECT i, lat AS plat, string_to_array(divs, ',') AS divs,
                    ${earthX('lat', 'lon')} AS x, ${earthY('lat', 'lon')} AS y, ${earthZ('lat')} AS z
               FROM unnest($1::int[], $2::float8[], $3::float8[], $4::text[]) AS u(i, lat, lon, divs)),
           terms AS MATERIALIZED (
             SELECT i, array_agg(t ORDER BY ord) AS ts,
                    array_agg(to_tsquery('simple', t || ':*') || plainto_tsquery('dutch', t)
                              || plainto_tsquery('english', t) ORDER BY ord) AS qs
               FROM unnest($5::int[], $6::text[], $7::int[]) AS u(i, t, ord)
              GROUP BY i),
           o AS MATERIALIZED (
             SELECT o.id, o.lat, o.delivery_radius_km, o.cpv_ancestors,
                    ${earthX('o.lat', 'o.lon')} AS x, ${earthY('o.lat', 'o.lon')} AS y, ${earthZ('o.lat')} AS z
               FROM offering o
              WHERE NOT o.hidden AND o.cpv_ancestors && $8::text[]),
           c AS MATERIALIZED (
             SELECT s.i, k.id, k.distance_km
               FROM s CROSS JOIN LATERAL (
                 SELECT id, CASE WHEN s.plat IS NULL OR lat IS NULL THEN NULL ELSE m / 1000.0 END AS distance_km
                   FROM (SELECT id, lat, delivery_radius_km, ${secToGcSql('ch')} AS m
                           FROM (SELECT o.id, o.lat, o.delivery_radius_km,
                                        sqrt((o.x - s.x) * (o.x - s.x) + (o.y - s.y) * (o.y - s.y)
                                             + (o.z - s.z) * (o.z - s.z)) AS ch
                                   FROM o WHERE o.cpv_ancestors && s.divs
                                 OFFSET 0) AS chord
                         OFFSET 0) AS d
                  WHERE delivery_radius_km IS NULL OR lat IS NULL OR s.plat IS NULL
                     OR m <= delivery_radius_km * 1000.0
                  ORDER BY distance_km ASC NULLS LAST, id
                  LIMIT $9) AS k)
         SELECT r.i, r.id, r.organisation_id, r.cpv_codes, r.labour_share, r.capacity_cents_per_month,
                r.delivery_radius_km, r.distance_km,
                ARRAY(SELECT u.t FROM unnest(terms.ts, terms.qs) WITH ORDINALITY AS u(t, q, ord)
                       WHERE r.doc @@ u.q ORDER BY u.ord) AS matched_terms,
                r.target_groups, spa.municipality, spa.province
           FROM (SELECT c.i, c.id, c.distance_km, o.organisation_id, o.cpv_codes,
                        o.labour_share::float8 AS labour_share, o.capacity_cents_per_month, o.delivery_radius_km,
                        strip(o.search_doc) AS doc,
                        (SELECT p.target_groups FROM social_enterprise_profile p
                          WHERE p.organisation_id = o.organisation_id) AS target_groups,
                        (SELECT left(org.postcode, 4) FROM organisation org WHERE org.id = o.organisation_id) AS pc4
                   FROM c JOIN offering o ON o.id = c.id
                 OFFSET 0) AS r
           LEFT JOIN postcode_area spa ON spa.pc4 = r.pc4
           LEFT JOIN terms ON terms.i = r.i
          ORDER BY r.i, r.distance_km ASC NULLS LAST, r.id`,
    values: [
      filters.map((_, i) => i),
      filters.map((f) => f.point?.lat ?? null),
      filters.map((f) => f.point?.lon ?? null),
      filters.map((f) => f.divisions.join(',')),
      terms.map((t) => t.i),
      terms.map((t) => t.t),
      terms.map((t) => t.ord),
      [...new Set(filters.flatMap((f) => f.divisions))],
      cap,
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
     AND EXISTS (SELECT 1 FROM match_delta d WHERE d.subject_type = 'obligation' AND d.subject_id = ms.subject_id
                   AND d.offering_id = $4)
     AND EXISTS (SELECT 1 FROM tender_item i WHERE i.tender_id = ob.tender_id
                   AND (left(i.cpv_code, 2) || '000000') = ANY($2::text[]))
   ORDER BY ms.subject_id
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
 */
export function storedKeysSql(type: MatchSubjectType): string {
  const { table, column } = matchTable(type);
  return `WITH ${pointCte('$2::float8', '$3::float8')}
    SELECT id, CASE WHEN $2::float8 IS NULL OR lat IS NULL THEN NULL ELSE ${secToGcSql('ch')} / 1000.0 END
             AS distance_km
      FROM (SELECT m.offering_id AS id, o.lat, ${chordSql('o')} AS ch
              FROM ${table} m
              JOIN offering o ON o.id = m.offering_id
              CROSS JOIN pt
             WHERE m.${column} = $1 AND NOT (m.offering_id = ANY($4::uuid[]))
            OFFSET 0) AS chord`;
}

/** How many rows a subject's stored set has, and which of the given offerings are among them. */
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

/** The stored pairs that list one of these enterprises (a certificate, profile or quote-request change). */
export function affectedByEnterprisesSql(type: MatchSubjectType): string {
  const { table, column } = matchTable(type);
  return `SELECT ${column} AS id, offering_id FROM ${table} WHERE social_enterprise_id = ANY($1::uuid[])`;
}

/** The offering id of a delta row that stands for the whole set: the subject itself changed. */
export const WHOLE_SET = '00000000-0000-0000-0000-000000000000';

/** Records which pairs of each subject must be scored again; ordered so two transactions lock alike. */
export const ADD_DELTAS_SQL = `INSERT INTO match_delta (subject_type, subject_id, offering_id)
  SELECT $1, s, o FROM unnest($2::uuid[], $3::uuid[]) AS p(s, o) ORDER BY s, o
  ON CONFLICT DO NOTHING`;

export const DELTAS_SQL = `SELECT offering_id FROM match_delta WHERE subject_type = $1 AND subject_id = $2`;
export const CLEAR_DELTAS_SQL = `DELETE FROM match_delta WHERE subject_type = $1 AND subject_id = $2`;

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
  RETURNING started_revision, computed_revision,
            coalesce((computed_at AT TIME ZONE 'Europe/Amsterdam')::date = $3::date, false) AS computed_today`;
