import {
  BusinessRuleError,
  decodeCursor,
  encodeCursor,
  ForbiddenError,
  NotFoundError,
  pageLimit,
  todayInNl,
} from '@app/common';
import type {
  BackgroundJobEntity,
  TenderReservation,
  MatchReasonJson,
  MatchSubjectType,
  StoredMatchReason,
  TenderStatus,
} from '@app/database';
import { JobName, QueueName } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, isOfficerOf } from '../identity/actor';
import { canSeeObligation } from '../obligations/obligation-visibility';
import { canSeeTender } from '../tenders/tender-visibility';
import { JobsService } from '../jobs/jobs.service';
import { MatchingErrorCode } from './matching.errors';
import { MatchingTriggers } from './matching-triggers.service';
import { expandReasons } from './match-reasons';
import { failureSentences, type MatchFailureCode } from './match-failure';
import { countsFrom } from '../sroi/valuation-date';
import { labelled } from '../interop/eforms/eforms.mapping';
import { opportunityKeyset, QUALIFIES_FOR_RESERVED_SQL } from '../interop/eforms/reserved';
import { ADD_DELTAS_SQL, FORCE_REVISION_SQL, WHOLE_SET } from './matching.sql';

export interface MatchView {
  offeringId: string;
  offeringTitle: string;
  socialEnterpriseId: string;
  socialEnterpriseName: string;
  score: number;
  counts: boolean;
  projectedCreditCents: number;
  /** The contract start when it lies after today: the credit is valued for an invoice dated then. */
  countsFrom: string | null;
  spendToFillCents: number | null;
  distanceKm: number | null;
  reasons: MatchReasonJson[];
}

/** A subject that cannot be scored now: why, in words (English and Dutch), and since when it has been failing. */
export interface MatchFailureView {
  code: MatchFailureCode;
  reason: string;
  reasonNl: string;
  since: Date;
}

export interface MatchesPage {
  subjectId: string;
  revision: number;
  pending: boolean;
  computedAt: Date | null;
  /** Null unless the newest requested set could not be computed; the set below (if any) is the last good one. */
  failed: MatchFailureView | null;
  items: MatchView[];
  nextCursor: string | null;
}

export interface OpportunityView {
  kind: MatchSubjectType | 'challenge';
  obligationId: string | null;
  /** Null for a challenge. */
  tenderId: string | null;
  /** Set when kind is challenge (an open challenge of a buyer, issue 34). */
  challengeId: string | null;
  /** The tender's or the challenge's title. */
  title: string;
  tenderTitle: string;
  buyerName: string;
  offeringId: string;
  offeringTitle: string;
  score: number;
  counts: boolean;
  projectedCreditCents: number;
  /** As MatchView's. */
  countsFrom: string | null;
  reasons: MatchReasonJson[];
  /** eForms: participation reserved (`res-ws`, `res-pub-ser`); null: not reserved. */
  reserved: TenderReservation | null;
  /** eForms social objectives of the tender, with their Dutch and English labels. */
  socialObjectives: { code: string; labelNl: string; labelEn: string }[];
}

interface MatchRow {
  offering_id: string;
  offering_title: string;
  social_enterprise_id: string;
  social_enterprise_name: string;
  score: number;
  counts: boolean;
  projected_credit_cents: string;
  spend_to_fill_cents: string | null;
  distance_km: number | null;
  reasons: (StoredMatchReason | MatchReasonJson)[];
}

interface OpportunityRow {
  kind: MatchSubjectType | 'challenge';
  obligation_id: string | null;
  tender_id: string | null;
  tender_title: string;
  buyer_name: string;
  offering_id: string;
  offering_title: string;
  score: number;
  counts: boolean;
  projected_credit_cents: string;
  reasons: (StoredMatchReason | MatchReasonJson)[];
  subject_id: string;
  start_date: string | null;
  reserved: TenderReservation | null;
  social_objectives: string[] | null;
  first: number;
}

/** A subject's `match_state` as a page reads it. */
interface StateRow {
  requested_revision: number;
  computed_revision: number;
  computed_at: Date | null;
  failed_revision: number;
  failure_code: string | null;
  failed_at: Date | null;
}

interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** Best first: counting before not counting, then score, then the tie-breaking ids. */
function keyset(after: unknown[] | null, cols: string[], first: number): { sql: string; values: unknown[] } {
  if (!after) return { sql: 'TRUE', values: [] };
  // (counts DESC, score DESC, ids ASC): spelled out because the directions are mixed.
  const [counts, score, ...ids] = after;
  const p = (i: number): string => `$${first + i}`;
  const idTuple =
    ids.length === 1
      ? `${cols[0]} > ${p(2)}::uuid`
      : `(${cols[0]}, ${cols[1]}) > (${p(2)}::uuid, ${p(3)}::uuid)`;
  return {
    sql: `(counts::int < ${p(0)} OR (counts::int = ${p(0)} AND (score < ${p(1)}::float8 OR (score = ${p(1)}::float8 AND ${idTuple}))))`,
    values: [counts, score, ...ids],
  };
}

/** The API side of matching: reading stored sets (never scoring) and asking the worker for a refresh. */
@Injectable()
export class MatchesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly triggers: MatchingTriggers,
    private readonly jobs: JobsService,
  ) {}

  async obligationMatches(actor: Actor, obligationId: string, q: PageQuery): Promise<MatchesPage> {
    await this.visibleObligation(actor, obligationId);
    return this.page('obligation', obligationId, q);
  }

  async tenderMatches(actor: Actor, tenderId: string, q: PageQuery): Promise<MatchesPage> {
    const [tender] = await this.ds.query<{ buyerOrganisationId: string; status: TenderStatus }[]>(
      'SELECT buyer_organisation_id AS "buyerOrganisationId", status FROM tender WHERE id = $1',
      [tenderId],
    );
    if (!tender || !canSeeTender(actor, tender)) {
      throw new NotFoundError(MatchingErrorCode.TenderNotFound, 'Tender');
    }
    const ownOfficer = isOfficerOf(actor, tender.buyerOrganisationId);
    if (actor.role === 'procurement_officer' && !ownOfficer) {
      throw new ForbiddenError(
        MatchingErrorCode.NotOwnTender,
        "Only the tender's own officers see its matches",
      );
    }
    if (actor.role !== 'procurement_officer' && actor.role !== 'contractor') {
      throw new ForbiddenError('FORBIDDEN', 'Only contractors and the tender’s officers see its matches');
    }
    if (tender.status !== 'active') {
      throw new BusinessRuleError(
        MatchingErrorCode.TenderNotActive,
        `Matches are kept for active tenders; this one is ${tender.status}`,
      );
    }
    return this.page('tender', tenderId, q);
  }

  /** 202: a background job that re-scores the obligation; `pending` stays true until a newer set is stored. */
  async refresh(actor: Actor, obligationId: string): Promise<BackgroundJobEntity> {
    await this.visibleObligation(actor, obligationId);
    return this.ds.transaction(async (m) => {
      await m.query(FORCE_REVISION_SQL, ['obligation', obligationId]);
      await m.query(ADD_DELTAS_SQL, ['obligation', [obligationId], [WHOLE_SET]]);
      return this.jobs.enqueue(m, {
        kind: 'matching_refresh',
        queue: QueueName.Matching,
        name: JobName.RefreshMatches,
        payload: { obligationId },
        organisationId: actor.organisationId,
        userId: actor.userId,
      });
    });
  }

  async opportunities(
    actor: Actor,
    socialEnterpriseId: string,
    q: PageQuery,
  ): Promise<{ items: OpportunityView[]; nextCursor: string | null }> {
    if (actor.role !== 'social_enterprise' || actor.organisationId !== socialEnterpriseId) {
      throw new ForbiddenError(
        MatchingErrorCode.NotOwnSocialEnterprise,
        'Only the social enterprise itself sees its opportunities',
      );
    }
    const limit = pageLimit(q.limit);
    const after = decodeCursor(q.cursor, ['number', 'number', 'number', 'uuid', 'uuid']);
    // A reserved tender ranks above an unreserved one of equal score for an enterprise that qualifies (eForms).
    const [{ qualifies }] = await this.ds.query<{ qualifies: boolean }[]>(QUALIFIES_FOR_RESERVED_SQL, [
      socialEnterpriseId,
    ]);
    const ks = opportunityKeyset(after, 4);
    const rows: OpportunityRow[] = await this.ds.query(
      `SELECT * FROM (SELECT y.*, CASE WHEN $3::bool AND y.reserved IS NOT NULL THEN 1 ELSE 0 END AS first FROM (
         SELECT 'obligation' AS kind, m.obligation_id, ob.tender_id, t.title AS tender_title,
                coalesce(b.name, '') AS buyer_name, m.offering_id, o.title AS offering_title, m.score, m.counts,
                m.projected_credit_cents::text AS projected_credit_cents, m.reasons, m.obligation_id AS subject_id,
                (SELECT c.start_date::text FROM contract c WHERE c.id = ob.contract_id) AS start_date,
                t.reserved, t.social_objectives
           FROM obligation_match m
           JOIN obligation ob ON ob.id = m.obligation_id AND ob.waived_at IS NULL
           JOIN tender t ON t.id = ob.tender_id
           LEFT JOIN organisation b ON b.id = t.buyer_organisation_id
           JOIN offering o ON o.id = m.offering_id AND NOT o.hidden
          WHERE m.offering_id = ANY(ARRAY(SELECT id FROM offering WHERE organisation_id = $1))
            AND m.social_enterprise_id = $1
         UNION ALL
         SELECT 'tender', NULL, m.tender_id, t.title, coalesce(b.name, ''), m.offering_id, o.title, m.score,
                m.counts, m.projected_credit_cents::text, m.reasons, m.tender_id, t.contract_start::text, t.reserved,
                t.social_objectives
           FROM tender_match m
           JOIN tender t ON t.id = m.tender_id AND t.status = 'active'
           LEFT JOIN organisation b ON b.id = t.buyer_organisation_id
           JOIN offering o ON o.id = m.offering_id AND NOT o.hidden
          WHERE m.social_enterprise_id = $1
         UNION ALL
         -- Open challenges (scored by the challenges worker when published): no SROI credit, so never counting.
         SELECT 'challenge', NULL, NULL, ch.title, coalesce(b.name, ''), m.offering_id, o.title, m.score,
                false, '0', m.reasons::json, m.challenge_id, NULL, NULL::varchar, NULL::text[]
           FROM challenge_match m
           JOIN challenge ch ON ch.id = m.challenge_id AND ch.status = 'open' AND ch.closes_at > now()
           LEFT JOIN organisation b ON b.id = ch.buyer_organisation_id
           JOIN offering o ON o.id = m.offering_id AND NOT o.hidden
          WHERE m.social_enterprise_id = $1
       ) y) x
       WHERE ${ks.sql}
       ORDER BY counts DESC, score DESC, first DESC, subject_id, offering_id
       LIMIT $2`,
      [socialEnterpriseId, limit + 1, qualifies, ...ks.values],
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const today = todayInNl();
    return {
      items: items.map((r) => ({
        kind: r.kind,
        obligationId: r.obligation_id,
        tenderId: r.tender_id,
        challengeId: r.kind === 'challenge' ? r.subject_id : null,
        title: r.tender_title,
        tenderTitle: r.tender_title,
        buyerName: r.buyer_name,
        offeringId: r.offering_id,
        offeringTitle: r.offering_title,
        score: r.score,
        counts: r.counts,
        projectedCreditCents: Number(r.projected_credit_cents),
        countsFrom: r.start_date ? countsFrom(r.start_date, today) : null,
        reasons: expandReasons(r.reasons),
        reserved: r.reserved ?? null,
        socialObjectives: labelled('social-objective', r.social_objectives),
      })),
      nextCursor:
        rows.length > limit
          ? encodeCursor([last.counts ? 1 : 0, last.score, last.first, last.subject_id, last.offering_id])
          : null,
    };
  }

  private async visibleObligation(actor: Actor, id: string): Promise<void> {
    const [o] = await this.ds.query<{ buyerOrganisationId: string; contractorOrganisationId: string }[]>(
      `SELECT buyer_organisation_id AS "buyerOrganisationId", contractor_organisation_id AS "contractorOrganisationId"
         FROM obligation WHERE id = $1`,
      [id],
    );
    if (!o || !canSeeObligation(actor, o))
      throw new NotFoundError(MatchingErrorCode.ObligationNotFound, 'Obligation');
  }

  private async page(type: MatchSubjectType, id: string, q: PageQuery): Promise<MatchesPage> {
    const limit = pageLimit(q.limit);
    const after = decodeCursor(q.cursor, ['number', 'number', 'uuid']);
    let [state] = await this.ds.query<StateRow[]>(
      `SELECT requested_revision, computed_revision, computed_at, coalesce(failed_revision, 0) AS failed_revision,
              failure_code, failed_at
         FROM match_state WHERE subject_type = $1 AND subject_id = $2`,
      [type, id],
    );
    if (!state) {
      // Never scored (older than matching, or imported): ask the worker now and answer pending.
      await this.ds.transaction((m) => this.triggers.request(m, type, [id]));
      state = {
        requested_revision: 1,
        computed_revision: 0,
        computed_at: null,
        failed_revision: 0,
        failure_code: null,
        failed_at: null,
      };
    }
    const table = type === 'obligation' ? 'obligation_match' : 'tender_match';
    const column = type === 'obligation' ? 'obligation_id' : 'tender_id';
    const ks = keyset(after, ['offering_id'], 3);
    const rows: MatchRow[] = await this.ds.query(
      `SELECT * FROM (
         SELECT m.offering_id, o.title AS offering_title, m.social_enterprise_id, org.name AS social_enterprise_name,
                m.score, m.counts, m.projected_credit_cents::text AS projected_credit_cents,
                m.spend_to_fill_cents::text AS spend_to_fill_cents, m.distance_km, m.reasons
           FROM ${table} m
           JOIN offering o ON o.id = m.offering_id AND NOT o.hidden
           JOIN organisation org ON org.id = m.social_enterprise_id
          WHERE m.${column} = $1
       ) x
       WHERE ${ks.sql}
       ORDER BY counts DESC, score DESC, offering_id
       LIMIT $2`,
      [id, limit + 1, ...ks.values],
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    // Every item of the set is valued on the same date: the later of today and the contract start.
    const [subject] = await this.ds.query<{ start_date: string | null }[]>(
      type === 'obligation'
        ? `SELECT c.start_date::text AS start_date FROM obligation ob JOIN contract c ON c.id = ob.contract_id
            WHERE ob.id = $1`
        : 'SELECT contract_start::text AS start_date FROM tender WHERE id = $1',
      [id],
    );
    const from = subject?.start_date ? countsFrom(subject.start_date, todayInNl()) : null;
    return {
      subjectId: id,
      revision: state.computed_revision,
      // A revision that failed is not waiting for anything: a newer request (a change, a refresh) is.
      pending:
        state.requested_revision > state.computed_revision &&
        state.requested_revision > state.failed_revision,
      computedAt: state.computed_at,
      failed:
        state.failure_code && state.failed_at
          ? {
              code: state.failure_code as MatchFailureCode,
              ...failureSentences(state.failure_code, type),
              since: state.failed_at,
            }
          : null,
      items: items.map((r) => ({
        offeringId: r.offering_id,
        offeringTitle: r.offering_title,
        socialEnterpriseId: r.social_enterprise_id,
        socialEnterpriseName: r.social_enterprise_name,
        score: r.score,
        counts: r.counts,
        projectedCreditCents: Number(r.projected_credit_cents),
        countsFrom: from,
        spendToFillCents: r.spend_to_fill_cents == null ? null : Number(r.spend_to_fill_cents),
        distanceKm: r.distance_km,
        reasons: expandReasons(r.reasons),
      })),
      nextCursor:
        rows.length > limit ? encodeCursor([last.counts ? 1 : 0, last.score, last.offering_id]) : null,
    };
  }
}
