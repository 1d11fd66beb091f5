import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { Lead } from '../../ui/Bits';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { ReservedBadge, useCodeLabel } from '../tenders/TenderFacts';
import { useOpportunities } from './api';
import { notCountingReason, Reasons } from './Reasons';

/** Where the social enterprise's offerings would help: awarded obligations and open tenders, best first. */
export function OpportunitiesPage() {
  const { t, money, date, locale } = useT();
  const { me } = useAuth();
  const list = useOpportunities(me?.organisation?.id ?? '');
  const label = useCodeLabel();
  return (
    <>
      <PageHeading>{t('se.opps.title')}</PageHeading>
      <Lead>{t('se.opps.lead')}</Lead>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={t('se.opps.empty')}
        emptyAction={<RouterLink to="/enterprise/offerings">{t('se.offerings.title')}</RouterLink>}
      >
        {({ items }) => (
          <ol className="bs-cards">
            {items.map((o) => (
              <li className="bs-card" key={`${o.kind}-${o.obligationId ?? o.tenderId}-${o.offeringId}`}>
                <Heading level={2}>{o.tenderTitle}</Heading>
                {o.reserved && (
                  <Paragraph>
                    <ReservedBadge reserved={o.reserved} full />
                  </Paragraph>
                )}
                <Paragraph>
                  {t(o.kind === 'obligation' ? 'se.opps.kind.obligation' : 'se.opps.kind.tender')} ·{' '}
                  {t('ct.match.score', { pct: Math.round(o.score * 100) })}
                </Paragraph>
                <Paragraph>{t('se.opps.for', { title: o.offeringTitle, buyer: o.buyerName })}</Paragraph>
                {o.counts ? (
                  <Paragraph>
                    <strong>{t('se.opps.credit', { amount: money(o.projectedCreditCents) })}</strong>
                    {o.countsFrom && <> · {t('ct.match.countsFrom', { date: date(o.countsFrom) })}</>}
                  </Paragraph>
                ) : (
                  <Paragraph>
                    <span className="bs-badge-warning">{t('ct.match.notCounting')}</span>{' '}
                    {t('ct.match.notCountingWhy', { reason: notCountingReason(o.reasons, locale) })}
                  </Paragraph>
                )}
                {o.socialObjectives.length > 0 && (
                  <>
                    <Paragraph>{t('tenders.socialObjectives')}:</Paragraph>
                    <ul className="bs-list">
                      {o.socialObjectives.map((s) => (
                        <li key={s.code}>{label(s)}</li>
                      ))}
                    </ul>
                  </>
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
      </QueryState>
    </>
  );
}
