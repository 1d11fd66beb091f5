import { BusinessRuleError, ForbiddenError, formatEuro, NotFoundError, Page } from '@app/common';
import {
  ObligationEntity,
  OfferingEntity,
  OrganisationEntity,
  pageNewestFirst,
  QuoteEntity,
  QuoteRequestEntity,
} from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../identity/actor';
import { MatchingTriggers } from '../matching/matching-triggers.service';
import { ObligationsService } from '../obligations/obligations.service';
import { MarketplaceErrorCode } from './marketplace.errors';
import { advance, MarketplaceSteps } from './marketplace-steps.service';
import { MarketplaceParty, partyOf, QUOTE_REQUEST_MACHINE } from './transitions';

export interface CreateQuoteRequestInput {
  obligationId: string;
  offeringId: string;
  description: string;
  budgetCents?: number | null;
  neededBy?: string | null;
}

export interface QuoteRequestView {
  request: QuoteRequestEntity;
  quotes: QuoteEntity[];
}

export interface MarketplaceListQuery {
  status?: string;
  obligationId?: string;
  limit?: number;
  cursor?: string;
}

/** The column that makes a row "mine" for each role; other roles see nothing in lists. */
export function partyColumn(actor: Actor): string | null {
  switch (actor.role) {
    case 'contractor':
      return 'contractor_organisation_id';
    case 'social_enterprise':
      return 'social_enterprise_id';
    case 'procurement_officer':
      return 'buyer_organisation_id';
    default:
      return null;
  }
}

