import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { SelectField, TextField } from '../../ui/Fields';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useChallenges, type Challenge, type ChallengeFilters } from './api';
import { areaWords } from './ChallengeFacts';

const STATUSES = ['open', 'judging', 'decided'] as const;

/** The public challenge board: open challenges and those judged or decided, filtered by theme, area and status. */
export function ChallengesPage() {
  const { t, term } = useT();
  const { me } = useAuth();
  const [draft, setDraft] = useState({ theme: '', area: '', status: '' });
  const [filters, setFilters] = useState<ChallengeFilters>({});
  const list = useChallenges(filters);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({
      theme: draft.theme.trim() || undefined,
      area: draft.area.trim() || undefined,
      status: (draft.status || undefined) as ChallengeFilters['status'],
    });
  };
  // An officer's own drafts are on its own list, not on the public board.
  const visible = (items: Challenge[]) => items.filter((c) => c.status !== 'draft');
  return (
    <>
      <PageHeading>{t('ch.list.title')}</PageHeading>
      <Lead>{t('ch.list.lead')}</Lead>
      {me?.role === 'procurement_officer' && (
        <Paragraph>
          <RouterLink to="/officer/challenges">{t('ch.list.officer')}</RouterLink>
        </Paragraph>
      )}
      <form onSubmit={apply} className="bs-form bs-filters" aria-label={t('ch.filter.label')} role="search">
        <div className="bs-row">
          <TextField
            label={t('ch.theme')}
            value={draft.theme}
            onChange={(v) => setDraft((d) => ({ ...d, theme: v }))}
          />
          <TextField
            label={t('ch.area')}
            description={t('ch.filter.area.help')}
            value={draft.area}
            onChange={(v) => setDraft((d) => ({ ...d, area: v }))}
          />
          <SelectField
            label={t('common.status')}
            value={draft.status}
            onChange={(v) => setDraft((d) => ({ ...d, status: v }))}
            options={[
              { value: '', label: t('ch.filter.anyStatus') },
              ...STATUSES.map((s) => ({ value: s, label: term('challengeStatus', s) })),
            ]}
          />
        </div>
        <Button appearance="secondary-action-button" type="submit">
          {t('ch.filter.apply')}
        </Button>
      </form>
      <QueryState query={list} isEmpty={(d) => visible(d.items).length === 0} empty={t('ch.list.empty')}>
        {(d) => (
          <ul className="bs-cards" aria-label={t('ch.list.title')}>
            {visible(d.items).map((c) => (
              <ChallengeCard key={c.id} challenge={c} />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

function ChallengeCard({ challenge: c }: { challenge: Challenge }) {
  const { t, date, money, term } = useT();
  return (
    <li className="bs-card">
      <Heading level={2}>
        <RouterLink to={`/challenges/${c.id}`}>{c.title}</RouterLink>
      </Heading>
      <Paragraph>
        <Status list="challengeStatus" value={c.status} /> {term('challengeKind', c.kind)}
      </Paragraph>
      <Paragraph>
        {t('ch.card.by', { buyer: c.buyerName, theme: c.theme })}
        {c.area ? ` · ${areaWords(c)}` : ''}
      </Paragraph>
      <Paragraph>
        {t('ch.card.deadline', { date: date(c.deadline) })}
        {c.budgetCents !== null ? ` · ${t('ch.card.budget', { amount: money(c.budgetCents) })}` : ''}
      </Paragraph>
    </li>
  );
}
