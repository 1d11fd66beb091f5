import type { BlockFacts } from '@app/common/glossary';

/**
 * SQL shared by the CSV (through a cursor) and the PDF/JSON renderers, so every format shows the same rows.
 * The date of a contribution is its invoice date (purchase), start date (placement) or, for an activity, the
 * day it was recorded.
 */
const CONTRIBUTION_DATE = `COALESCE(c.body->>'invoiceDate', c.body->>'startDate',
  to_char(c.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD'))`;

const IN_PERIOD = (from: string, to: string) =>
  `(${CONTRIBUTION_DATE})::date BETWEEN COALESCE(${from}::date, '-infinity'::date) AND COALESCE(${to}::date, 'infinity'::date)`;

/** $1 obligation id, $2 period start or null, $3 period end or null. */
export const CONTRIBUTION_ROWS_SQL = `
SELECT c.id, c.obligation_id, o.tender_id, ${CONTRIBUTION_DATE} AS date, c.category::text AS category,
       c.status::text AS status, COALESCE(c.body->>'description', '') AS description,
       COALESCE(s.name, '') AS supplier_name, COALESCE(c.body->>'invoiceNumber', '') AS invoice_number,
       COALESCE(c.body->>'targetGroup', '') AS target_group, COALESCE(c.body->>'blockCode', '') AS block_code,
       c.body->>'hoursPerWeek' AS hours_per_week, c.body->>'endDate' AS end_date,
       c.claimed_value_cents, c.verified_value_cents, c.created_at, blk.block
  FROM contribution c
  JOIN obligation o ON o.id = c.obligation_id
  LEFT JOIN organisation s ON s.id = c.supplier_organisation_id
  LEFT JOIN contract ct ON ct.id = o.contract_id
  LEFT JOIN LATERAL (
    SELECT b AS block
      FROM jsonb_array_elements(CASE jsonb_typeof(ct.policy_snapshot->'blocks')
                                  WHEN 'array' THEN ct.policy_snapshot->'blocks' ELSE '[]'::jsonb END) b
     WHERE b->>'code' = COALESCE(c.body->>'blockCode',
             (SELECT l->'params'->>'block' FROM jsonb_array_elements(
                CASE jsonb_typeof(c.breakdown) WHEN 'array' THEN c.breakdown ELSE '[]'::jsonb END) l
               WHERE l->>'code' IN ('BLOCK', 'ACTIVITY') LIMIT 1))
     LIMIT 1) blk ON true
 WHERE c.obligation_id = $1 AND ${IN_PERIOD('$2', '$3')}
 ORDER BY 4, c.created_at, c.id`;

export interface ContributionRow {
  id: string;
  obligation_id: string;
  tender_id: string;
  date: string;
  category: string;
  status: string;
  description: string;
  supplier_name: string;
  invoice_number: string;
  target_group: string;
  block_code: string;
  hours_per_week: string | null;
  end_date: string | null;
  claimed_value_cents: string;
  verified_value_cents: string | null;
  created_at: Date;
  /**
   * The policy block the contribution counts under (the one it names, else the one its valuation chose), from the
   * contract's frozen policy: a report names it by its facts (`blockName`), not by the officer's code.
   */
  block?: BlockFacts | null;
}

/** $1 buyer organisation id, $2 period start or null, $3 period end or null. One row per obligation. */
export const BUYER_OBLIGATION_ROWS_SQL = `
SELECT o.id, o.tender_id, t.title AS tender_title, k.name AS contractor_name, o.amount_cents,
       o.due_date::text AS due_date, o.waived_at IS NOT NULL AS waived, ct.start_date::text AS start_date,
       ct.end_date::text AS end_date,
       (ct.policy_snapshot->>'penaltyPercentage')::numeric AS penalty_percentage,
       a.live_count, a.claimed, a.verified, a.period_claimed, a.period_verified, o.created_at
  FROM obligation o
  JOIN contract ct ON ct.id = o.contract_id
  JOIN tender t ON t.id = o.tender_id
  JOIN organisation k ON k.id = o.contractor_organisation_id
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE c.status <> 'rejected') AS live_count,
           COALESCE(sum(c.claimed_value_cents) FILTER (WHERE c.status <> 'rejected'), 0) AS claimed,
           COALESCE(sum(c.verified_value_cents) FILTER (WHERE c.status = 'verified'), 0) AS verified,
           COALESCE(sum(c.claimed_value_cents) FILTER (WHERE c.status <> 'rejected' AND ${IN_PERIOD('$2', '$3')}), 0)
             AS period_claimed,
           COALESCE(sum(c.verified_value_cents) FILTER (WHERE c.status = 'verified' AND ${IN_PERIOD('$2', '$3')}), 0)
             AS period_verified
      FROM contribution c WHERE c.obligation_id = o.id) a ON true
 WHERE o.buyer_organisation_id = $1
 ORDER BY o.created_at, o.id`;

export interface BuyerObligationRow {
  id: string;
  tender_id: string;
  tender_title: string;
  contractor_name: string;
  amount_cents: string;
  due_date: string;
  waived: boolean;
  start_date: string;
  end_date: string;
  penalty_percentage: string | null;
  live_count: string;
  claimed: string;
  verified: string;
  period_claimed: string;
  period_verified: string;
  created_at: Date;
}

/** $1 buyer, $2/$3 period: purchases per social enterprise (invoice amounts and their valued credit). */
export const SPEND_PER_SE_SQL = `
SELECT s.id, s.name, count(*)::int AS count, sum((c.body->>'amountCents')::bigint) AS spent_cents,
       sum(c.claimed_value_cents) AS claimed_cents,
       COALESCE(sum(c.verified_value_cents) FILTER (WHERE c.status = 'verified'), 0) AS verified_cents
  FROM contribution c
  JOIN obligation o ON o.id = c.obligation_id
  JOIN organisation s ON s.id = c.supplier_organisation_id
 WHERE o.buyer_organisation_id = $1 AND c.category = 'social_purchase' AND c.status <> 'rejected'
   AND ${IN_PERIOD('$2', '$3')}
 GROUP BY s.id, s.name
 ORDER BY spent_cents DESC, s.name, s.id`;

/** $1 buyer, $2/$3 period: placements per target group. */
export const PER_TARGET_GROUP_SQL = `
SELECT c.body->>'targetGroup' AS target_group, count(*)::int AS count,
       sum(c.claimed_value_cents) AS claimed_cents,
       COALESCE(sum(c.verified_value_cents) FILTER (WHERE c.status = 'verified'), 0) AS verified_cents
  FROM contribution c
  JOIN obligation o ON o.id = c.obligation_id
 WHERE o.buyer_organisation_id = $1 AND c.category IN ('employment', 'training') AND c.status <> 'rejected'
   AND ${IN_PERIOD('$2', '$3')}
 GROUP BY 1
 ORDER BY claimed_cents DESC, 1`;

/** $1 buyer, $2/$3 period: claimed and verified per route over all the buyer's obligations. */
export const BUYER_ROUTES_SQL = `
SELECT c.category::text AS category, count(*) FILTER (WHERE c.status <> 'rejected')::int AS count,
       COALESCE(sum(c.claimed_value_cents) FILTER (WHERE c.status <> 'rejected'), 0) AS claimed_cents,
       COALESCE(sum(c.verified_value_cents) FILTER (WHERE c.status = 'verified'), 0) AS verified_cents
  FROM contribution c
  JOIN obligation o ON o.id = c.obligation_id
 WHERE o.buyer_organisation_id = $1 AND ${IN_PERIOD('$2', '$3')}
 GROUP BY 1`;