@Injectable()
export class QuoteRequestsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly obligations: ObligationsService,
    private readonly steps: MarketplaceSteps,
    private readonly matching: MatchingTriggers,
  ) {}

  async create(actor: Actor, input: CreateQuoteRequestInput): Promise<QuoteRequestView> {
    const request = await this.ds.transaction(async (m) => {
      // Only the obligation's contractor may ask; its officers would get the obligation but not this step.
      const obligation = await this.obligations.find(actor, input.obligationId, m);
      if (actor.role !== 'contractor')
        throw new NotFoundError(MarketplaceErrorCode.ObligationNotFound, 'Obligation');
      if (obligation.waivedAt)
        throw new BusinessRuleError(MarketplaceErrorCode.ObligationWaived, 'The obligation was waived');
      const offering = await m.getRepository(OfferingEntity).findOneBy({ id: input.offeringId });
      const enterprise = offering
        ? await m.getRepository(OrganisationEntity).findOneBy({ id: offering.organisationId })
        : null;
      if (!offering || offering.hidden || enterprise?.kind !== 'social_enterprise')
        throw new NotFoundError(MarketplaceErrorCode.OfferingNotFound, 'Offering');
      const saved = await m.getRepository(QuoteRequestEntity).save(
        m.getRepository(QuoteRequestEntity).create({
          obligationId: obligation.id,
          offeringId: offering.id,
          offeringTitle: offering.title,
          contractorOrganisationId: obligation.contractorOrganisationId,
          socialEnterpriseId: offering.organisationId,
          buyerOrganisationId: obligation.buyerOrganisationId,
          description: input.description.trim(),
          budgetCents: input.budgetCents ?? null,
          neededBy: input.neededBy ?? null,
          status: 'open',
          createdBy: actor.userId,
        }),
      );
      await this.steps.record(m, {
        buyerOrganisationId: saved.buyerOrganisationId,
        actor,
        entityType: 'quote_request',
        entityId: saved.id,
        action: 'create',
        after: saved,
        notify: {
          organisationId: saved.socialEnterpriseId,
          kind: 'quote_request_received',
          message: `Nieuwe offerteaanvraag voor "${saved.offeringTitle}"${
            saved.budgetCents ? ` (budget ${formatEuro(saved.budgetCents)})` : ''
          }.`,
        },
      });
      // The enterprise's responsiveness (answered / asked) feeds its match scores.
      await this.matching.enterprisesChanged(m, [saved.socialEnterpriseId]);
      return saved;
    });
    return { request, quotes: [] };
  }

  async list(actor: Actor, q: MarketplaceListQuery): Promise<Page<QuoteRequestView>> {
    const column = partyColumn(actor);
    if (!column || !actor.organisationId) return { items: [], nextCursor: null };
    const qb = this.ds
      .getRepository(QuoteRequestEntity)
      .createQueryBuilder('r')
      .where(`r.${column} = :org`, { org: actor.organisationId });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.obligationId) qb.andWhere('r.obligation_id = :obligationId', { obligationId: q.obligationId });
    const page = await pageNewestFirst(qb, 'r', q);
    return { items: await this.withQuotes(this.ds.manager, page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<QuoteRequestView> {
    const { request } = await this.visible(actor, id, this.ds.manager);
    return (await this.withQuotes(this.ds.manager, [request]))[0];
  }

  async decline(actor: Actor, id: string, reason?: string | null): Promise<QuoteRequestView> {
    await this.ds.transaction(async (m) => {
      const request = await this.forStep(actor, id, m, 'social_enterprise');
      const before = { ...request };
      request.status = advance(QUOTE_REQUEST_MACHINE, 'quote request', request.status, 'decline');
      request.declineReason = reason?.trim() || null;
      request.answeredAt ??= new Date();
      const saved = await m.getRepository(QuoteRequestEntity).save(request);
      await this.matching.enterprisesChanged(m, [saved.socialEnterpriseId]);
      await this.steps.record(m, {
        buyerOrganisationId: saved.buyerOrganisationId,
        actor,
        entityType: 'quote_request',
        entityId: saved.id,
        action: 'decline',
        before,
        after: saved,
        notify: {
          organisationId: saved.contractorOrganisationId,
          kind: 'quote_request_declined',
          message: `Offerteaanvraag voor "${saved.offeringTitle}" afgewezen${
            saved.declineReason ? `: ${saved.declineReason}` : '.'
          }`,
        },
      });
    });
    return this.get(actor, id);
  }

  /** The request as its parties and the obligation's officers see it; anyone else gets 404. */
  async visible(
    actor: Actor,
    id: string,
    m: EntityManager,
    lock = false,
  ): Promise<{ request: QuoteRequestEntity; party: MarketplaceParty }> {
    const qb = m.getRepository(QuoteRequestEntity).createQueryBuilder('r').where('r.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const request = await qb.getOne();
    const party = request ? partyOf(actor, request) : null;
    if (!request || !party)
      throw new NotFoundError(MarketplaceErrorCode.QuoteRequestNotFound, 'Quote request');
    return { request, party };
  }

  /**
   * The request locked for a step that only `who` may take. Writers of a request and its quotes lock the
   * request first, so concurrent steps queue up instead of deadlocking.
   */
  async forStep(
    actor: Actor,
    id: string,
    m: EntityManager,
    who: MarketplaceParty,
  ): Promise<QuoteRequestEntity> {
    const { request, party } = await this.visible(actor, id, m, true);
    if (party !== who) throw notYourStep(who);
    return request;
  }

  async withQuotes(m: EntityManager, requests: QuoteRequestEntity[]): Promise<QuoteRequestView[]> {
    if (!requests.length) return [];
    const quotes = await m.getRepository(QuoteEntity).find({
      where: { quoteRequestId: In(requests.map((r) => r.id)) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return requests.map((request) => ({
      request,
      quotes: quotes.filter((q) => q.quoteRequestId === request.id),
    }));
  }

  /** The obligation of a request, for valuations under its frozen policy. */
  obligationOf(m: EntityManager, request: QuoteRequestEntity): Promise<ObligationEntity> {
    return m.getRepository(ObligationEntity).findOneByOrFail({ id: request.obligationId });
  }
}

/** The caller can see the object but the step belongs to the other side (or is read-only for officers). */
export function notYourStep(who: MarketplaceParty): ForbiddenError {
  const whom = {
    contractor: 'the contractor',
    social_enterprise: 'the social enterprise asked',
    officer: 'an officer',
  }[who];
  return new ForbiddenError(MarketplaceErrorCode.NotYourStep, `Only ${whom} can take this step`);
}
