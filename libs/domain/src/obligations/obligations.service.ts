import {
  BusinessRuleError,
  ConflictError,
  NotFoundError,
  Page,
  todayInNl,
  ValidationFailedError,
  withUniqueConflicts,
} from '@app/common';
import {
  ContractEntity,
  ContributionEntity,
  ObligationEntity,
  OrganisationEntity,
  pageNewestFirst,
  TenderEntity,
} from '@app/database';
import { OutboxJobs, OutboxService } from '@app/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CertificationsService } from '../directory/certifications.service';
import { organisationName, tenderTitle } from '../notifications/names';
import { Actor, isOfficerOf } from '../identity/actor';
import { findVisible } from '../identity/visible-row';
import { canSeeObligation } from './obligation-visibility';
import { MatchingTriggers } from '../matching/matching-triggers.service';
import {
  choosePlacementBlock,
  ContributionBody,
  ContributionResult,
  fullTimeExceeded,
  PersonLoad,
  PlacementBody,
  placementCoverage,
  valueContribution,
} from '../sroi/contribution';
import { CertificationFact, SroiPolicyBody } from '../sroi/policy.types';
import { isValidIsoDate } from '../sroi/dates';
import { invoiceDateInFuture } from '../sroi/valuation-date';
import { AuditService } from '../audit/audit.service';
import { assertPseudonymous, invoiceKey } from './contribution-input';
import { engine } from '../policies/sroi-engine';
import { ObligationErrorCode } from './obligations.errors';
import { computeProgress, Progress } from './progress';

export interface ObligationView {
  obligation: ObligationEntity;
  contract: ContractEntity;
  progress: Progress;
  /** The names people read next to the ids (api.md "Names with ids"). */
  names: ObligationNames;
}

export interface ObligationNames {
  contractorName: string | null;
  buyerName: string | null;
  tenderTitle: string | null;
}

export interface ReviewInput {
  decision: 'verified' | 'rejected';
  verifiedValueCents?: number | null;
  note?: string | null;
}

interface Valued {
  obligation: ObligationEntity;
  contract: ContractEntity;
  body: ContributionBody;
  result: ContributionResult;
  policy: SroiPolicyBody;
}

/** Unique violations of a contribution insert, as their domain conflicts (see `withUniqueConflicts`). */
export const CONTRIBUTION_CONFLICTS: Record<string, () => ConflictError> = {
  uq_contribution_invoice: () =>
    new ConflictError(
      ObligationErrorCode.DuplicateInvoice,
      'This supplier invoice is already counted on the platform',
      [{ field: 'invoiceNumber', message: 'already claimed (by this or another contractor)' }],
    ),
};

