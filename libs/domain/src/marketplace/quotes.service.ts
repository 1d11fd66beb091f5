import {
  BusinessRuleError,
  ConflictError,
  formatEuro,
  NotFoundError,
  todayInNl,
  withUniqueConflicts,
} from '@app/common';
import {
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
import { advance, MarketplaceSteps } from './marketplace-steps.service';
import { QuoteRequestsService, QuoteRequestView } from './quote-requests.service';
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
      await m.getRepository(QuoteRequestEntity).save(request);
      // A first answer raises the enterprise's responsiveness, a factor of its match scores.
      if (firstAnswer) await this.matching.enterprisesChanged(m, [request.socialEnterpriseId]);

      const open = await m.getRepository(QuoteEntity).findBy({ quoteRequestId: request.id, status: 'open' });
      for (const earlier of open) await this.supersede(m, actor, request, earlier);

      const obligation = await this.requests.obligationOf(m, request);
      const projectedCreditCents = await this.projectedCredit(m, obligation, request, input.amountCents);
      const quote = await m.getRepository(QuoteEntity).save(
        m.getRepository(QuoteEntity).create({
          quoteRequestId: request.id,
          amountCents: input.amountCents,
          validUntil: input.validUntil,
          message: input.message?.trim() || null,
          status: 'open',
          projectedCreditCents,
          createdBy: actor.userId,
        }),
      );
      await this.steps.audit(m, {
        buyerOrganisationId: request.buyerOrganisationId,
        actor,
        entityType: 'quote_request',
        entityId: request.id,
        action: 'quote',
        before: requestBefore,
        after: request,
      });
      await this.steps.record(m, {
        buyerOrganisationId: request.buyerOrganisationId,
        actor,
        entityType: 'quote',
        entityId: quote.id,
        action: 'create',
        after: quote,
        notify: {
          organisationId: request.contractorOrganisationId,
          kind: 'quote_received',
          message: `Offerte voor "${request.offeringTitle}": ${formatEuro(quote.amountCents)}, geldig t/m ${
            quote.validUntil
          }; telt naar verwachting voor ${formatEuro(projectedCreditCents)} SROI.`,
        },
      });
      return quote;
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
          await m.getRepository(QuoteRequestEntity).save(request);
          quote.decidedAt = new Date();
          await m.getRepository(QuoteEntity).save(quote);
          const order = await m.getRepository(PurchaseOrderEntity).save(
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
          );
          await this.steps.audit(m, {
            buyerOrganisationId: request.buyerOrganisationId,
            actor,
            entityType: 'quote',
            entityId: quote.id,
            action: 'accept',
            before,
            after: quote,
          });
          await this.steps.audit(m, {
            buyerOrganisationId: request.buyerOrganisationId,
            actor,
            entityType: 'quote_request',
            entityId: request.id,
            action: 'order',
            before: requestBefore,
            after: request,
          });
          await this.steps.record(m, {
            buyerOrganisationId: request.buyerOrganisationId,
            actor,
            entityType: 'purchase_order',
            entityId: order.id,
            action: 'create',
            after: order,
            notify: {
              organisationId: request.socialEnterpriseId,
              kind: 'quote_accepted',
              message: `Uw offerte voor "${request.offeringTitle}" is geaccepteerd: opdracht van ${formatEuro(
                order.amountCents,
              )}.`,
            },
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
      const before = { ...quote };
      quote.status = advance(QUOTE_MACHINE, 'quote', quote.status, 'reject');
      quote.decidedAt = new Date();
      const saved = await m.getRepository(QuoteEntity).save(quote);
      await this.steps.record(m, {
        buyerOrganisationId: request.buyerOrganisationId,
        actor,
        entityType: 'quote',
        entityId: quote.id,
        action: 'reject',
        before,
        after: saved,
        notify: {
          organisationId: request.socialEnterpriseId,
          kind: 'quote_rejected',
          message: `Uw offerte van ${formatEuro(quote.amountCents)} voor "${request.offeringTitle}" is afgewezen.`,
        },
      });
      return saved;
    });
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
   * Credit of buying `amountCents` from the enterprise today, under the obligation's frozen policy, with the
   * offering's labour share: the engine's purchase valuation, capped by what the obligation still lacks.
   */
  async projectedCredit(
    m: EntityManager,
    obligation: ObligationEntity,
    request: QuoteRequestEntity,
    amountCents: number,
  ): Promise<number> {
    const offering = request.offeringId
      ? await m.getRepository(OfferingEntity).findOneBy({ id: request.offeringId })
      : null;
    const result = await this.obligations.valuation(m, obligation, {
      category: 'social_purchase',
      supplierOrganisationId: request.socialEnterpriseId,
      invoiceNumber: 'quote',
      invoiceDate: todayInNl(),
      amountCents,
      ...(offering?.labourShare != null ? { labourShare: offering.labourShare } : {}),
    });
    if (!result.countable) return 0;
    const [{ claimed }] = await m
      .getRepository(ContributionEntity)
      .createQueryBuilder('c')
      .select('COALESCE(SUM(c.claimed_value_cents), 0)', 'claimed')
      .where('c.obligation_id = :id', { id: obligation.id })
      .andWhere("c.status <> 'rejected'")
      .getRawMany<{ claimed: string }>();
    return cappedCredit(result.valueCents, obligation.amountCents, Number(claimed));
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

  private async supersede(
    m: EntityManager,
    actor: Actor,
    request: QuoteRequestEntity,
    quote: QuoteEntity,
  ): Promise<void> {
    const before = { ...quote };
    quote.status = advance(QUOTE_MACHINE, 'quote', quote.status, 'supersede');
    quote.decidedAt = new Date();
    await m.getRepository(QuoteEntity).save(quote);
    await this.steps.audit(m, {
      buyerOrganisationId: request.buyerOrganisationId,
      actor,
      entityType: 'quote',
      entityId: quote.id,
      action: 'supersede',
      before,
      after: quote,
    });
  }
}
