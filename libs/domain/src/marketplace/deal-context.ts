import { EntityManager } from 'typeorm';

/** What a person needs to recognise a quote request, quote or order: who, for which tender, over which period. */
export interface DealContext {
  contractorName: string | null;
  socialEnterpriseName: string | null;
  tenderTitle: string | null;
  contractPeriod: { startDate: string; endDate: string } | null;
}

export interface DealRef {
  obligationId: string;
  contractorOrganisationId: string;
  socialEnterpriseId: string;
}

const NONE: DealContext = {
  contractorName: null,
  socialEnterpriseName: null,
  tenderTitle: null,
  contractPeriod: null,
};

/**
 * The names, tender title and contract period of many deals in one query (the deals unnested and joined), in the
 * order of `deals`.
 */
export async function dealContexts(m: EntityManager, deals: readonly DealRef[]): Promise<DealContext[]> {
  if (!deals.length) return [];
  const rows: {
    ord: string;
    contractor_name: string | null;
    social_enterprise_name: string | null;
    tender_title: string | null;
    start_date: string | null;
    end_date: string | null;
  }[] = await m.query(
    `SELECT d.ord, co.name AS contractor_name, se.name AS social_enterprise_name, t.title AS tender_title,
            c.start_date::text AS start_date, c.end_date::text AS end_date
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS d(obligation_id, contractor_id, se_id, ord)
       LEFT JOIN obligation o ON o.id = d.obligation_id
       LEFT JOIN contract c ON c.id = o.contract_id
       LEFT JOIN tender t ON t.id = o.tender_id
       LEFT JOIN organisation co ON co.id = d.contractor_id
       LEFT JOIN organisation se ON se.id = d.se_id`,
    [
      deals.map((d) => d.obligationId),
      deals.map((d) => d.contractorOrganisationId),
      deals.map((d) => d.socialEnterpriseId),
    ],
  );
  const byOrd = new Map(rows.map((r) => [Number(r.ord), r]));
  return deals.map((_, i) => {
    const r = byOrd.get(i + 1);
    if (!r) return NONE;
    return {
      contractorName: r.contractor_name,
      socialEnterpriseName: r.social_enterprise_name,
      tenderTitle: r.tender_title,
      contractPeriod: r.start_date && r.end_date ? { startDate: r.start_date, endDate: r.end_date } : null,
    };
  });
}
