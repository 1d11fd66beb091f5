import { todayInNl } from '@app/common';
import {
  ObligationEntity,
  OfferingEntity,
  OrganisationEntity,
  QuoteRequestEntity,
  UserEntity,
} from '@app/database';
import { DataSource } from 'typeorm';
import { Actor } from '../identity/actor';
import { OrdersService } from '../marketplace/orders.service';
import { QuoteRequestsService } from '../marketplace/quote-requests.service';
import { QuotesService } from '../marketplace/quotes.service';
import { addDays, minDate } from '../sroi/dates';

export interface MarketplaceServices {
  requests: QuoteRequestsService;
  quotes: QuotesService;
  orders: OrdersService;
}

async function actorOf(ds: DataSource, email: string): Promise<Actor> {
  const user = await ds
    .getRepository(UserEntity)
    .findOneOrFail({ where: { email }, relations: { organisation: true } });
  return {
    userId: user.id,
    role: user.role,
    organisationId: user.organisationId,
    organisationKind: user.organisation?.kind ?? null,
  };
}

/**
 * Demo marketplace data on the procurement demo's obligation, made through the API's services: Kennemer
 * Facilitair asks Schoon Haarlem for a quote, accepts it, and Schoon Haarlem's invoice becomes a submitted
 * purchase contribution for the officer to review. Runs after the procurement demo; skipped when the
 * obligation already has a quote request.
 */
export async function seedMarketplaceDemo(ds: DataSource, s: MarketplaceServices): Promise<string[]> {
  const contractor = await actorOf(ds, 'inkoop@kennemerfacilitair.demo');
  const enterprise = await actorOf(ds, 'info@schoonhaarlem.demo');
  const obligation = await ds.getRepository(ObligationEntity).findOne({
    where: { contractorOrganisationId: contractor.organisationId! },
    order: { createdAt: 'ASC' },
  });
  if (!obligation) return [];
  if (await ds.getRepository(QuoteRequestEntity).countBy({ obligationId: obligation.id })) return [];
  const supplier = await ds.getRepository(OrganisationEntity).findOneByOrFail({ kvkNumber: '90000101' });
  const offering = await ds
    .getRepository(OfferingEntity)
    .findOneOrFail({ where: { organisationId: supplier.id }, order: { createdAt: 'ASC' } });

  const today = todayInNl();
  const { request } = await s.requests.create(contractor, {
    obligationId: obligation.id,
    offeringId: offering.id,
    description: 'Extra schoonmaak van drie wijkcentra tijdens de verbouwing, twee keer per week.',
    budgetCents: 1_500_000,
    neededBy: addDays(today, 30),
  });
  const quote = await s.quotes.create(enterprise, request.id, {
    amountCents: 1_380_000,
    validUntil: addDays(today, 30),
    message: 'Inclusief schoonmaakmiddelen en glasbewassing.',
  });
  const order = await s.quotes.accept(contractor, quote.id);
  // Inside the demo contract (2026-2027) and the enterprise's PSO certificate (until 2027-12-31).
  const { contribution } = await s.orders.invoice(enterprise, order.id, {
    invoiceNumber: 'SHS-2026-0212',
    invoiceDate: minDate(today, '2027-12-31'),
    amountCents: 690_000,
  });
  return [
    `marketplace: a quote request, a quote (EUR ${(quote.amountCents / 100).toFixed(2)}), its order and an invoice ` +
      `that became a submitted purchase contribution of EUR ${(contribution.claimedValueCents / 100).toFixed(2)}`,
  ];
}
