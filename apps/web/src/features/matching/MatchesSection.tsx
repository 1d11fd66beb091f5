import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { ErrorAlert, Notice, QueryState, RouterLink } from '../../ui/States';
import { QuoteRequestForm } from '../marketplace/QuoteRequestForm';
import { useMatches, useRefreshMatches } from './api';
import { JobProgress } from './JobProgress';
import { notCountingReason, Reasons } from './Reasons';

type Match = Schemas['MatchDto'];

/** The social enterprises that can help with an obligation, best first, and recomputing the list. */
export function MatchesSection({ obligationId }: { obligationId: string }) {
  const { t, date, locale, term } = useT();
  const matches = useMatches(obligationId);
  const { refresh, job } = useRefreshMatches(obligationId);
  // The newest list cannot be computed (the worker says why, in both languages); the list below is the last one.
  const failed = matches.data?.failed;
  return (
    <section className="bs-section" aria-labelledby="matches-h">
      <Heading level={2} id="matches-h">
        {t('ct.matches.title')}
      </Heading>
      <Paragraph>{t('ct.matches.lead')}</Paragraph>
      <div className="bs-actions">
        <Button
          type="button"
          appearance="secondary-action-button"
          busy={refresh.isPending}
          disabled={Boolean(job.data && job.data.status !== 'done' && job.data.status !== 'failed')}
          onClick={() => refresh.mutate()}
        >
          {t('ct.matches.refresh')}
        </Button>
        {matches.data?.computedAt && (
          <Paragraph className="bs-muted bs-inline-note">
            {t('ct.matches.computedAt', { date: date(matches.data.computedAt) })}
          </Paragraph>
        )}
      </div>
      {refresh.error && <ErrorAlert error={refresh.error} />}
      {job.data && !(failed && job.data.status === 'done') && (
        <JobProgress
          job={job.data}
          label={
            job.data.status === 'done'
              ? t('ct.matches.jobDone')
              : job.data.status === 'failed'
                ? t('ct.matches.jobFailed')
                : t('ct.matches.job', {
                    status: term('jobStatus', job.data.status),
                    progress: job.data.progress,
                  })
          }
        />
      )}
      {failed && (
        <Notice type="warning">
          {t('ct.matches.failed', { reason: locale === 'nl' ? failed.reasonNl : failed.reason })}
        </Notice>
      )}
      {matches.data?.pending && !job.data && <Paragraph role="status">{t('ct.matches.pending')}</Paragraph>}
      <QueryState
        query={matches}
        isEmpty={(d) => d.items.length === 0}
        empty={t('ct.matches.empty')}
        emptyAction={<RouterLink to="/">{t('nav.home')}</RouterLink>}
      >
        {({ items }) => (
          <ol className="bs-cards" aria-label={t('ct.matches.title')}>
            {items.map((m) => (
              <MatchCard key={m.offeringId} obligationId={obligationId} m={m} />
            ))}
          </ol>
        )}
      </QueryState>
    </section>
  );
}

function MatchCard({ obligationId, m }: { obligationId: string; m: Match }) {
  const { t, money, num, date, locale } = useT();
  const [asking, setAsking] = useState(false);
  return (
    <li className="bs-card">
      <Heading level={3}>{m.offeringTitle}</Heading>
      <Paragraph>
        <RouterLink to={`/enterprises/${m.socialEnterpriseId}`}>
          {t('ct.match.by', { name: m.socialEnterpriseName })}
        </RouterLink>
        {' · '}
        {t('ct.match.score', { pct: Math.round(m.score * 100) })}
        {m.distanceKm !== null ? ` · ${t('ct.match.distance', { km: num(m.distanceKm) })}` : ''}
      </Paragraph>
      {m.counts ? (
        <Paragraph>
          <strong>{t('ct.match.credit', { amount: money(m.projectedCreditCents) })}</strong>
          {m.spendToFillCents !== null && (
            <> · {t('ct.match.spend', { amount: money(m.spendToFillCents) })}</>
          )}
          {m.countsFrom && <> · {t('ct.match.countsFrom', { date: date(m.countsFrom) })}</>}
        </Paragraph>
      ) : (
        <Paragraph>
          <span className="utrecht-badge-status bs-badge-warning">{t('ct.match.notCounting')}</span>{' '}
          {t('ct.match.notCountingWhy', { reason: notCountingReason(m.reasons, locale) })}
        </Paragraph>
      )}
      <Reasons reasons={m.reasons} title={t('ct.match.reasons')} />
      {asking ? (
        <QuoteRequestForm obligationId={obligationId} match={m} />
      ) : (
        <div className="bs-actions">
          <Button
            type="button"
            appearance="secondary-action-button"
            aria-label={`${t('ct.match.request')}: ${m.offeringTitle}`}
            onClick={() => setAsking(true)}
          >
            {t('ct.match.request')}
          </Button>
        </div>
      )}
    </li>
  );
}
