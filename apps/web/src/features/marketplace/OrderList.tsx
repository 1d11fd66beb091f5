import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { Schemas } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { PageHeading, QueryState } from '../../ui/States';
import { useOrders, useQuoteRequests } from './api';

type Order = Schemas['OrderResponseDto'];

/**
 * One party's orders (both sides see the same cards): the heading, the empty state that says what to do next, and
 * per order what this party can do with it.
 */
export function OrderList({
  heading,
  lead,
  empty,
  next,
  actions,
}: {
  heading: ReactNode;
  lead: ReactNode;
  empty: ReactNode;
  next: ReactNode;
  actions: (o: Order) => ReactNode;
}) {
  const orders = useOrders();
  const requests = useQuoteRequests();
  const titles = new Map((requests.data?.items ?? []).map((r) => [r.id, r.offeringTitle]));
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <Lead>{lead}</Lead>
      <QueryState query={orders} isEmpty={(d) => d.items.length === 0} empty={empty} emptyAction={next}>
        {({ items }) => (
          <ul className="bs-cards">
            {items.map((o) => (
              <OrderCard key={o.id} o={o} title={titles.get(o.quoteRequestId) ?? ''}>
                {actions(o)}
              </OrderCard>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

/** An order with its invoices; each invoice shows the contribution it created and that contribution's status. */
function OrderCard({ o, title, children }: { o: Order; title: string; children?: ReactNode }) {
  const { t, money, date } = useT();
  const { me } = useAuth();
  // Named by the tender, the other party and the day it was ordered: two orders never read the same.
  const counterpart = me?.role === 'social_enterprise' ? o.contractorName : o.socialEnterpriseName;
  return (
    <li className="bs-card">
      <Heading level={2}>
        {t('mk.order.heading', {
          tender: o.tenderTitle ?? title,
          counterpart: counterpart ?? '',
          date: date(o.createdAt),
        })}
      </Heading>
      {title && <Paragraph>{t('mk.deal.offering', { title })}</Paragraph>}
      {o.contractPeriod && (
        <Paragraph>
          {t('mk.deal.period', {
            start: date(o.contractPeriod.startDate),
            end: date(o.contractPeriod.endDate),
          })}
        </Paragraph>
      )}
      <Paragraph>
        <Status list="orderStatus" value={o.status} /> ·{' '}
        {t('mk.order.line', { amount: money(o.amountCents), invoiced: money(o.invoicedCents) })}
      </Paragraph>
      <Heading level={3}>{t('mk.order.invoices')}</Heading>
      {o.invoices.length === 0 ? (
        <Paragraph className="bs-muted">{t('mk.order.noInvoices')}</Paragraph>
      ) : (
        <ul className="bs-list">
          {o.invoices.map((i) => (
            <li key={i.id}>
              {t('mk.invoice.line', {
                number: i.invoiceNumber,
                date: date(i.invoiceDate),
                amount: money(i.amountCents),
              })}
              <br />
              {t('mk.invoice.contribution', { amount: money(i.contribution.claimedValueCents) })}{' '}
              <Status list="contributionStatus" value={i.contribution.status} />
              {i.contribution.verifiedValueCents !== null &&
                ` ${t('mk.invoice.verified', { amount: money(i.contribution.verifiedValueCents) })}`}
            </li>
          ))}
        </ul>
      )}
      {children}
    </li>
  );
}
