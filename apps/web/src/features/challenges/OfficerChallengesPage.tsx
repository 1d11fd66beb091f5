import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useChallenges, useCreateChallenge } from './api';
import { ChallengeForm } from './ChallengeForm';

/** The officer's own challenges, drafts included. */
export function OfficerChallengesPage() {
  const { t, date } = useT();
  const { me } = useAuth();
  const list = useChallenges();
  const own = (items: NonNullable<typeof list.data>['items']) =>
    items.filter((c) => c.buyerOrganisationId === me?.organisation?.id);
  return (
    <>
      <PageHeading>{t('ch.officer.title')}</PageHeading>
      <Lead>{t('ch.officer.lead')}</Lead>
      <Paragraph>
        <RouterLink to="/officer/challenges/new">{t('ch.new.title')}</RouterLink>
      </Paragraph>
      <QueryState query={list} isEmpty={(d) => own(d.items).length === 0} empty={t('ch.officer.empty')}>
        {(d) => (
          <DataTable
            caption={t('ch.officer.title')}
            columns={[t('ch.f.title'), t('common.status'), t('ch.deadline'), t('ch.proposalCount')]}
          >
            {own(d.items).map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <RouterLink to={`/officer/challenges/${c.id}`}>{c.title}</RouterLink>
                </TableCell>
                <TableCell>
                  <Status list="challengeStatus" value={c.status} />
                </TableCell>
                <TableCell>{date(c.deadline)}</TableCell>
                <TableCell>{c.proposalCounts.total}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </QueryState>
    </>
  );
}

/** A new challenge, stored as a draft; the officer publishes it from its page. */
export function NewChallengePage() {
  const { t } = useT();
  const navigate = useNavigate();
  const create = useCreateChallenge();
  return (
    <>
      <PageHeading>{t('ch.new.title')}</PageHeading>
      <Lead>{t('ch.new.lead')}</Lead>
      <ChallengeForm
        onSubmit={(body) =>
          create.mutate(body, { onSuccess: (c) => navigate(`/officer/challenges/${c.id}`) })
        }
        error={create.error}
        pending={create.isPending}
        submitLabel={t('ch.new.save')}
      />
    </>
  );
}
