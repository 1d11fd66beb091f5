import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';
import { RouterLink } from '../../ui/States';
import type { Challenge } from './api';

/** "Schalkwijk (2031 AA)", "Schalkwijk" or "2031 AA"; empty without an area. */
export const areaWords = (c: Challenge): string =>
  c.area
    ? [c.area.name, c.area.postcode && (c.area.name ? `(${c.area.postcode})` : c.area.postcode)]
        .filter(Boolean)
        .join(' ')
    : '';

/** The facts of a challenge, shared by the public page and the officer's page. */
export function ChallengeFacts({ challenge: c }: { challenge: Challenge }) {
  const { t, money, date, term } = useT();
  const row = (key: MessageId, value: ReactNode) => (
    <DataListItem>
      <DataListKey>{t(key)}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
  return (
    <>
      <DataList className="bs-facts">
        {row('common.status', <Status list="challengeStatus" value={c.status} />)}
        {row('ch.kind', term('challengeKind', c.kind))}
        {row('ch.buyer', c.buyerName)}
        {row('ch.theme', c.theme)}
        {c.area && row('ch.area', areaWords(c))}
        {row('ch.deadline', date(c.deadline))}
        {row('ch.budget', c.budgetCents === null ? t('ch.budget.none') : money(c.budgetCents))}
        {c.rewardDescription && row('ch.reward', c.rewardDescription)}
        {c.targetGroups.length > 0 &&
          row('ch.targetGroups', c.targetGroups.map((g) => term('targetGroup', g)).join(', '))}
        {c.status !== 'draft' && row('ch.proposalCount', String(c.proposalCounts.total))}
      </DataList>
      <Heading level={2}>{t('ch.description')}</Heading>
      <Paragraph className="bs-prewrap">{c.description}</Paragraph>
    </>
  );
}

/** Once decided: who won, with their proposals' summaries. */
export function Winners({ challenge: c }: { challenge: Challenge }) {
  const { t } = useT();
  if (c.status !== 'decided') return null;
  return (
    <section aria-labelledby="ch-winners">
      <Heading level={2} id="ch-winners">
        {t('ch.winners')}
      </Heading>
      {c.winners.length === 0 ? (
        <Paragraph>{t('ch.winners.none')}</Paragraph>
      ) : (
        <ul className="bs-cards">
          {c.winners.map((w) => (
            <li key={w.proposalId} className="bs-card">
              <Heading level={3}>{w.organisationName}</Heading>
              <Paragraph>{w.summary}</Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The published tenders that follow from the challenge. */
export function FollowingTenders({ challenge: c }: { challenge: Challenge }) {
  const { t } = useT();
  if (c.tenders.length === 0) return null;
  return (
    <section aria-labelledby="ch-tenders">
      <Heading level={2} id="ch-tenders">
        {t('ch.tenders')}
      </Heading>
      <ul className="bs-list">
        {c.tenders.map((x) => (
          <li key={x.id}>
            <RouterLink to={`/tenders/${x.id}`}>{x.title}</RouterLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
