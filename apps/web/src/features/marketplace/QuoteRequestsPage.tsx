import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useQuoteRequests } from './api';
import { QuoteAnswerForms } from './QuoteAnswerForms';

/** The quote requests a social enterprise received, each with its answer forms while it is open. */
export function QuoteRequestsPage() {
  const { t } = useT();
  const list = useQuoteRequests();
  return (
    <>
      <PageHeading>{t('se.qrs.title')}</PageHeading>
      <Lead>{t('se.qrs.lead')}</Lead>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={t('se.qrs.empty')}
        emptyAction={<RouterLink to="/enterprise/offerings">{t('se.offerings.title')}</RouterLink>}
      >
        {({ items }) => (
          <ul className="bs-cards">
            {items.map((r) => (
              <IncomingRequest key={r.id} r={r} />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

/** One request; its answer forms stay until the person has seen the outcome, even once the list has refetched. */
function IncomingRequest({ r }: { r: Schemas['QuoteRequestResponseDto'] }) {
  const { t, money, date } = useT();
  const [answered, setAnswered] = useState(false);
  return (
    <li className="bs-card">
      <Heading level={2}>{r.offeringTitle}</Heading>
      <Paragraph>
        <Status list="quoteRequestStatus" value={r.status} />
      </Paragraph>
      {r.contractorName && (
        <Paragraph>
          {t('mk.deal.askedBy', { contractor: r.contractorName, tender: r.tenderTitle ?? '' })}
        </Paragraph>
      )}
      {r.contractPeriod && (
        <Paragraph>
          {t('mk.deal.period', {
            start: date(r.contractPeriod.startDate),
            end: date(r.contractPeriod.endDate),
          })}
        </Paragraph>
      )}
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
          <Status list="quoteStatus" value={q.status} />
        </Paragraph>
      ))}
      {(r.status === 'open' || answered) && <QuoteAnswerForms r={r} onAnswered={() => setAnswered(true)} />}
    </li>
  );
}