@Injectable()
export class ObligationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly certifications: CertificationsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly matching: MatchingTriggers,
  ) {}

  /**
   * The obligation as `canSeeObligation` lets the caller see it; anything else is 404. `as` narrows who may (only
   * the officer waives, only the contractor records contributions).
   */
  find(
    actor: Actor,
    id: string,
    m: EntityManager = this.ds.manager,
    lock = false,
    as?: 'procurement_officer' | 'contractor',
  ): Promise<ObligationEntity> {
    return findVisible(m, ObligationEntity, id, {
      lock,
      visible: (o) => (!as || actor.role === as) && canSeeObligation(actor, o),
      notFound: () => new NotFoundError(ObligationErrorCode.ObligationNotFound, 'Obligation'),
    });
  }

  /** An obligation with its progress, without an access check: for the worker and other readers with no actor. */
  async get(id: string): Promise<ObligationView> {
    const obligation = await findVisible(this.ds.manager, ObligationEntity, id, {
      visible: () => true,
      notFound: () => new NotFoundError(ObligationErrorCode.ObligationNotFound, 'Obligation'),
    });
    return (await this.views([obligation]))[0];
  }

  /**
   * An obligation with its progress for one of its two organisations (its buyer or its contractor), without a
   * signed-in user: for the worker, which works for the organisation that asked (a report). 404 once that
   * organisation is no longer a party.
   */
  async getForParty(organisationId: string, id: string): Promise<ObligationView> {
    const obligation = await findVisible(this.ds.manager, ObligationEntity, id, {
      visible: (o) =>
        o.buyerOrganisationId === organisationId || o.contractorOrganisationId === organisationId,
      notFound: () => new NotFoundError(ObligationErrorCode.ObligationNotFound, 'Obligation'),
    });
    return (await this.views([obligation]))[0];
  }

  async view(actor: Actor, id: string): Promise<ObligationView> {
    const obligation = await this.find(actor, id);
    return (await this.views([obligation]))[0];
  }

  async list(actor: Actor, q: { limit?: number; cursor?: string }): Promise<Page<ObligationView>> {
    return this.listOf(
      actor.role === 'procurement_officer' ? 'buyer' : 'contractor',
      actor.organisationId,
      q,
    );
  }

  /** One buyer's (or contractor's) obligations, newest first, without an access check: for the worker's reports. */
  async listOf(
    party: 'buyer' | 'contractor',
    organisationId: string | null,
    q: { limit?: number; cursor?: string },
  ): Promise<Page<ObligationView>> {
    const column = party === 'buyer' ? 'buyer_organisation_id' : 'contractor_organisation_id';
    const qb = this.ds
      .getRepository(ObligationEntity)
      .createQueryBuilder('o')
      .where(`o.${column} = :org`, { org: organisationId });
    const page = await pageNewestFirst(qb, 'o', q);
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  private async views(obligations: ObligationEntity[]): Promise<ObligationView[]> {
    if (!obligations.length) return [];
    const contracts = await this.ds
      .getRepository(ContractEntity)
      .findBy({ id: In(obligations.map((o) => o.contractId)) });
    const contributions = await this.ds.getRepository(ContributionEntity).find({
      where: { obligationId: In(obligations.map((o) => o.id)) },
      select: { obligationId: true, status: true, claimedValueCents: true, verifiedValueCents: true },
    });
    const names = await this.namesOf(obligations);
    const today = todayInNl();
    return obligations.map((obligation) => {
      const contract = contracts.find((c) => c.id === obligation.contractId)!;
      const policy = contract.policySnapshot;
      const progress = computeProgress({
        amountCents: obligation.amountCents,
        contractStart: contract.startDate,
        contractEnd: contract.endDate,
        dueDate: obligation.dueDate,
        waived: obligation.waivedAt !== null,
        today,
        penaltyPercentage: policy.penaltyPercentage ?? null,
        contributions: contributions.filter((c) => c.obligationId === obligation.id),
      });
      return { obligation, contract, progress, names: names.get(obligation.id)! };
    });
  }

  /** The contractor's and buyer's names and the tender's title of these obligations, in one query. */
  private async namesOf(obligations: ObligationEntity[]): Promise<Map<string, ObligationNames>> {
    const rows = await this.ds
      .createQueryBuilder()
      .select('o.id', 'id')
      .addSelect('co.name', 'contractorName')
      .addSelect('bo.name', 'buyerName')
      .addSelect('t.title', 'tenderTitle')
      .from(ObligationEntity, 'o')
      .leftJoin(OrganisationEntity, 'co', 'co.id = o.contractor_organisation_id')
      .leftJoin(OrganisationEntity, 'bo', 'bo.id = o.buyer_organisation_id')
      .leftJoin(TenderEntity, 't', 't.id = o.tender_id')
      .where('o.id IN (:...ids)', { ids: obligations.map((o) => o.id) })
      .getRawMany<{ id: string } & ObligationNames>();
    const none: ObligationNames = { contractorName: null, buyerName: null, tenderTitle: null };
    return new Map(
      obligations.map((o) => {
        const r = rows.find((row) => row.id === o.id);
        return [
          o.id,
          r ? { contractorName: r.contractorName, buyerName: r.buyerName, tenderTitle: r.tenderTitle } : none,
        ];
      }),
    );
  }

  async waive(actor: Actor, id: string, reason: string): Promise<ObligationView> {
    await this.ds.transaction(async (m) => {
      const o = await this.find(actor, id, m, true, 'procurement_officer');
      if (o.waivedAt)
        throw new ConflictError(ObligationErrorCode.ObligationWaived, 'The obligation is already waived');
      const before = { ...o };
      o.waivedAt = new Date();
      o.waivedReason = reason.trim();
      await this.audit.save(m, ObligationEntity, o, {
        buyerOrganisationId: o.buyerOrganisationId,
        actor,
        entityType: 'obligation',
        action: 'waive',
        before,
      });
    });
    return this.view(actor, id);
  }

  /** Values a contribution under the obligation's frozen policy; nothing is saved. */
  async preview(actor: Actor, obligationId: string, body: ContributionBody): Promise<ContributionResult> {
    const obligation = await this.find(actor, obligationId, this.ds.manager, false, 'contractor');
    refuseFutureInvoice(body);
    return (await this.value(this.ds.manager, obligation, body)).result;
  }

  /**
   * Records a claim. The value comes from the rule engine (422 NOT_COUNTABLE when it gives nothing). Double
   * counting is refused by the database and by locking, never by a bare read-then-write: an invoice is
   * unique through a partial unique index, and the placements of one person token are serialised with a
   * transaction-scoped advisory lock before their full-time total is checked.
   */
  async submit(actor: Actor, obligationId: string, body: ContributionBody): Promise<ContributionEntity> {
    return withUniqueConflicts(
      () =>
        this.ds.transaction(async (m) => {
          const obligation = await this.find(actor, obligationId, m, false, 'contractor');
          return this.record(m, actor, obligation, body);
        }),
      CONTRIBUTION_CONFLICTS,
    );
  }

  /**
   * The one submission path, inside the caller's transaction, for an obligation the caller has already
   * authorised (a contractor's own claim, or a marketplace invoice on the obligation's order). The caller
   * maps unique violations with `CONTRIBUTION_CONFLICTS` around its transaction.
   */
  async record(
    m: EntityManager,
    actor: Actor,
    obligation: ObligationEntity,
    body: ContributionBody,
    link: { orderId?: string; pledgeId?: string } = {},
  ): Promise<ContributionEntity> {
    if (obligation.waivedAt)
      throw new BusinessRuleError(ObligationErrorCode.ObligationWaived, 'The obligation was waived');
    refuseFutureInvoice(body);
    const v = await this.value(m, obligation, body);
    if (!v.result.countable) {
      // The reason and, for a date outside the contract, the period travel as problem members of their own,
      // so a client words the refusal itself (never from `detail`).
      throw new BusinessRuleError(
        ObligationErrorCode.NotCountable,
        `This contribution counts for nothing under this tender's policy: ${v.result.reason}`,
        [{ code: v.result.reason, message: this.reasonText(v.result), breakdown: v.result.breakdown }],
      ).withExtras({
        reason: v.result.reason,
        ...(v.result.reason === 'OUTSIDE_CONTRACT_PERIOD'
          ? { contractPeriod: { startDate: v.contract.startDate, endDate: v.contract.endDate } }
          : {}),
      });
    }
    const row: Partial<ContributionEntity> = {
      obligationId: obligation.id,
      category: v.body.category,
      status: 'submitted',
      body: v.body,
      claimedValueCents: v.result.valueCents,
      breakdown: v.result.breakdown,
      submittedBy: actor.userId,
      orderId: link.orderId ?? null,
      pledgeId: link.pledgeId ?? null,
    };
    if (v.body.category === 'employment' || v.body.category === 'training') {
      Object.assign(row, await this.checkPerson(m, v.policy, v.contract, v.body));
    } else if (v.body.category === 'social_purchase') {
      row.supplierOrganisationId = v.body.supplierOrganisationId;
      row.invoiceKey = invoiceKey(v.body.invoiceNumber);
    }
    const saved = await this.audit.save<ContributionEntity>(m, ContributionEntity, row, {
      buyerOrganisationId: obligation.buyerOrganisationId,
      actor,
      entityType: 'contribution',
      action: 'submit',
    });
    await this.outbox.add(
      m,
      OutboxJobs.contributionSubmitted(saved.id, {
        organisationId: obligation.buyerOrganisationId,
        message: `Nieuwe SROI-bijdrage ter controle: EUR ${(saved.claimedValueCents / 100).toFixed(2)}.`,
        params: {
          amountCents: saved.claimedValueCents,
          category: saved.category,
          contractorName: await organisationName(m, obligation.contractorOrganisationId),
          tenderTitle: await tenderTitle(m, obligation.tenderId),
          obligationId: obligation.id,
        },
      }),
    );
    await this.matching.obligationChanged(m, obligation.id);
    return this.withSupplierName(m, saved);
  }

  /** Attaches the supplier (id and name) of a purchase claim, for `supplierName` in its JSON. */
  private async withSupplierName(m: EntityManager, c: ContributionEntity): Promise<ContributionEntity> {
    if (c.supplierOrganisationId && c.supplierOrganisation === undefined) {
      c.supplierOrganisation = await m
        .getRepository(OrganisationEntity)
        .findOne({ where: { id: c.supplierOrganisationId }, select: { id: true, name: true } });
    }
    return c;
  }

  /** The engine's valuation of a body under the obligation's frozen policy, for a caller that authorised it. */
  async valuation(
    m: EntityManager,
    obligation: ObligationEntity,
    body: ContributionBody,
  ): Promise<ContributionResult> {
    return (await this.value(m, obligation, body)).result;
  }

  async contributions(
    actor: Actor,
    obligationId: string,
    q: { limit?: number; cursor?: string },
  ): Promise<Page<ContributionEntity>> {
    await this.find(actor, obligationId);
    return this.contributionsOf(obligationId, q);
  }

  /** An obligation's contributions, newest first, without an access check: for the worker's reports. */
  contributionsOf(
    obligationId: string,
    q: { limit?: number; cursor?: string },
  ): Promise<Page<ContributionEntity>> {
    const qb = this.ds
      .getRepository(ContributionEntity)
      .createQueryBuilder('c')
      .leftJoin('c.supplierOrganisation', 'supplier')
      .addSelect(['supplier.id', 'supplier.name'])
      .where('c.obligation_id = :obligationId', { obligationId });
    return pageNewestFirst(qb, 'c', q);
  }

  async review(actor: Actor, contributionId: string, input: ReviewInput): Promise<ContributionEntity> {
    return this.ds.transaction(async (m) => {
      const notFound = () => new NotFoundError(ObligationErrorCode.ContributionNotFound, 'Contribution');
      const c = await findVisible(m, ContributionEntity, contributionId, {
        lock: true,
        visible: () => actor.role === 'procurement_officer',
        notFound,
      });
      const obligation = await findVisible(m, ObligationEntity, c.obligationId, {
        visible: (o) => isOfficerOf(actor, o.buyerOrganisationId),
        notFound,
      });
      if (c.status !== 'submitted')
        throw new ConflictError(
          ObligationErrorCode.AlreadyReviewed,
          `The contribution is already ${c.status}`,
        );
      const before = { ...c };
      if (input.decision === 'verified') {
        const value = input.verifiedValueCents ?? c.claimedValueCents;
        if (value > c.claimedValueCents) {
          throw new BusinessRuleError(
            ObligationErrorCode.VerifiedValueTooHigh,
            'The verified value cannot exceed the claimed value',
            [{ field: 'verifiedValueCents', message: `at most ${c.claimedValueCents}` }],
          );
        }
        c.verifiedValueCents = value;
      } else {
        if (input.verifiedValueCents) {
          throw new ValidationFailedError('A rejected contribution has no verified value', [
            { field: 'verifiedValueCents', message: 'must be absent when rejecting' },
          ]);
        }
        c.verifiedValueCents = null;
      }
      c.status = input.decision;
      c.reviewNote = input.note?.trim() || null;
      c.reviewedBy = actor.userId;
      c.reviewedAt = new Date();
      const saved = await this.audit.save(m, ContributionEntity, c, {
        buyerOrganisationId: obligation.buyerOrganisationId,
        actor,
        entityType: 'contribution',
        action: `review_${input.decision}`,
        before,
      });
      await this.outbox.add(
        m,
        OutboxJobs.notification('contribution_reviewed', [saved.id], {
          organisationId: obligation.contractorOrganisationId,
          params: {
            status: saved.status,
            amountCents: saved.verifiedValueCents ?? saved.claimedValueCents,
            tenderTitle: await tenderTitle(m, obligation.tenderId),
            obligationId: obligation.id,
          },
        }),
      );
      // A verified value lowers what remains to fill, and so every projected credit.
      await this.matching.obligationChanged(m, obligation.id);
      return this.withSupplierName(m, saved);
    });
  }

  private async value(
    m: EntityManager,
    obligation: ObligationEntity,
    body: ContributionBody,
  ): Promise<Valued> {
    assertPseudonymous(body);
    const contract = await m.getRepository(ContractEntity).findOneByOrFail({ id: obligation.contractId });
    const policy = contract.policySnapshot;
    let supplierCertifications: CertificationFact[] | undefined;
    let supplierInRegion: boolean | undefined;
    if (body.category === 'social_purchase') {
      const supplier = await m
        .getRepository(OrganisationEntity)
        .findOne({ where: { id: body.supplierOrganisationId } });
      if (!supplier || supplier.kind === 'buyer') {
        throw new BusinessRuleError(
          ObligationErrorCode.SupplierNotFound,
          'supplierOrganisationId is not a supplier on the platform',
          [{ field: 'supplierOrganisationId', message: 'unknown supplier' }],
        );
      }
      supplierCertifications = await this.certifications.allFacts(supplier.id, m);
      const region = policy.purchaseRule.region?.trim().toLowerCase();
      if (region) {
        const [area] = await m.query('SELECT municipality, province FROM postcode_area WHERE pc4 = $1', [
          supplier.postcode.slice(0, 4),
        ]);
        supplierInRegion =
          !!area && [area.municipality, area.province].some((n: string) => n?.toLowerCase() === region);
      }
    }
    const result = engine(() =>
      valueContribution(
        policy,
        {
          contractStart: contract.startDate,
          contractEnd: contract.endDate,
          supplierCertifications,
          supplierInRegion,
        },
        body,
      ),
    );
    return { obligation, contract, body, result, policy };
  }

  /** Serialises claims for one person token, then refuses anything beyond full time on any day. */
  private async checkPerson(
    m: EntityManager,
    policy: SroiPolicyBody,
    contract: ContractEntity,
    body: PlacementBody,
  ): Promise<Partial<ContributionEntity>> {
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`person:${body.personToken}`]);
    const choice = choosePlacementBlock(policy, body);
    const coverage = placementCoverage(
      policy,
      { contractStart: contract.startDate, contractEnd: contract.endDate },
      body,
      'block' in choice ? choice.block : undefined,
    );
    if (!coverage) return { personToken: body.personToken };
    const existing = await m
      .getRepository(ContributionEntity)
      .createQueryBuilder('c')
      .where('c.person_token = :token', { token: body.personToken })
      .andWhere("c.status <> 'rejected'")
      .andWhere('c.period_start <= :end AND c.period_end >= :start', {
        start: coverage.countedStart,
        end: coverage.countedEnd,
      })
      .getMany();
    const mine: PersonLoad = {
      start: coverage.countedStart,
      end: coverage.countedEnd,
      hoursPerWeek: coverage.effectiveHoursPerWeek,
      fullTimeHoursPerWeek: coverage.fullTimeHoursPerWeek,
    };
    const loads: PersonLoad[] = existing.map((c) => ({
      start: c.periodStart!,
      end: c.periodEnd!,
      hoursPerWeek: c.hoursPerWeek!,
      fullTimeHoursPerWeek: c.fullTimeHoursPerWeek!,
    }));
    const check = fullTimeExceeded([...loads, mine]);
    if (check.exceeded) {
      throw new ConflictError(
        ObligationErrorCode.PersonAlreadyCounted,
        `This person is already counted for these dates; together this would exceed full time on ${check.date}`,
        [{ field: 'personToken', message: `over full time on ${check.date}`, date: check.date }],
      );
    }
    return {
      personToken: body.personToken,
      periodStart: mine.start,
      periodEnd: mine.end,
      hoursPerWeek: mine.hoursPerWeek,
      fullTimeHoursPerWeek: mine.fullTimeHoursPerWeek,
    };
  }

  private reasonText(r: ContributionResult): string {
    const line =
      [...r.breakdown].reverse().find((l) => l.code === r.reason) ?? r.breakdown[r.breakdown.length - 1];
    return line ? `${line.labelEn} / ${line.labelNl}` : String(r.reason);
  }
}

/**
 * An invoice is dated on or before today (in the Netherlands): a future date is refused before anything is
 * valued, for a contractor's purchase claim, its preview and a marketplace invoice alike.
 */
function refuseFutureInvoice(body: ContributionBody): void {
  if (body?.category !== 'social_purchase' || typeof body.invoiceDate !== 'string') return;
  const today = todayInNl();
  if (!isValidIsoDate(body.invoiceDate) || !invoiceDateInFuture(body.invoiceDate, today)) return;
  throw new BusinessRuleError(
    ObligationErrorCode.InvoiceDateInFuture,
    `The invoice date ${body.invoiceDate} is after today (${today})`,
    [
      {
        field: 'invoiceDate',
        code: ObligationErrorCode.InvoiceDateInFuture,
        message: `must be on or before ${today}`,
      },
    ],
  ).withExtras({ invoiceDate: body.invoiceDate, today });
}
