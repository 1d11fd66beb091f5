/**
 * Reserved contracts (eForms `res-ws`, art. 2.82 Aanbestedingswet; `res-pub-ser`) among an enterprise's
 * opportunities: an enterprise that qualifies sees a reserved tender above an unreserved one of equal score. It
 * qualifies with a verified, current `sw_company` or `pso_30plus` certificate, or with at least 30 % of its staff
 * (FTE) in a target group. `$1` is the enterprise's organisation id.
 */
export const QUALIFIES_FOR_RESERVED_SQL = `SELECT (
     EXISTS (SELECT 1 FROM certification c
              WHERE c.organisation_id = $1 AND c.type IN ('sw_company', 'pso_30plus') AND c.status = 'verified'
                AND c.valid_from <= current_date AND (c.valid_until IS NULL OR c.valid_until >= current_date))
  OR EXISTS (SELECT 1 FROM social_enterprise_profile p
              WHERE p.organisation_id = $1 AND p.fte_total > 0 AND p.fte_target_group >= 0.3 * p.fte_total)
  ) AS qualifies`;

/** The share of target-group staff from which an enterprise qualifies for reserved contracts. */
export const RESERVED_TARGET_GROUP_SHARE = 0.3;

/**
 * The keyset of an enterprise's opportunities: (counts DESC, score DESC, first DESC, subject_id, offering_id), where
 * `first` is 1 for a reserved tender shown to an enterprise that qualifies. Parameters from `$<from>`.
 */
export function opportunityKeyset(after: unknown[] | null, from: number): { sql: string; values: unknown[] } {
  if (!after) return { sql: 'TRUE', values: [] };
  const p = (i: number): string => `$${from + i}`;
  return {
    sql:
      `(counts::int < ${p(0)} OR (counts::int = ${p(0)} AND (score < ${p(1)}::float8 OR (score = ${p(1)}::float8 AND ` +
      `(first < ${p(2)}::int OR (first = ${p(2)}::int AND (subject_id, offering_id) > (${p(3)}::uuid, ${p(4)}::uuid)))))))`,
    values: after,
  };
}
