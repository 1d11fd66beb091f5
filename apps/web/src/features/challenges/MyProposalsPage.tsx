import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { EmptyState, ErrorAlert, Loading, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useChallenges, useProposalsOfEach, type Challenge } from './api';

/** A contractor's or social enterprise's proposals, on every challenge, with their status and the feedback. */
export function MyProposalsPage() {
  const { t } = useT();
  const list = useChallenges();
  return (
    <>
      <PageHeading>{t('ch.mine.title')}</PageHeading>
      <Lead>{t('ch.mine.lead')}</Lead>
      <QueryState query={list}>
        {(d) => <Mine challenges={d.items.filter((c) => c.status !== 'draft')} />}
      </QueryState>
    </>
  );
}

function Mine({ challenges }: { challenges: Challenge[] }) {
  const { t } = useT();
  const { me } = useAuth();
  const answers = useProposalsOfEach(challenges.map((c) => c.id));
  if (answers.some((a) => a.isPending)) return <Loading />;
  const failed = answers.find((a) => a.isError);
  if (failed) return <ErrorAlert error={failed.error} />;
  const rows = challenges.flatMap((c, i) =>
    (answers[i].data?.items ?? [])
      .filter((p) => p.organisationId === me?.organisation?.id)
      .map((p) => ({ c, p })),
  );
  if (rows.length === 0)
    return (
      <EmptyState action={<RouterLink to="/challenges">{t('ch.mine.toBoard')}</RouterLink>}>
        {t('ch.mine.empty')}
      </EmptyState>
    );
  return (
    <DataTable
      caption={t('ch.mine.title')}
      columns={[t('ch.mine.challenge'), t('common.status'), t('ch.p.summary'), t('ch.p.feedback')]}
    >
      {rows.map(({ c, p }) => (
        <TableRow key={p.id}>
          <TableCell>
            <RouterLink to={`/challenges/${c.id}`}>{c.title}</RouterLink>
          </TableCell>
          <TableCell>
            <Status list="proposalStatus" value={p.status} />
          </TableCell>
          <TableCell>{p.summary}</TableCell>
          <TableCell>
            {p.feedback ?? <Paragraph className="bs-muted">{t('ch.mine.noFeedback')}</Paragraph>}
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
