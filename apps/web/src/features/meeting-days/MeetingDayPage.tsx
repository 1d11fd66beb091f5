import { Paragraph } from '@utrecht/component-library-react';
import { useLocation, useParams } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useMeetingDay, type MeetingDay } from './api';
import { MeetingDayFacts } from './MeetingDayFacts';
import { RegistrationSection } from './RegistrationSection';

/**
 * One meeting day, public. A contractor or social enterprise registers here, changes or withdraws its
 * registration while registration is open, and finds its own meetings once the schedule is published.
 */
export function MeetingDayPage() {
  const { id = '' } = useParams();
  const day = useMeetingDay(id);
  return (
    <QueryState query={day} page>
      {(d) => <Day day={d} />}
    </QueryState>
  );
}

function Day({ day }: { day: MeetingDay }) {
  const { t } = useT();
  const { me, status } = useAuth();
  const { pathname } = useLocation();
  const registrant = me?.role === 'contractor' || me?.role === 'social_enterprise';
  const host = me?.role === 'procurement_officer' && me.organisation?.id === day.buyerOrganisationId;
  return (
    <>
      <PageHeading>{day.title}</PageHeading>
      <MeetingDayFacts day={day} />
      {status === 'anonymous' && day.status === 'open' && (
        <Paragraph>
          <RouterLink to={`/sign-in?next=${encodeURIComponent(pathname)}`}>{t('md.day.signIn')}</RouterLink>
        </Paragraph>
      )}
      {host && (
        <Paragraph>
          <RouterLink to={`/officer/meeting-days/${day.id}`}>{t('md.day.manage')}</RouterLink>
        </Paragraph>
      )}
      {registrant && me && <RegistrationSection day={day} role={me.role} />}
      <Paragraph>
        <RouterLink to="/meeting-days">{t('md.day.all')}</RouterLink>
      </Paragraph>
    </>
  );
}
