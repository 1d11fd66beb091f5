import { ConflictError, NotFoundError, Page, withUniqueConflicts } from '@app/common';
import {
  ContributionEntity,
  InvoiceEntity,
  ObligationEntity,
  OfferingEntity,
  pageNewestFirst,
  PurchaseOrderEntity,
  QuoteRequestEntity,
} from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../identity/actor';
import { CONTRIBUTION_CONFLICTS, ObligationsService } from '../obligations/obligations.service';
import { invoiceKey } from '../obligations/contribution-input';
import { MarketplaceErrorCode } from './marketplace.errors';
import { advance, dealForStep, findDeal, MarketplaceSteps } from './marketplace-steps.service';
import { visibleDealsWhere } from './deal-visibility';
import { MarketplaceListQuery } from './quote-requests.service';
import { ORDER_MACHINE } from './transitions';
import { DealContext, dealContexts } from './deal-context';

export interface CreateInvoiceInput {
  invoiceNumber: string;
  invoiceDate: string;
  amountCents: number;
}

export interface InvoiceView {
  invoice: InvoiceEntity;
  contribution: ContributionEntity;
}

export interface OrderView {
  order: PurchaseOrderEntity;
  invoices: InvoiceView[];
  context: DealContext;
}

@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly obligations: ObligationsService,
    private readonly steps: MarketplaceSteps,
  ) {}

  async list(actor: Actor, q: MarketplaceListQuery): Promise<Page<OrderView>> {
    const visible = visibleDealsWhere(actor, 'o');
    if (!visible) return { items: [], nextCursor: null };
    const qb = this.ds
      .getRepository(PurchaseOrderEntity)
      .createQueryBuilder('o')
      .where(visible.sql, visible.params);
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    if (q.obligationId) qb.andWhere('o.obligation_id = :obligationId', { obligationId: q.obligationId });
    const page = await pageNewestFirst(qb, 'o', q);
    return { items: await this.withInvoices(page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<OrderView> {
    const { row: order } = await findDeal(this.ds.manager, PurchaseOrderEntity, actor, id, orderNotFound);
    return (await this.withInvoices([order]))[0];
  }

  /**
   * The enterprise invoices the order: in one transaction the invoice and a submitted `social_purchase`
   * contribution on the order's obligation, through the same submission path (and valuation on the invoice
   * date) as a contribution typed in by the contractor. The invoice counts once platform-wide: the
   * contribution's partial unique index and the invoice's own key both answer 409 DUPLICATE_INVOICE.
   */
  async invoice(actor: Actor, orderId: string, input: CreateInvoiceInput): Promise<InvoiceView> {
    return withUniqueConflicts(
      () =>
        this.ds.transaction(async (m) => {
          // Locked, so invoices and completion of one order queue up behind each other.
          const order = await dealForStep(
            m,
            PurchaseOrderEntity,
            actor,
            orderId,
            'social_enterprise',
            orderNotFound,
          );
          advance(ORDER_MACHINE, 'order', order.status, 'invoice');
          const obligation = await m
            .getRepository(ObligationEntity)
            .findOneByOrFail({ id: order.obligationId });
          const labourShare = await this.labourShare(m, order);
          const contribution = await this.obligations.record(
            m,
            actor,
            obligation,
            {
              category: 'social_purchase',
              supplierOrganisationId: order.socialEnterpriseId,
              invoiceNumber: input.invoiceNumber.trim(),
              invoiceDate: input.invoiceDate,
              amountCents: input.amountCents,
              ...(labourShare != null ? { labourShare } : {}),
            },
            { orderId: order.id },
          );
          const row = m.getRepository(InvoiceEntity).create({
            orderId: order.id,
            socialEnterpriseId: order.socialEnterpriseId,
            invoiceNumber: input.invoiceNumber.trim(),
            invoiceKey: invoiceKey(input.invoiceNumber),
            invoiceDate: input.invoiceDate,
            amountCents: input.amountCents,
            contributionId: contribution.id,
            createdBy: actor.userId,
          });
          const invoice = await this.steps.save(m, InvoiceEntity, row, {
            buyerOrganisationId: order.buyerOrganisationId,
            actor,
            entityType: 'invoice',
            action: 'create',
            notify: {
              organisationId: order.contractorOrganisationId,
              kind: 'invoice_received',
              params: {
                invoiceNumber: row.invoiceNumber,
                amountCents: row.amountCents,
                creditCents: contribution.claimedValueCents,
              },
            },
          });
          return { invoice, contribution };
        }),
      {
        ...CONTRIBUTION_CONFLICTS,
        uq_invoice_supplier_number: () =>
          new ConflictError(
            MarketplaceErrorCode.DuplicateInvoice,
            'This enterprise already recorded an invoice with this number',
            [{ field: 'invoiceNumber', message: 'already recorded on the platform' }],
          ),
      },
    );
  }

  async complete(actor: Actor, orderId: string): Promise<OrderView> {
    await this.ds.transaction(async (m) => {
      const order = await dealForStep(m, PurchaseOrderEntity, actor, orderId, 'contractor', orderNotFound);
      const before = { ...order };
      order.status = advance(ORDER_MACHINE, 'order', order.status, 'complete');
      order.completedAt = new Date();
      await this.steps.save(m, PurchaseOrderEntity, order, {
        buyerOrganisationId: order.buyerOrganisationId,
        actor,
        entityType: 'purchase_order',
        action: 'complete',
        before,
        notify: {
          organisationId: order.socialEnterpriseId,
          kind: 'order_completed',
          params: { amountCents: order.amountCents },
        },
      });
    });
    return this.get(actor, orderId);
  }

  /** The offering's labour share today (needed by policies that count the labour component only). */
  private async labourShare(m: EntityManager, order: PurchaseOrderEntity): Promise<number | null> {
    const request = await m.getRepository(QuoteRequestEntity).findOneByOrFail({ id: order.quoteRequestId });
    if (!request.offeringId) return null;
    const offering = await m.getRepository(OfferingEntity).findOneBy({ id: request.offeringId });
    return offering?.labourShare ?? null;
  }

  /** Orders as the API shows them: with their invoices and names (see `DealContext`). */
  async withInvoices(orders: PurchaseOrderEntity[]): Promise<OrderView[]> {
    if (!orders.length) return [];
    const invoices = await this.ds.getRepository(InvoiceEntity).find({
      where: { orderId: In(orders.map((o) => o.id)) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const contributions = invoices.length
      ? await this.ds
          .getRepository(ContributionEntity)
          .findBy({ id: In(invoices.map((i) => i.contributionId)) })
      : [];
    const contexts = await dealContexts(this.ds.manager, orders);
    return orders.map((order, i) => ({
      order,
      context: contexts[i],
      invoices: invoices
        .filter((i) => i.orderId === order.id)
        .map((invoice) => ({
          invoice,
          contribution: contributions.find((c) => c.id === invoice.contributionId)!,
        })),
    }));
  }
}

const orderNotFound = () => new NotFoundError(MarketplaceErrorCode.OrderNotFound, 'Order');
