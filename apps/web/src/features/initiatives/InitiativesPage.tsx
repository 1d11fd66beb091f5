import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { SelectField, TextField } from '../../ui/Fields';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useInitiatives, type Initiative, type InitiativeStatus } from './api';

const STATUSES = ['pitched', 'in_progress', 'realised', 'changed', 'stopped'] as const;

/** Social initiatives anyone can support, with what they need. */
export function InitiativesPage() {
  const { t, term } = useT();
  const { status } = useAuth();
  const [draft, setDraft] = useState({ q: '', status: '' });
  const [filters, setFilters] = useState<{ q?: string; status?: InitiativeStatus }>({});
  const list = useInitiatives(filters);
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({ q: draft.q.trim() || undefined, status: (draft.status || undefined) as InitiativeStatus });
  };
  return (
    <>
      <PageHeading>{t('in.list.title')}</PageHeading>
      <Lead>{t('in.list.lead')}</Lead>
      <Paragraph>
        {status === 'signed_in' ? (
          <RouterLink to="/initiatives/new">{t('in.new.title')}</RouterLink>
        ) : (
          <RouterLink to="/sign-in?next=%2Finitiatives%2Fnew">{t('in.list.signIn')}</RouterLink>
        )}
        {' · '}
        <RouterLink to="/initiatives/stats">{t('in.stats.title')}</RouterLink>
      </Paragraph>
      <form onSubmit={apply} className="bs-form bs-filters" aria-label={t('in.filter.label')} role="search">
        <div className="bs-row">
          <TextField
            label={t('in.filter.q')}
            type="search"
            value={draft.q}
            onChange={(v) => setDraft((d) => ({ ...d, q: v }))}
          />
          <SelectField
            label={t('common.status')}
            value={draft.status}
            onChange={(v) => setDraft((d) => ({ ...d, status: v }))}
            options={[
              { value: '', label: t('in.filter.anyStatus') },
              ...STATUSES.map((s) => ({ value: s, label: term('initiativeStatus', s) })),
            ]}
          />
        </div>
        <Button appearance="secondary-action-button" type="submit">
          {t('in.filter.apply')}
        </Button>
      </form>
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('in.list.empty')}>
        {(d) => (
          <ul className="bs-cards" aria-label={t('in.list.title')}>
            {d.items.map((i) => (
              <InitiativeCard key={i.id} initiative={i} />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

function InitiativeCard({ initiative: i }: { initiative: Initiative }) {
  const { t, term } = useT();
  return (
    <li className="bs-card">
      <Heading level={2}>
        <RouterLink to={`/initiatives/${i.id}`}>{i.title}</RouterLink>
      </Heading>
      <Paragraph>
        <Status list="initiativeStatus" value={i.status} />
      </Paragraph>
      <Paragraph className="bs-clamp">{i.summary}</Paragraph>
      {i.needs.length > 0 && (
        <Paragraph>
          {t('in.card.needs', {
            kinds: [...new Set(i.needs.map((n) => term('supportKind', n.kind)))].join(', '),
          })}
        </Paragraph>
      )}
    </li>
  );
}
