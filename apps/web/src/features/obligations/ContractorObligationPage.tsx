import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { Notice, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { MatchesSection } from '../matching/MatchesSection';
import { BreakdownList } from '../policies/Breakdown';
import { useTenderTitles } from '../tenders/api';
import { useContributions, useObligation } from './api';
import { ContributionForm } from './contribution-form/ContributionForm';
import { ObligationFigures } from './ObligationFigures';

type Obligation = Schemas['ObligationResponseDto'];

/**
 * One obligation for the contractor: the figures and the same in sentences, who can help (matching), a new
 * contribution with its live valuation, and the contributions so far.
 */
export function ContractorObligationPage() {
  const { id = '' } = useParams();
  const ob = useObligation(id, { fresh: true });
  const titles = useTenderTitles(ob.data ? [ob.data.tenderId] : []);
  return (
    <QueryState query={ob} page>
      {(o) => <ContractorObligation o={o} title={titles.get(o.tenderId) ?? ''} />}
    </QueryState>
  );
}

function ContractorObligation({ o, title }: { o: Obligation; title: string }) {
  const { t, termLower } = useT();
  return (
    <>
      <PageHeading>
        {t('ct.obligation.title', { tender: title || t('ct.obligation.untitled', { id: o.id.slice(0, 8) }) })}
      </PageHeading>
      <Paragraph>
        <Status list="obligationStatus" value={o.status} /> ·{' '}
        {t('ct.obligation.policy', { version: o.policyVersion })}
      </Paragraph>
      {!o.applicable && o.reason && (
        <Notice type="info">
          {t('obligations.notApplicable', { reason: termLower('obligationReason', o.reason) })}
        </Notice>
      )}
      <ObligationFigures o={o} />
      <InWords o={o} />
      <Paragraph>
        <RouterLink to={`/contractor/reports?obligation=${o.id}`}>{t('ct.reports.request')}</RouterLink>
      </Paragraph>
      <MatchesSection obligationId={o.id} />
      <ContributionForm obligationId={o.id} />
      <ContributionsSection obligationId={o.id} />
    </>
  );
}

/** The obligation in sentences: amount, where it comes from, what is done and what the forecast says. */
function InWords({ o }: { o: Obligation }) {
  const { t, money, date } = useT();
  const forecast = o.forecastCents;
  return (
    <div className="bs-in-words">
      <Paragraph>
        {t('ct.obligation.inWords', {
          amount: money(o.amountCents),
          percentage: o.percentage,
          value: money(o.contractValueCents),
          due: date(o.dueDate),
          claimed: money(o.claimedCents),
          verified: money(o.verifiedCents),
          remaining: money(o.remainingCents),
        })}
      </Paragraph>
      {o.status === 'not_started' && (
        <Paragraph>{t('ct.obligation.notStarted', { start: date(o.contractPeriod.startDate) })}</Paragraph>
      )}
      {/* No forecast yet (before the start, or in the first tenth of the period): no sentence about the pace. */}
      {forecast !== null && (
        <Paragraph>
          {o.amountCents - forecast > 0
            ? t('ct.obligation.forecastShort', {
                forecast: money(forecast),
                short: money(o.amountCents - forecast),
              })
            : t('ct.obligation.forecastOk', { forecast: money(forecast) })}
        </Paragraph>
      )}
      <BreakdownList lines={o.breakdown} label={t('policy.breakdown')} />
    </div>
  );
}

function ContributionsSection({ obligationId }: { obligationId: string }) {
  const { t, money, date, term } = useT();
  const list = useContributions(obligationId, { fresh: true });
  return (
    <section className="bs-section" aria-labelledby="contribs-h">
      <Heading level={2} id="contribs-h">
        {t('ct.contributions.title')}
      </Heading>
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('ct.contributions.empty')}>
        {({ items }) => (
          <DataTable
            columns={[
              t('policy.evaluate.kind'),
              t('common.status'),
              t('obligations.claimed'),
              t('obligations.verified'),
              t('tender.audit.when'),
            ]}
          >
            {items.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{term('contributionCategory', c.category)}</TableCell>
                <TableCell>
                  <Status list="contributionStatus" value={c.status} />
                </TableCell>
                <TableCell>{money(c.claimedValueCents)}</TableCell>
                <TableCell>{c.verifiedValueCents !== null ? money(c.verifiedValueCents) : '—'}</TableCell>
                <TableCell>{date(c.createdAt)}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </QueryState>
    </section>
  );
}
