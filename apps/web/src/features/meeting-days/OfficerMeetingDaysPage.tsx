import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useCreateMeetingDay, useMeetingDays } from './api';
import { dayDate } from './format';
import { MeetingDayForm } from './MeetingDayForm';

/** The officer's own meeting days (drafts included), newest day first. */
export function OfficerMeetingDaysPage() {
  const { t, locale } = useT();
  const { me } = useAuth();
  const list = useMeetingDays();
  const own = (list.data?.items ?? [])
    .filter((d) => d.buyerOrganisationId === me?.organisation?.id)
    .sort((a, b) => b.date.localeCompare(a.date));
  const action = <RouterLink to="/officer/meeting-days/new">{t('md.own.new')}</RouterLink>;
  return (
    <>
      <PageHeading>{t('md.own.title')}</PageHeading>
      <Lead>{t('md.own.lead')}</Lead>
      <QueryState
        query={list}
        isEmpty={() => own.length === 0}
        empty={t('md.own.empty')}
        emptyAction={action}
      >
        {() => (
          <>
            <Paragraph>{action}</Paragraph>
            <DataTable columns={[t('md.f.title'), t('md.f.date'), t('common.status')]}>
              {own.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>
                    <RouterLink to={`/officer/meeting-days/${d.id}`}>{d.title}</RouterLink>
                  </TableCell>
                  <TableCell>{dayDate(d.date, locale)}</TableCell>
                  <TableCell>
                    <Status list="meetingDayStatus" value={d.status} />
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          </>
        )}
      </QueryState>
    </>
  );
}

/** A new meeting day: a draft, opened for registration from its own page. */
export function NewMeetingDayPage() {
  const { t } = useT();
  const navigate = useNavigate();
  const create = useCreateMeetingDay();
  return (
    <>
      <PageHeading>{t('md.new.title')}</PageHeading>
      <Lead>{t('md.new.lead')}</Lead>
      <MeetingDayForm
        submitLabel={t('md.new.submit')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(body) =>
          create.mutate(body, { onSuccess: (d) => navigate(`/officer/meeting-days/${d.id}?created=1`) })
        }
      />
    </>
  );
}
