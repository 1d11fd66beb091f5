import { todayInNl } from '@app/common';
import type { MatchSubjectType } from '@app/database';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { computeObligation } from '../sroi/obligation';
import type {
  CertificationFact,
  CertificationStatus,
  CertificationType,
  PsoLevel,
  SroiPolicyBody,
  TargetGroup,
} from '../sroi/policy.types';
import { MatchingTriggers } from './matching-triggers.service';
import {
  type CandidateFilter,
  type CandidateRow,
  candidatesSql,
  CERTIFICATIONS_SQL,
  CLAIM_REVISION_SQL,
  divisionCode,
  QUOTE_REQUEST_TABLE_SQL,
  QUOTE_REQUESTS_SQL,
} from './matching.sql';
import { tenderTerms } from './match-text';
import {
  compareMatches,
  type MatchCandidate,
  type MatchScore,
  type MatchSubject,
  scoreMatch,
} from './score-match';

/** A subject as loaded for scoring: what the pure scorer needs and what candidate generation filters on. */
export interface LoadedSubject {
  type: MatchSubjectType;
  id: string;
  subject: MatchSubject;
  filter: CandidateFilter;
  /** Lower-cased region of the policy's purchase rule, if it names one. */
  region: string | null;
}

export interface ScoredMatch extends MatchScore {
  offeringId: string;
  socialEnterpriseId: string;
  distanceKm: number | null;
}

const BATCH = 500;

