import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { ErrorAlert, Notice, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useAcceptQuote, useQuoteRequests, useRejectQuote } from './api';

type QuoteRequest = Schemas['QuoteRequestResponseDto'];
type Quote = Schemas['QuoteResponseDto'];

/** The contractor's quote requests and the quotes they brought, to accept or reject. */
export function QuotesPage() {
  const { t } = useT();
  const list = useQuoteRequests();
  return (
    <>
      <PageHeading>{t('ct.qrs.title')}</PageHeading>
      <Lead>{t('ct.qrs.lead')}</Lead>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={t('ct.qrs.empty')}
        emptyAction={<RouterLink to="/contractor/obligations">{t('ct.qrs.obligations')}</RouterLink>}
      >
        {({ items }) => (
          <ul className="bs-cards">
            {items.map((r) => (
              <RequestCard key={r.id} r={r} />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

function RequestCard({ r }: { r: QuoteRequest }) {
  const { t, date } = useT();
  return (
    <li className="bs-card">
      <Heading level={2}>{r.offeringTitle}</Heading>
      {r.socialEnterpriseName && (
        <Paragraph>
          {t('mk.deal.askedOf', { enterprise: r.socialEnterpriseName, tender: r.tenderTitle ?? '' })}
        </Paragraph>
      )}
      <Paragraph>
        <Status list="quoteRequestStatus" value={r.status} /> ·{' '}
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

function QuoteRow({ q }: { q: Quote }) {
  const { t, money, date } = useT();
  const accept = useAcceptQuote(q.id);
  const reject = useRejectQuote(q.id);
  return (
    <li>
      <Paragraph>
        {t('ct.quote.line', { amount: money(q.amountCents), date: date(q.validUntil) })}{' '}
        <Status list="quoteStatus" value={q.status} />
        {q.expired && q.status === 'open' && <> · {t('ct.quote.expired')}</>}
      </Paragraph>
      <Paragraph>
        {t('ct.quote.credit', { amount: money(q.projectedCreditCents) })}
        {q.countsFrom && <> · {t('ct.quote.countsFrom', { date: date(q.countsFrom) })}</>}
      </Paragraph>
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
