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

export function candidatesSql(f: CandidateFilter): MatchSqlQuery {
  const distance = `CASE WHEN $2::float8 IS NULL OR o.lat IS NULL THEN NULL ELSE earth_distance(ll_to_earth($2::float8, $3::float8), ll_to_earth(o.lat, o.lon)) / 1000.0 END`;
  // The offerings first (index on cpv_ancestors, capped), then their enterprises by key: joining whole tables
  // before the cap would read every enterprise on a large directory. Each tender word is one tsquery, built
  // once: a prefix of an unstemmed word or the same Dutch or English stem, as the directory search matches.
  return {
    text: `WITH terms AS MATERIALIZED (
             SELECT t, ord, to_tsquery('simple', t || ':*') || plainto_tsquery('dutch', t)
                            || plainto_tsquery('english', t) AS q
               FROM unnest($4::text[]) WITH ORDINALITY AS u(t, ord)),
           c AS MATERIALIZED (
             SELECT o.id, o.organisation_id, o.cpv_codes, o.labour_share::float8 AS labour_share,
                    o.capacity_cents_per_month, o.delivery_radius_km, o.search_doc, ${distance} AS distance_km
               FROM offering o
              WHERE NOT o.hidden
                AND o.cpv_ancestors && $1::text[]
                AND (o.delivery_radius_km IS NULL OR o.lat IS NULL OR $2::float8 IS NULL
                     OR earth_distance(ll_to_earth($2::float8, $3::float8), ll_to_earth(o.lat, o.lon))
                        <= o.delivery_radius_km * 1000.0)
              ORDER BY distance_km ASC NULLS LAST, o.id
              LIMIT $5)
         SELECT c.id, c.organisation_id, c.cpv_codes, c.labour_share, c.capacity_cents_per_month,
                c.delivery_radius_km, c.distance_km,
                ARRAY(SELECT t FROM terms WHERE c.search_doc @@ terms.q ORDER BY ord) AS matched_terms,
                p.target_groups, spa.municipality, spa.province
           FROM c
           JOIN organisation org ON org.id = c.organisation_id
           LEFT JOIN social_enterprise_profile p ON p.organisation_id = c.organisation_id
           LEFT JOIN postcode_area spa ON spa.pc4 = left(org.postcode, 4)
          ORDER BY c.distance_km ASC NULLS LAST, c.id`,
    values: [f.divisions, f.point?.lat ?? null, f.point?.lon ?? null, f.terms, MATCH_CANDIDATE_CAP],
  };
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
 * The subjects a set of offerings can affect: their current match rows (the old state) and the open
 * obligations and active tenders they would now be candidates for (the new state), by CPV division and
 * distance.
 */
export function affectedByOfferingsSql(type: MatchSubjectType): string {
  if (type === 'obligation') {
    return `SELECT obligation_id AS id FROM obligation_match WHERE offering_id = ANY($1::uuid[])
      UNION
      SELECT ob.id FROM offering o
        JOIN obligation ob ON ob.waived_at IS NULL
        JOIN tender t ON t.id = ob.tender_id
        LEFT JOIN postcode_area pa ON pa.pc4 = left(t.delivery_postcode, 4)
       WHERE o.id = ANY($1::uuid[]) AND NOT o.hidden AND ${SHARES_DIVISION('o', 't')} AND ${NEAR('o', 'pa')}`;
  }
  return `SELECT tender_id AS id FROM tender_match WHERE offering_id = ANY($1::uuid[])
    UNION
    SELECT t.id FROM offering o
      JOIN tender t ON t.status = 'active'
      LEFT JOIN postcode_area pa ON pa.pc4 = left(t.delivery_postcode, 4)
     WHERE o.id = ANY($1::uuid[]) AND NOT o.hidden AND ${SHARES_DIVISION('o', 't')} AND ${NEAR('o', 'pa')}`;
}

/** Subjects whose stored set lists one of these enterprises (a certificate or profile change). */
export function affectedByEnterprisesSql(type: MatchSubjectType): string {
  return type === 'obligation'
    ? `SELECT DISTINCT obligation_id AS id FROM obligation_match WHERE social_enterprise_id = ANY($1::uuid[])`
    : `SELECT DISTINCT tender_id AS id FROM tender_match WHERE social_enterprise_id = ANY($1::uuid[])`;
}

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

/** A job claims the newest requested revision when it starts; later changes then raise a new one. */
export const CLAIM_REVISION_SQL = `INSERT INTO match_state (subject_type, subject_id, requested_revision, started_revision)
  VALUES ($1, $2, 1, 1)
  ON CONFLICT (subject_type, subject_id) DO UPDATE
    SET requested_revision = GREATEST(match_state.requested_revision, 1),
        started_revision = GREATEST(match_state.requested_revision, 1)
  RETURNING started_revision`;