/**
 * Scores match sets on the worker: loads the subject, generates candidates in SQL, scores them with the pure
 * scorer and stores the whole set for one revision in one transaction. Safe to run twice for the same revision
 * (a crash and a re-delivery): the second run replaces the first set with the same rows.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly triggers: MatchingTriggers,
  ) {}

  scoreObligation(obligationId: string): Promise<{ revision: number; matches: number } | null> {
    return this.scoreSubject('obligation', obligationId);
  }

  scoreTender(tenderId: string): Promise<{ revision: number; matches: number } | null> {
    return this.scoreSubject('tender', tenderId);
  }

  private async scoreSubject(
    type: MatchSubjectType,
    id: string,
  ): Promise<{ revision: number; matches: number } | null> {
    const [{ started_revision: revision }] = await this.ds.query(CLAIM_REVISION_SQL, [type, id]);
    const today = todayInNl();
    const loaded =
      type === 'obligation' ? await this.obligationSubject(id, today) : await this.tenderSubject(id, today);
    const scored = loaded ? this.score(loaded, await this.candidates(this.ds.manager, loaded)) : [];
    if (!loaded) this.logger.log({ type, id }, 'match subject gone or no longer open; its set is emptied');
    const written = await this.write(type, id, revision, scored);
    return written ? { revision, matches: scored.length } : null;
  }

  /** The obligation with its frozen policy and what remains of it (amount minus verified contributions). */
  async obligationSubject(
    id: string,
    today: string,
    m: EntityManager = this.ds.manager,
  ): Promise<LoadedSubject | null> {
    const [row] = await m.query(
      `SELECT ob.amount_cents::bigint::text AS amount_cents, c.start_date::text AS start_date,
              c.end_date::text AS end_date, c.policy_snapshot, t.id AS tender_id, t.title, t.description,
              pa.lat, pa.lon,
              (SELECT coalesce(sum(verified_value_cents), 0)::bigint::text FROM contribution
                WHERE obligation_id = ob.id AND status = 'verified') AS verified_cents
         FROM obligation ob
         JOIN contract c ON c.id = ob.contract_id
         JOIN tender t ON t.id = ob.tender_id
         LEFT JOIN postcode_area pa ON pa.pc4 = left(t.delivery_postcode, 4)
        WHERE ob.id = $1 AND ob.waived_at IS NULL`,
      [id],
    );
    if (!row) return null;
    const remaining = Math.max(0, Number(row.amount_cents) - Number(row.verified_cents));
    return this.loaded('obligation', id, row, row.policy_snapshot as SroiPolicyBody, remaining, today, m);
  }

  /**
   * An active tender, scored for the obligation it would create at its estimated value under its policy. A tender
   * imported from open data has no SROI policy here: it is still matched (social enterprises see it among their
   * opportunities), but under no SROI condition nothing counts and no credit is projected.
   */
  async tenderSubject(
    id: string,
    today: string,
    m: EntityManager = this.ds.manager,
  ): Promise<LoadedSubject | null> {
    const [row] = await m.query(
      `SELECT t.id AS tender_id, t.title, t.description, t.main_procurement_category,
              t.estimated_value_cents::text AS estimated_value_cents, t.sroi_percentage::float8 AS sroi_percentage,
              t.labour_share::float8 AS labour_share, coalesce(t.contract_start, $2::date)::text AS start_date,
              coalesce(t.contract_end, t.contract_start, $2::date)::text AS end_date, p.body AS policy, pa.lat, pa.lon
         FROM tender t
         LEFT JOIN sroi_policy p ON p.id = t.sroi_policy_id
         LEFT JOIN postcode_area pa ON pa.pc4 = left(t.delivery_postcode, 4)
        WHERE t.id = $1 AND t.status = 'active'`,
      [id, today],
    );
    if (!row) return null;
    if (!row.policy) return this.loaded('tender', id, row, noSroiCondition(today), 0, today, m);
    const policy = row.policy as SroiPolicyBody;
    const expected = computeObligation(policy, {
      category: row.main_procurement_category,
      contractValueCents: Number(row.estimated_value_cents),
      percentageOverride: row.sroi_percentage,
      labourShare: row.labour_share,
      contractStart: row.start_date,
      contractEnd: row.end_date,
      contractorCertifications: [],
    });
    return this.loaded('tender', id, row, policy, expected.amountCents, today, m);
  }

  private async loaded(
    type: MatchSubjectType,
    id: string,
    row: {
      tender_id: string;
      title: string;
      description: string;
      start_date: string;
      end_date: string;
      lat: number | null;
      lon: number | null;
    },
    policy: SroiPolicyBody,
    remainingCents: number,
    today: string,
    m: EntityManager,
  ): Promise<LoadedSubject> {
    const items: { cpv_code: string; description: string }[] = await m.query(
      'SELECT cpv_code, description FROM tender_item WHERE tender_id = $1 ORDER BY position',
      [row.tender_id],
    );
    const cpvCodes = items.map((i) => i.cpv_code.trim());
    const terms = tenderTerms(
      row.title,
      items.map((i) => i.description),
      row.description ?? '',
    );
    return {
      type,
      id,
      subject: {
        policy,
        contractStart: row.start_date,
        contractEnd: row.end_date,
        remainingCents,
        cpvCodes,
        termCount: terms.length,
        today,
      },
      filter: {
        divisions: [...new Set(cpvCodes.map(divisionCode))],
        point: row.lat != null && row.lon != null ? { lat: Number(row.lat), lon: Number(row.lon) } : null,
        terms,
      },
      region: policy.purchaseRule.region?.trim().toLowerCase() || null,
    };
  }

  /** Candidate offerings with their enterprises' certificates, target groups and quote-request record. */
  async candidates(m: EntityManager, s: LoadedSubject): Promise<MatchCandidate[]> {
    if (!s.filter.divisions.length) return [];
    const q = candidatesSql(s.filter);
    const rows: CandidateRow[] = await m.query(q.text, q.values);
    if (!rows.length) return [];
    const orgs = [...new Set(rows.map((r) => r.organisation_id))];
    const certs = new Map<string, CertificationFact[]>();
    for (const c of await m.query(CERTIFICATIONS_SQL, [orgs])) {
      const list = certs.get(c.organisation_id) ?? [];
      list.push({
        type: c.type as CertificationType,
        level: (c.level as PsoLevel | null) ?? null,
        validFrom: c.valid_from,
        validUntil: c.valid_until,
        status: c.status as CertificationStatus,
      });
      certs.set(c.organisation_id, list);
    }
    const requests = new Map<string, { total: number; answered: number }>();
    const [{ present }] = await m.query(QUOTE_REQUEST_TABLE_SQL);
    if (present) {
      for (const r of await m.query(QUOTE_REQUESTS_SQL, [orgs])) {
        requests.set(r.social_enterprise_id, { total: r.total, answered: r.answered });
      }
    }
    return rows.map((r) => ({
      offeringId: r.id,
      socialEnterpriseId: r.organisation_id,
      cpvCodes: r.cpv_codes,
      labourShare: r.labour_share,
      capacityCentsPerMonth: r.capacity_cents_per_month == null ? null : Number(r.capacity_cents_per_month),
      deliveryRadiusKm: r.delivery_radius_km,
      distanceKm: r.distance_km,
      matchedTerms: r.matched_terms ?? [],
      certifications: certs.get(r.organisation_id) ?? [],
      inRegion:
        s.region == null
          ? undefined
          : [r.municipality, r.province].some((n) => n?.toLowerCase() === s.region),
      targetGroups: (r.target_groups ?? []) as TargetGroup[],
      quoteRequests: requests.get(r.organisation_id) ?? { total: 0, answered: 0 },
    }));
  }

  /** Pure: the same function the benchmark's loop calls. */
  score(s: LoadedSubject, candidates: MatchCandidate[]): ScoredMatch[] {
    return candidates
      .map((c) => ({
        ...scoreMatch(s.subject, c),
        offeringId: c.offeringId,
        socialEnterpriseId: c.socialEnterpriseId,
        distanceKm: c.distanceKm == null ? null : Math.round(c.distanceKm * 1000) / 1000,
      }))
      .sort(compareMatches);
  }

  /** Replaces the stored set unless a newer revision is already stored. */
  private async write(
    type: MatchSubjectType,
    id: string,
    revision: number,
    rows: ScoredMatch[],
  ): Promise<boolean> {
    const table = type === 'obligation' ? 'obligation_match' : 'tender_match';
    const column = type === 'obligation' ? 'obligation_id' : 'tender_id';
    return this.ds.transaction(async (m) => {
      const [state] = await m.query(
        'SELECT computed_revision FROM match_state WHERE subject_type = $1 AND subject_id = $2 FOR UPDATE',
        [type, id],
      );
      if (state && state.computed_revision > revision) return false;
      await m.query(`DELETE FROM ${table} WHERE ${column} = $1`, [id]);
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH).map((r) => ({
          offering_id: r.offeringId,
          social_enterprise_id: r.socialEnterpriseId,
          score: r.score,
          counts: r.counts,
          projected_credit_cents: r.projectedCreditCents,
          spend_to_fill_cents: r.spendToFillCents,
          distance_km: r.distanceKm,
          reasons: r.reasons,
        }));
        await m.query(
          `INSERT INTO ${table} (${column}, offering_id, social_enterprise_id, score, counts, projected_credit_cents,
                                 spend_to_fill_cents, distance_km, reasons, revision, computed_at)
           SELECT $1, r.offering_id, r.social_enterprise_id, r.score, r.counts, r.projected_credit_cents,
                  r.spend_to_fill_cents, r.distance_km, r.reasons, $2, now()
             FROM jsonb_to_recordset($3::jsonb) AS r(offering_id uuid, social_enterprise_id uuid, score float8,
                  counts boolean, projected_credit_cents bigint, spend_to_fill_cents bigint, distance_km float8,
                  reasons jsonb)`,
          [id, revision, JSON.stringify(batch)],
        );
      }
      await m.query(
        `UPDATE match_state SET computed_revision = GREATEST(computed_revision, $3), computed_at = now()
          WHERE subject_type = $1 AND subject_id = $2`,
        [type, id, revision],
      );
      return true;
    });
  }

  /** Nightly: every open obligation and active tender, in chunks of one transaction each. */
  async rescoreAll(): Promise<{ obligations: number; tenders: number }> {
    const obligations: { id: string }[] = await this.ds.query(
      'SELECT id FROM obligation WHERE waived_at IS NULL ORDER BY id',
    );
    const tenders: { id: string }[] = await this.ds.query(
      "SELECT id FROM tender WHERE status = 'active' ORDER BY id",
    );
    for (const [type, list] of [
      ['obligation', obligations],
      ['tender', tenders],
    ] as const) {
      for (let i = 0; i < list.length; i += BATCH) {
        await this.ds.transaction((m) =>
          this.triggers.request(
            m,
            type,
            list.slice(i, i + BATCH).map((r) => r.id),
          ),
        );
      }
    }
    return { obligations: obligations.length, tenders: tenders.length };
  }

  /**
   * Daily: enterprises whose certificate ended in the last days or starts today. A few days back, so a
   * missed night (worker down) is caught up; a repeat is harmless.
   */
  async certificateDates(today: string = todayInNl()): Promise<{ organisations: number }> {
    const rows: { organisation_id: string }[] = await this.ds.query(
      `SELECT DISTINCT organisation_id FROM certification
        WHERE (valid_until BETWEEN $1::date - 3 AND $1::date - 1) OR (valid_from BETWEEN $1::date - 2 AND $1::date)`,
      [today],
    );
    const ids = rows.map((r) => r.organisation_id);
    if (ids.length) await this.ds.transaction((m) => this.triggers.enterprisesChanged(m, ids));
    return { organisations: ids.length };
  }
}

/**
 * The absence of an SROI condition, as a policy the scorer can read: no covered category, no blocks, no accepted
 * certificate. Not a rule of any buyer: every purchase evaluates to "does not count" and no credit is projected.
 */
function noSroiCondition(today: string): SroiPolicyBody {
  return {
    name: 'No SROI condition (imported tender)',
    version: '-',
    validFrom: today,
    categories: [],
    thresholdCents: 0,
    defaultPercentage: 0,
    goodsMinLabourShare: null,
    minCents: null,
    capCents: null,
    fullTimeHoursPerWeek: 36,
    psoDiscounts: [],
    blocks: [],
    bonuses: [],
    purchaseRule: { eligibleCertifications: [], minPsoLevel: null, mode: 'full_invoice', factor: null },
  };
}
