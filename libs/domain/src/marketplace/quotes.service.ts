import {
  BusinessRuleError,
  ConflictError,
  formatEuro,
  NotFoundError,
  todayInNl,
  withUniqueConflicts,
} from '@app/common';
import {
  ContractEntity,
  ContributionEntity,
  ObligationEntity,
  OfferingEntity,
  PurchaseOrderEntity,
  QuoteEntity,
  QuoteRequestEntity,
} from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../identity/actor';
import { MatchingTriggers } from '../matching/matching-triggers.service';
import { ObligationsService } from '../obligations/obligations.service';
import { MarketplaceErrorCode } from './marketplace.errors';
import { advance, MarketplaceSteps, Step } from './marketplace-steps.service';
import { QuoteRequestsService, QuoteRequestView } from './quote-requests.service';
import { DealContext, dealContexts, DealRef } from './deal-context';
import { countsFrom, valuationDate } from '../sroi/valuation-date';
import { cappedCredit, QUOTE_MACHINE, QUOTE_REQUEST_MACHINE, quoteExpired } from './transitions';

export interface CreateQuoteInput {
  amountCents: number;
  validUntil: string;
  message?: string | null;
}

@Injectable()
export class QuotesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly requests: QuoteRequestsService,
    private readonly obligations: ObligationsService,
    private readonly steps: MarketplaceSteps,
    private readonly matching: MatchingTriggers,
  ) {}

  /** The enterprise quotes; a newer quote replaces its own earlier open one, so a request has one open quote. */
  async create(actor: Actor, requestId: string, input: CreateQuoteInput): Promise<QuoteEntity> {
    return this.ds.transaction(async (m) => {
      const request = await this.requests.forStep(actor, requestId, m, 'social_enterprise');
      const requestBefore = { ...request };
      request.status = advance(QUOTE_REQUEST_MACHINE, 'quote request', request.status, 'quote');
      const firstAnswer = request.answeredAt === null;
      request.answeredAt ??= new Date();

      // The trail lists the superseded quotes before the request's step, as they happened.
      const open = await m.getRepository(QuoteEntity).findBy({ quoteRequestId: request.id, status: 'open' });
      for (const earlier of open) await this.decide(m, actor, request, earlier, 'supersede');
      await this.steps.save(m, QuoteRequestEntity, request, {
        buyerOrganisationId: request.buyerOrganisationId,
        actor,
        entityType: 'quote_request',
        action: 'quote',
        before: requestBefore,
      });
      // A first answer raises the enterprise's responsiveness, a factor of its match scores.
      if (firstAnswer) await this.matching.enterprisesChanged(m, [request.socialEnterpriseId]);

      const obligation = await this.requests.obligationOf(m, request);
      const { projectedCreditCents, countsFrom: from } = await this.projectedCredit(
        m,
        obligation,
        request,
        input.amountCents,
      );
      return this.steps.save(
        m,
        QuoteEntity,
        m.getRepository(QuoteEntity).create({
          quoteRequestId: request.id,
          amountCents: input.amountCents,
          validUntil: input.validUntil,
          message: input.message?.trim() || null,
          status: 'open',
          projectedCreditCents,
          createdBy: actor.userId,
        }),
        {
          buyerOrganisationId: request.buyerOrganisationId,
          actor,
          entityType: 'quote',
          action: 'create',
          notify: {
            organisationId: request.contractorOrganisationId,
            kind: 'quote_received',
            message: `Offerte voor "${request.offeringTitle}": ${formatEuro(input.amountCents)}, geldig t/m ${
              input.validUntil
            }; telt naar verwachting voor ${formatEuro(projectedCreditCents)} SROI${
              from ? ` vanaf ${from}` : ''
            }.`,
            params: {
              offeringTitle: request.offeringTitle,
              amountCents: input.amountCents,
              validUntil: input.validUntil,
              creditCents: projectedCreditCents,
              countsFrom: from ?? null,
            },
          },
        },
      );
    });
  }

  /** 201 with the order; 409 when the quote is no longer open, 422 QUOTE_EXPIRED after its last day. */
  async accept(actor: Actor, quoteId: string): Promise<PurchaseOrderEntity> {
    return withUniqueConflicts(
      () =>
        this.ds.transaction(async (m) => {
          const { quote, request } = await this.forStep(actor, quoteId, m);
          const before = { ...quote };
          quote.status = advance(QUOTE_MACHINE, 'quote', quote.status, 'accept');
          if (quoteExpired(quote.validUntil, todayInNl())) {
            throw new BusinessRuleError(
              MarketplaceErrorCode.QuoteExpired,
              `The quote could be accepted until ${quote.validUntil}`,
              [
                {
                  field: 'validUntil',
                  code: MarketplaceErrorCode.QuoteExpired,
                  message: `expired after ${quote.validUntil}`,
                },
              ],
            );
          }
          const requestBefore = { ...request };
          request.status = advance(QUOTE_REQUEST_MACHINE, 'quote request', request.status, 'order');
          quote.decidedAt = new Date();
          const step = { buyerOrganisationId: request.buyerOrganisationId, actor };
          await this.steps.save(m, QuoteEntity, quote, {
            ...step,
            entityType: 'quote',
            action: 'accept',
            before,
          });
          await this.steps.save(m, QuoteRequestEntity, request, {
            ...step,
            entityType: 'quote_request',
            action: 'order',
            before: requestBefore,
          });
          const order = await this.steps.save(
            m,
            PurchaseOrderEntity,
            m.getRepository(PurchaseOrderEntity).create({
              quoteId: quote.id,
              quoteRequestId: request.id,
              obligationId: request.obligationId,
              contractorOrganisationId: request.contractorOrganisationId,
              socialEnterpriseId: request.socialEnterpriseId,
              buyerOrganisationId: request.buyerOrganisationId,
              amountCents: quote.amountCents,
              status: 'open',
              createdBy: actor.userId,
            }),
            {
              ...step,
              entityType: 'purchase_order',
              action: 'create',
              notify: {
                organisationId: request.socialEnterpriseId,
                kind: 'order_created',
                params: { offeringTitle: request.offeringTitle, amountCents: quote.amountCents },
              },
            },
          );
          // Both parties hear of the order: the contractor's own notice too (its inbox, its mail).
          await this.steps.notify(m, 'order_created', order.id, {
            organisationId: request.contractorOrganisationId,
            params: { offeringTitle: request.offeringTitle, amountCents: quote.amountCents },
          });
          return order;
        }),
      {
        uq_purchase_order_quote: () =>
          new ConflictError(MarketplaceErrorCode.IllegalTransition, 'The quote is already accepted'),
      },
    );
  }

  async reject(actor: Actor, quoteId: string): Promise<QuoteEntity> {
    return this.ds.transaction(async (m) => {
      const { quote, request } = await this.forStep(actor, quoteId, m);
      return this.decide(m, actor, request, quote, 'reject', {
        organisationId: request.socialEnterpriseId,
        kind: 'quote_rejected',
        message: `Uw offerte van ${formatEuro(quote.amountCents)} voor "${request.offeringTitle}" is afgewezen.`,
      });
    });
  }

  /** The names, tender title and contract period of a deal (a quote's request, an order). */
  async contextOf(deal: DealRef): Promise<DealContext> {
    return (await dealContexts(this.ds.manager, [deal]))[0];
  }

  /** `contextOf` the quote's request. */
  async contextOfQuote(quote: QuoteEntity): Promise<DealContext> {
    const request = await this.ds
      .getRepository(QuoteRequestEntity)
      .findOneByOrFail({ id: quote.quoteRequestId });
    return this.contextOf(request);
  }

  /** A quote is seen through its request: its parties and the obligation's officers. */
  async get(actor: Actor, quoteId: string): Promise<{ quote: QuoteEntity; request: QuoteRequestView }> {
    const quote = await this.ds.getRepository(QuoteEntity).findOneBy({ id: quoteId });
    if (!quote) throw new NotFoundError(MarketplaceErrorCode.QuoteNotFound, 'Quote');
    try {
      return { quote, request: await this.requests.get(actor, quote.quoteRequestId) };
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(MarketplaceErrorCode.QuoteNotFound, 'Quote');
      throw err;
    }
  }

  /**
   * Credit of buying `amountCents` from the enterprise, under the obligation's frozen policy, with the offering's
   * labour share: the engine's purchase valuation of an invoice dated the later of today and the contract start
   * (the date matching values on too), capped by what the obligation still lacks.
   */
  async projectedCredit(
    m: EntityManager,
    obligation: ObligationEntity,
    request: QuoteRequestEntity,
    amountCents: number,
  ): Promise<{ projectedCreditCents: number; countsFrom: string | null }> {
    const offering = request.offeringId
      ? await m.getRepository(OfferingEntity).findOneBy({ id: request.offeringId })
      : null;
    const contract = await m.getRepository(ContractEntity).findOneByOrFail({ id: obligation.contractId });
    const today = todayInNl();
    const result = await this.obligations.valuation(m, obligation, {
      category: 'social_purchase',
      supplierOrganisationId: request.socialEnterpriseId,
      invoiceNumber: 'quote',
      invoiceDate: valuationDate(contract.startDate, today),
      amountCents,
      ...(offering?.labourShare != null ? { labourShare: offering.labourShare } : {}),
    });
    const from = countsFrom(contract.startDate, today);
    if (!result.countable) return { projectedCreditCents: 0, countsFrom: from };
    const [{ claimed }] = await m
      .getRepository(ContributionEntity)
      .createQueryBuilder('c')
      .select('COALESCE(SUM(c.claimed_value_cents), 0)', 'claimed')
      .where('c.obligation_id = :id', { id: obligation.id })
      .andWhere("c.status <> 'rejected'")
      .getRawMany<{ claimed: string }>();
    return {
      projectedCreditCents: cappedCredit(result.valueCents, obligation.amountCents, Number(claimed)),
      countsFrom: from,
    };
  }

  /** The quote and its request, both locked (request first, like every writer), for the contractor's decision. */
  private async forStep(
    actor: Actor,
    quoteId: string,
    m: EntityManager,
  ): Promise<{ quote: QuoteEntity; request: QuoteRequestEntity }> {
    const found = await m.getRepository(QuoteEntity).findOneBy({ id: quoteId });
    if (!found) throw new NotFoundError(MarketplaceErrorCode.QuoteNotFound, 'Quote');
    let request: QuoteRequestEntity;
    try {
      request = await this.requests.forStep(actor, found.quoteRequestId, m, 'contractor');
    } catch (err) {
      if (err instanceof NotFoundError) throw new NotFoundError(MarketplaceErrorCode.QuoteNotFound, 'Quote');
      throw err;
    }
    const quote = await m
      .getRepository(QuoteEntity)
      .createQueryBuilder('q')
      .setLock('pessimistic_write')
      .where('q.id = :id', { id: quoteId })
      .getOneOrFail();
    return { quote, request };
  }

  /** A decision that closes the quote: rejected by the contractor, or superseded by a newer quote. */
  private async decide(
    m: EntityManager,
    actor: Actor,
    request: QuoteRequestEntity,
    quote: QuoteEntity,
    event: 'reject' | 'supersede',
    notify?: Step['notify'],
  ): Promise<QuoteEntity> {
    const before = { ...quote };
    quote.status = advance(QUOTE_MACHINE, 'quote', quote.status, event);
    quote.decidedAt = new Date();
    return this.steps.save(m, QuoteEntity, quote, {
      buyerOrganisationId: request.buyerOrganisationId,
      actor,
      entityType: 'quote',
      action: event,
      before,
      notify,
    });
  }
}
