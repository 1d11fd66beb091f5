import { Paragraph } from '@utrecht/component-library-react';
import { useRef } from 'react';
import { useT } from '../../i18n/LocaleProvider';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useOwnTenderTitles } from '../tenders/api';
import { useContributionsOfEach, useObligations } from './api';
import { ContributionCard } from './ContributionCard';

/**
 * The queue across all of the buyer's obligations. The API lists contributions per obligation only, so this asks
 * each obligation (first 100 obligations, 100 contributions each) and keeps the submitted ones.
 */
export function ReviewPage() {
  const { t } = useT();
  const obligations = useObligations();
  const titles = useOwnTenderTitles();
  const obs = obligations.data?.items ?? [];
  // Fresh on every visit: what waits comes from contractors, and an obligation page seen a moment ago cached its list.
  const lists = useContributionsOfEach(
    obs.map((o) => o.id),
    { fresh: true },
  );
  // Once shown, a contribution stays in view after its review, so the officer sees the outcome.
  const seen = useRef(new Set<string>());
  const all = lists.flatMap((l, i) => (l.data?.items ?? []).map((c) => ({ c, tenderId: obs[i]?.tenderId })));
  for (const x of all) if (x.c.status === 'submitted') seen.current.add(x.c.id);
  const queue = all.filter((x) => seen.current.has(x.c.id));
  const error = obligations.error ?? lists.find((l) => l.error)?.error;
  return (
    <>
      <PageHeading>{t('review.title')}</PageHeading>
      <Paragraph appearance="lead">{t('review.lead')}</Paragraph>
      <QueryState
        query={{
          isPending: obligations.isPending || lists.some((l) => l.isPending),
          isError: Boolean(error),
          error,
          data: queue,
        }}
        isEmpty={(q) => q.length === 0}
        empty={t('review.empty')}
        emptyAction={<RouterLink to="/officer/obligations">{t('nav.obligations')}</RouterLink>}
      >
        {(q) => (
          <ul className="bs-cards">
            {q.map(({ c, tenderId }) => (
              <ContributionCard
                key={c.id}
                c={c}
                heading={t('review.for', { tender: titles.get(tenderId ?? '') ?? '' })}
              />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
