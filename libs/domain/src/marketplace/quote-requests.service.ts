import { BusinessRuleError, NotFoundError, Page } from '@app/common';
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
import { organisationName } from '../notifications/names';
import { MatchingTriggers } from '../matching/matching-triggers.service';
import { ObligationsService } from '../obligations/obligations.service';
import { MarketplaceErrorCode } from './marketplace.errors';
import { advance, dealForStep, findDeal, MarketplaceSteps } from './marketplace-steps.service';
import { MarketplaceParty, visibleDealsWhere } from './deal-visibility';
import { QUOTE_REQUEST_MACHINE } from './transitions';
import { DealContext, dealContexts } from './deal-context';

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
  context: DealContext;
}

export interface MarketplaceListQuery {
  status?: string;
  obligationId?: string;
  limit?: number;
  cursor?: string;
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
      const row = m.getRepository(QuoteRequestEntity).create({
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
      });
      const saved = await this.steps.save(m, QuoteRequestEntity, row, {
        buyerOrganisationId: row.buyerOrganisationId,
        actor,
        entityType: 'quote_request',
        action: 'create',
        notify: {
          organisationId: row.socialEnterpriseId,
          kind: 'quote_request_received',
          params: {
            offeringTitle: row.offeringTitle,
            budgetCents: row.budgetCents,
            contractorName: await organisationName(m, row.contractorOrganisationId),
          },
        },
      });
      // The enterprise's responsiveness (answered / asked) feeds its match scores.
      await this.matching.enterprisesChanged(m, [saved.socialEnterpriseId]);
      return saved;
    });
    return (await this.withQuotes(this.ds.manager, [request]))[0];
  }

  async list(actor: Actor, q: MarketplaceListQuery): Promise<Page<QuoteRequestView>> {
    const visible = visibleDealsWhere(actor, 'r');
    if (!visible) return { items: [], nextCursor: null };
    const qb = this.ds
      .getRepository(QuoteRequestEntity)
      .createQueryBuilder('r')
      .where(visible.sql, visible.params);
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
      await this.steps.save(m, QuoteRequestEntity, request, {
        buyerOrganisationId: request.buyerOrganisationId,
        actor,
        entityType: 'quote_request',
        action: 'decline',
        before,
        notify: {
          organisationId: request.contractorOrganisationId,
          kind: 'quote_request_declined',
          params: {
            offeringTitle: request.offeringTitle,
            reason: request.declineReason,
            enterpriseName: await organisationName(m, request.socialEnterpriseId),
          },
        },
      });
      await this.matching.enterprisesChanged(m, [request.socialEnterpriseId]);
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
    const { row, party } = await findDeal(m, QuoteRequestEntity, actor, id, requestNotFound, lock);
    return { request: row, party };
  }

  /** The request locked for a step that only `who` may take (see `dealForStep`). */
  forStep(actor: Actor, id: string, m: EntityManager, who: MarketplaceParty): Promise<QuoteRequestEntity> {
    return dealForStep(m, QuoteRequestEntity, actor, id, who, requestNotFound);
  }

  async withQuotes(m: EntityManager, requests: QuoteRequestEntity[]): Promise<QuoteRequestView[]> {
    if (!requests.length) return [];
    const quotes = await m.getRepository(QuoteEntity).find({
      where: { quoteRequestId: In(requests.map((r) => r.id)) },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    const contexts = await dealContexts(m, requests);
    return requests.map((request, i) => ({
      request,
      quotes: quotes.filter((q) => q.quoteRequestId === request.id),
      context: contexts[i],
    }));
  }

  /** The obligation of a request, for valuations under its frozen policy. */
  obligationOf(m: EntityManager, request: QuoteRequestEntity): Promise<ObligationEntity> {
    return m.getRepository(ObligationEntity).findOneByOrFail({ id: request.obligationId });
  }
}

const requestNotFound = () => new NotFoundError(MarketplaceErrorCode.QuoteRequestNotFound, 'Quote request');
