import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { parseMoney } from '../../i18n/format';
import type { MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';
import { TextField } from '../../ui/Fields';
import { EmptyState, ErrorAlert, Loading, Notice, PageHeading, RouterLink } from '../../ui/States';
import { OrderList, useQuoteRequests } from '../contractor/MarketplacePages';
import { Lead, notCountingReason, Reasons, today, useT2 } from '../contractor/shared';

type QuoteRequest = Schemas['QuoteRequestResponseDto'];
type Order = Schemas['OrderResponseDto'];

export function OpportunitiesPage() {
  const { t, money, locale } = useT2();
  const { me } = useAuth();
  const id = me?.organisation?.id ?? '';
  const list = useQuery({
    queryKey: ['opportunities', id],
    staleTime: 0,
    queryFn: () =>
      call(
        api.GET('/social-enterprises/{id}/opportunities', {
          params: { path: { id }, query: { limit: 50 } },
        }),
      ),
    enabled: Boolean(id),
  });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeading>{t('se.opps.title')}</PageHeading>
      <Lead>{t('se.opps.lead')}</Lead>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState action={<RouterLink to="/enterprise/offerings">{t('se.offerings.title')}</RouterLink>}>
          {t('se.opps.empty')}
        </EmptyState>
      ) : (
        <ol className="bs-cards">
          {items.map((o) => (
            <li className="bs-card" key={`${o.kind}-${o.obligationId ?? o.tenderId}-${o.offeringId}`}>
              <Heading level={2}>{o.tenderTitle}</Heading>
              <Paragraph>
                {t(o.kind === 'obligation' ? 'se.opps.kind.obligation' : 'se.opps.kind.tender')} ·{' '}
                {t('ct.match.score', { pct: Math.round(o.score * 100) })}
              </Paragraph>
              <Paragraph>{t('se.opps.for', { title: o.offeringTitle, buyer: o.buyerName })}</Paragraph>
              {o.counts ? (
                <Paragraph>
                  <strong>{t('se.opps.credit', { amount: money(o.projectedCreditCents) })}</strong>
                </Paragraph>
              ) : (
                <Paragraph>
                  <span className="bs-badge-warning">{t('ct.match.notCounting')}</span>{' '}
                  {t('ct.match.notCountingWhy', { reason: notCountingReason(o.reasons, locale) })}
                </Paragraph>
              )}
              <Reasons reasons={o.reasons} title={t('se.opps.reasons')} />
              {o.kind === 'tender' && (
                <Paragraph>
                  <RouterLink to={`/tenders/${o.tenderId}`}>{o.tenderTitle}</RouterLink>
                </Paragraph>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function AnswerForms({ r, onAnswered }: { r: QuoteRequest; onAnswered: () => void }) {
  const { t, locale, fieldErrors } = useT2();
  const qc = useQueryClient();
  const [amount, setAmount] = useState('');
  const [validUntil, setValidUntil] = useState(today(30));
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const done = () => {
    onAnswered();
    void qc.invalidateQueries({ queryKey: ['quote-requests'] });
  };
  const quote = useMutation({
    mutationFn: (body: Schemas['CreateQuoteDto']) =>
      call(api.POST('/quote-requests/{id}/quotes', { params: { path: { id: r.id } }, body })),
    onSuccess: done,
  });
  const decline = useMutation({
    mutationFn: () =>
      call(
        api.POST('/quote-requests/{id}/decline', {
          params: { path: { id: r.id } },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      ),
    onSuccess: done,
  });
  if (quote.isSuccess) return <Notice>{t('se.quote.sent')}</Notice>;
  if (decline.isSuccess) return <Notice>{t('se.decline.done')}</Notice>;
  const send = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(amount, locale);
    setLocal(cents === null ? { amountCents: t('tender.f.value.invalid') } : {});
    if (cents === null) return;
    quote.mutate({ amountCents: cents, validUntil, ...(message.trim() ? { message: message.trim() } : {}) });
  };
  const errors = { ...fieldErrors(quote.error), ...local };
  return (
    <>
      <form onSubmit={send} className="bs-form bs-answer" noValidate>
        <Heading level={3}>{t('se.quote.title')}</Heading>
        {quote.error && Object.keys(fieldErrors(quote.error)).length === 0 && (
          <ErrorAlert error={quote.error} />
        )}
        <div className="bs-row">
          <TextField
            label={t('se.quote.amount')}
            value={amount}
            onChange={setAmount}
            error={errors.amountCents}
            inputMode="decimal"
            required
          />
          <TextField
            label={t('se.quote.validUntil')}
            type="date"
            value={validUntil}
            onChange={setValidUntil}
            error={errors.validUntil}
          />
        </div>
        <TextField
          label={`${t('se.quote.message')} ${t('common.optional')}`}
          value={message}
          onChange={setMessage}
          error={errors.message}
          multiline
        />
        <div className="bs-actions">
          <Button type="submit" appearance="primary-action-button" busy={quote.isPending}>
            {t('se.quote.send')}
          </Button>
        </div>
      </form>
      <details className="bs-reasons">
        <summary>{t('se.decline.title')}</summary>
        <form
          className="bs-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            decline.mutate();
          }}
        >
          {decline.error && <ErrorAlert error={decline.error} />}
          <TextField
            label={`${t('se.decline.reason')} ${t('common.optional')}`}
            value={reason}
            onChange={setReason}
            error={fieldErrors(decline.error).reason}
          />
          <div className="bs-actions">
            <Button type="submit" appearance="secondary-action-button" hint="danger" busy={decline.isPending}>
              {t('se.decline.send')}
            </Button>
          </div>
        </form>
      </details>
    </>
  );
}

/** One request; its answer forms stay until the person has seen the outcome, even once the list has refetched. */
function IncomingRequest({ r }: { r: QuoteRequest }) {
  const { t, money, date } = useT2();
  const [answered, setAnswered] = useState(false);
  return (
    <li className="bs-card">
      <Heading level={2}>{r.offeringTitle}</Heading>
      <Paragraph>
        <Status prefix="mk.qrStatus" value={r.status} />
      </Paragraph>
      <Paragraph>{t('ct.qrs.asked', { date: date(r.createdAt), description: r.description })}</Paragraph>
      {(r.budgetCents !== null || r.neededBy) && (
        <Paragraph>
          {[
            r.budgetCents !== null ? t('se.qrs.budget', { amount: money(r.budgetCents) }) : '',
            r.neededBy ? t('se.qrs.neededBy', { date: date(r.neededBy) }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Paragraph>
      )}
      {r.quotes.map((q) => (
        <Paragraph key={q.id}>
          {t('ct.quote.line', { amount: money(q.amountCents), date: date(q.validUntil) })}{' '}
          <Status prefix="mk.quoteStatus" value={q.status} />
        </Paragraph>
      ))}
      {(r.status === 'open' || answered) && <AnswerForms r={r} onAnswered={() => setAnswered(true)} />}
    </li>
  );
}

export function IncomingRequestsPage() {
  const { t } = useT2();
  const list = useQuoteRequests();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeading>{t('se.qrs.title')}</PageHeading>
      <Lead>{t('se.qrs.lead')}</Lead>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState action={<RouterLink to="/enterprise/offerings">{t('se.offerings.title')}</RouterLink>}>
          {t('se.qrs.empty')}
        </EmptyState>
      ) : (
        <ul className="bs-cards">
          {items.map((r) => (
            <IncomingRequest key={r.id} r={r} />
          ))}
        </ul>
      )}
    </>
  );
}

function InvoiceForm({ o }: { o: Order }) {
  const { t, money, locale, fieldErrors } = useT2();
  const qc = useQueryClient();
  const [number, setNumber] = useState('');
  const [invoiceDate, setInvoiceDate] = useState(today());
  const [amount, setAmount] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: (body: Schemas['CreateInvoiceDto']) =>
      call(api.POST('/orders/{id}/invoices', { params: { path: { id: o.id } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['orders'] });
      setNumber('');
      setAmount('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(amount, locale);
    const errs: Record<string, string> = {};
    if (cents === null) errs.amountCents = t('tender.f.value.invalid');
    if (!number.trim()) errs.invoiceNumber = t('register.required');
    setLocal(errs);
    if (cents === null || Object.keys(errs).length) return;
    send.mutate({ invoiceNumber: number.trim(), invoiceDate, amountCents: cents });
  };
  const errors = { ...fieldErrors(send.error), ...local };
  if (o.status !== 'open') return null;
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      <Heading level={3}>{t('se.invoice.send')}</Heading>
      {send.error && Object.keys(fieldErrors(send.error)).length === 0 && <ErrorAlert error={send.error} />}
      {send.data && (
        <Notice>
          {t('se.invoice.sent', {
            amount: money(send.data.contribution.claimedValueCents),
            status: t(`contribStatus.${send.data.contribution.status}` as MessageId),
          })}
        </Notice>
      )}
      <div className="bs-row">
        <TextField
          label={t('se.invoice.number')}
          value={number}
          onChange={setNumber}
          error={errors.invoiceNumber}
        />
        <TextField
          label={t('se.invoice.date')}
          type="date"
          value={invoiceDate}
          onChange={setInvoiceDate}
          error={errors.invoiceDate}
        />
        <TextField
          label={t('se.invoice.amount')}
          value={amount}
          onChange={setAmount}
          error={errors.amountCents}
          inputMode="decimal"
        />
      </div>
      <div className="bs-actions">
        <Button type="submit" appearance="primary-action-button" busy={send.isPending}>
          {t('se.invoice.send')}
        </Button>
      </div>
    </form>
  );
}

export function EnterpriseOrdersPage() {
  const { t } = useT2();
  return (
    <OrderList
      heading={t('se.orders.title')}
      lead={t('se.orders.lead')}
      empty={t('se.orders.empty')}
      next={<RouterLink to="/enterprise/quote-requests">{t('se.qrs.title')}</RouterLink>}
      actions={(o) => <InvoiceForm o={o} />}
    />
  );
}
