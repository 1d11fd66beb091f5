import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Status } from '../../ui/Bits';
import { EmptyState, ErrorAlert, Loading, Notice, PageHeading, RouterLink } from '../../ui/States';
import { Lead, useT2 } from './shared';

type QuoteRequest = Schemas['QuoteRequestResponseDto'];
type Quote = Schemas['QuoteResponseDto'];
type Order = Schemas['OrderResponseDto'];

export function useQuoteRequests() {
  return useQuery({
    queryKey: ['quote-requests'],
    staleTime: 0,
    queryFn: () => call(api.GET('/quote-requests', { params: { query: { limit: 100 } } })),
  });
}

export function useOrders() {
  return useQuery({
    queryKey: ['orders'],
    staleTime: 0,
    queryFn: () => call(api.GET('/orders', { params: { query: { limit: 100 } } })),
  });
}

function QuoteRow({ q }: { q: Quote }) {
  const { t, money, date } = useT2();
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: ['quote-requests'] });
    void qc.invalidateQueries({ queryKey: ['orders'] });
  };
  const accept = useMutation({
    mutationFn: () => call(api.POST('/quotes/{id}/accept', { params: { path: { id: q.id } } })),
    onSuccess: done,
  });
  const reject = useMutation({
    mutationFn: () => call(api.POST('/quotes/{id}/reject', { params: { path: { id: q.id } } })),
    onSuccess: done,
  });
  return (
    <li>
      <Paragraph>
        {t('ct.quote.line', { amount: money(q.amountCents), date: date(q.validUntil) })}{' '}
        <Status prefix="mk.quoteStatus" value={q.status} />
        {q.expired && q.status === 'open' && <> · {t('ct.quote.expired')}</>}
      </Paragraph>
      <Paragraph>{t('ct.quote.credit', { amount: money(q.projectedCreditCents) })}</Paragraph>
      {q.message && <Paragraph className="bs-muted">{q.message}</Paragraph>}
      {(accept.error || reject.error) && <ErrorAlert error={accept.error ?? reject.error} />}
      {accept.isSuccess && <Notice>{t('ct.quote.accepted')}</Notice>}
      {reject.isSuccess && <Notice>{t('ct.quote.rejected')}</Notice>}
      {q.status === 'open' && !q.expired && !accept.isSuccess && !reject.isSuccess && (
        <div className="bs-actions">
          <Button appearance="primary-action-button" busy={accept.isPending} onClick={() => accept.mutate()}>
            {t('ct.quote.accept')}
          </Button>
          <Button
            appearance="secondary-action-button"
            hint="danger"
            busy={reject.isPending}
            onClick={() => reject.mutate()}
          >
            {t('ct.quote.reject')}
          </Button>
        </div>
      )}
    </li>
  );
}

function RequestCard({ r }: { r: QuoteRequest }) {
  const { t, date } = useT2();
  return (
    <li className="bs-card">
      <Heading level={2}>{r.offeringTitle}</Heading>
      <Paragraph>
        <Status prefix="mk.qrStatus" value={r.status} /> ·{' '}
        <RouterLink to={`/contractor/obligations/${r.obligationId}`}>{t('tender.obligationLink')}</RouterLink>
      </Paragraph>
      <Paragraph>{t('ct.qrs.asked', { date: date(r.createdAt), description: r.description })}</Paragraph>
      {r.status === 'declined' && (
        <Paragraph>
          {t('ct.qrs.declined', { reason: r.declineReason ? `: ${r.declineReason}` : '' })}
        </Paragraph>
      )}
      {r.quotes.length ? (
        <ul className="bs-list">
          {r.quotes.map((q) => (
            <QuoteRow key={q.id} q={q} />
          ))}
        </ul>
      ) : (
        r.status === 'open' && <Paragraph className="bs-muted">{t('ct.qrs.noQuotes')}</Paragraph>
      )}
    </li>
  );
}

export function QuotesPage() {
  const { t } = useT2();
  const list = useQuoteRequests();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeading>{t('ct.qrs.title')}</PageHeading>
      <Lead>{t('ct.qrs.lead')}</Lead>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState action={<RouterLink to="/contractor/obligations">{t('ct.qrs.obligations')}</RouterLink>}>
          {t('ct.qrs.empty')}
        </EmptyState>
      ) : (
        <ul className="bs-cards">
          {items.map((r) => (
            <RequestCard key={r.id} r={r} />
          ))}
        </ul>
      )}
    </>
  );
}

/** An order with its invoices; each invoice shows the contribution it created and that contribution's status. */
export function OrderCard({ o, title, children }: { o: Order; title: string; children?: ReactNode }) {
  const { t, money, date } = useT2();
  return (
    <li className="bs-card">
      <Heading level={2}>{t('mk.order.title', { title })}</Heading>
      <Paragraph>
        <Status prefix="mk.orderStatus" value={o.status} /> ·{' '}
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
              <Status prefix="contribStatus" value={i.contribution.status} />
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

function CompleteButton({ o }: { o: Order }) {
  const { t } = useT2();
  const qc = useQueryClient();
  const complete = useMutation({
    mutationFn: () => call(api.POST('/orders/{id}/complete', { params: { path: { id: o.id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['orders'] }),
  });
  if (o.status !== 'open') return null;
  return (
    <div className="bs-actions">
      {complete.error && <ErrorAlert error={complete.error} />}
      <Button
        appearance="secondary-action-button"
        busy={complete.isPending}
        onClick={() => complete.mutate()}
      >
        {t('ct.orders.complete')}
      </Button>
    </div>
  );
}

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
  const items = orders.data?.items ?? [];
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <Lead>{lead}</Lead>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorAlert error={orders.error} />
      ) : items.length === 0 ? (
        <EmptyState action={next}>{empty}</EmptyState>
      ) : (
        <ul className="bs-cards">
          {items.map((o) => (
            <OrderCard key={o.id} o={o} title={titles.get(o.quoteRequestId) ?? ''}>
              {actions(o)}
            </OrderCard>
          ))}
        </ul>
      )}
    </>
  );
}

export function OrdersPage() {
  const { t } = useT2();
  return (
    <OrderList
      heading={t('ct.orders.title')}
      lead={t('ct.orders.lead')}
      empty={t('ct.orders.empty')}
      next={<RouterLink to="/contractor/quotes">{t('ct.qrs.title')}</RouterLink>}
      actions={(o) => <CompleteButton o={o} />}
    />
  );
}
