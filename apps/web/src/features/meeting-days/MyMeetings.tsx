import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Role } from '../../auth/AuthProvider';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { ErrorAlert, Notice, QueryState } from '../../ui/States';
import { downloadCalendar, useRecordOutcome, useSchedule, type MeetingDay, type Meeting } from './api';
import { FollowUp } from './FollowUp';
import { timeOf } from './format';
import { WhyTheyMeet } from './WhyTheyMeet';

type Outcome = Schemas['RecordOutcomeDto']['outcome'];
const OUTCOMES: Outcome[] = ['follow_up', 'no_fit', 'no_show'];

/** A registrant's own meetings once the schedule is published: when, which table, with whom and why. */
export function MyMeetings({ day, role }: { day: MeetingDay; role: Role }) {
  const { t } = useT();
  const schedule = useSchedule(day.id);
  const [calendarError, setCalendarError] = useState<unknown>(null);
  const published = (s: Schemas['ScheduleResponseDto']) =>
    s.publishedRevision > 0 && s.publishedRevision === s.revision;
  return (
    <section className="bs-section" aria-labelledby="md-mine-h">
      <Heading level={2} id="md-mine-h">
        {t('md.mine.title')}
      </Heading>
      <QueryState
        query={schedule}
        isEmpty={(s) => !published(s) || s.meetings.length === 0}
        empty={schedule.data && published(schedule.data) ? t('md.mine.none') : t('md.mine.notYet')}
      >
        {({ meetings }) => (
          <>
            <Paragraph>{t('md.mine.lead', { count: meetings.length })}</Paragraph>
            <div className="bs-actions">
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => {
                  setCalendarError(null);
                  downloadCalendar(day).catch(setCalendarError);
                }}
              >
                {t('md.mine.ics')}
              </Button>
            </div>
            {calendarError ? <ErrorAlert error={calendarError} /> : null}
            <ol className="bs-cards" aria-label={t('md.mine.title')}>
              {meetings.map((m) => (
                <MeetingCard key={m.id} day={day} m={m} role={role} />
              ))}
            </ol>
          </>
        )}
      </QueryState>
    </section>
  );
}

function MeetingCard({ day, m, role }: { day: MeetingDay; m: Meeting; role: Role }) {
  const { t, term } = useT();
  const contractor = role === 'contractor';
  const other = contractor ? m.socialEnterpriseName : m.contractorName;
  const record = useRecordOutcome(day.id, m.id);
  return (
    <li className="bs-card">
      <Heading level={3}>{other}</Heading>
      <Paragraph>
        <strong>{t('md.hours', { start: timeOf(m.start), end: timeOf(m.end) })}</strong> ·{' '}
        {t('md.table', { n: m.table })}
      </Paragraph>
      {contractor && m.offerings.length > 0 && (
        <Paragraph>
          {t('md.mine.offerings', { titles: m.offerings.map((o) => o.title).join(', ') })}
        </Paragraph>
      )}
      <WhyTheyMeet meeting={m} />
      <div role="group" aria-label={t('md.outcome.label', { name: other })} className="bs-actions">
        <Paragraph className="bs-inline-note">{t('md.outcome.question')}</Paragraph>
        {OUTCOMES.map((o) => (
          <Button
            key={o}
            type="button"
            appearance={m.outcome === o ? 'primary-action-button' : 'secondary-action-button'}
            pressed={m.outcome === o}
            busy={record.isPending && record.variables?.outcome === o}
            onClick={() => record.mutate({ outcome: o })}
          >
            {term('meetingOutcome', o)}
          </Button>
        ))}
      </div>
      {record.error && <ErrorAlert error={record.error} />}
      {m.outcome && !record.isPending && (
        <Notice type="info">
          {t('md.outcome.recorded', { outcome: term('meetingOutcome', m.outcome) })}
        </Notice>
      )}
      {m.outcome === 'follow_up' &&
        (contractor ? (
          <FollowUp meeting={m} since={day.scheduledAt} />
        ) : (
          <Paragraph>{t('md.followUp.se', { name: m.contractorName })}</Paragraph>
        ))}
    </li>
  );
}
