import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useMeetingDays, type MeetingDay } from './api';
import { dayDate, todayNl } from './format';

/** The meeting days to come that anyone can see (open for registration, or closed and still to be held). */
export function MeetingDaysPage() {
  const { t } = useT();
  const { me, status } = useAuth();
  const list = useMeetingDays();
  const today = todayNl();
  const upcoming = (items: MeetingDay[]) =>
    items
      .filter((d) => d.status !== 'draft' && d.date >= today)
      .sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  return (
    <>
      <PageHeading>{t('md.list.title')}</PageHeading>
      <Lead>{t('md.list.lead')}</Lead>
      {status === 'anonymous' && (
        <Paragraph>
          <RouterLink to="/sign-in?next=%2Fmeeting-days">{t('md.list.signIn')}</RouterLink>
        </Paragraph>
      )}
      {me?.role === 'procurement_officer' && (
        <Paragraph>
          <RouterLink to="/officer/meeting-days">{t('md.list.officer')}</RouterLink>
        </Paragraph>
      )}
      <QueryState query={list} isEmpty={(d) => upcoming(d.items).length === 0} empty={t('md.list.empty')}>
        {(d) => (
          <ul className="bs-cards" aria-label={t('md.list.title')}>
            {upcoming(d.items).map((day) => (
              <DayCard key={day.id} day={day} />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

function DayCard({ day }: { day: MeetingDay }) {
  const { t, locale } = useT();
  return (
    <li className="bs-card">
      <Heading level={2}>
        <RouterLink to={`/meeting-days/${day.id}`}>{day.title}</RouterLink>
      </Heading>
      <Paragraph>
        <strong>{dayDate(day.date, locale)}</strong>,{' '}
        {t('md.hours', { start: day.startTime, end: day.endTime })}
        {' · '}
        {t('md.card.place', { postcode: day.postcode })}
        {day.buyerName ? ` · ${t('md.card.host', { name: day.buyerName })}` : ''}
      </Paragraph>
      <Paragraph>
        <Status list="meetingDayStatus" value={day.status} />
      </Paragraph>
      {day.description && <Paragraph className="bs-clamp">{day.description}</Paragraph>}
    </li>
  );
}
