import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useT } from '../../i18n/LocaleProvider';
import { ErrorAlert, Notice, QueryState, RouterLink } from '../../ui/States';
import { JobProgress } from '../matching/JobProgress';
import { useBuildSchedule, usePublishSchedule, useSchedule, type MeetingDay } from './api';
import { ScheduleGrid } from './ScheduleGrid';

/**
 * A closed day's schedule for its host: build it (a background job, with its progress), check it in the grid,
 * publish it (the registrants then see their meetings and are notified), print the day sheet, read the results.
 */
export function ScheduleSection({ day }: { day: MeetingDay }) {
  const { t, date } = useT();
  const { build, job } = useBuildSchedule(day.id);
  const publish = usePublishSchedule(day.id);
  const built = day.scheduleRevision > 0;
  const schedule = useSchedule(day.id, built);
  const running = Boolean(job.data && job.data.status !== 'done' && job.data.status !== 'failed');
  const published = built && day.publishedRevision === day.scheduleRevision;
  const locked = (schedule.data?.meetings ?? []).some((m) => m.outcome !== null);
  return (
    <section className="bs-section" aria-labelledby="md-schedule-h">
      <Heading level={2} id="md-schedule-h">
        {t('md.s.title')}
      </Heading>
      {!built && <Paragraph>{t('md.s.lead')}</Paragraph>}
      {!locked && (
        <div className="bs-actions">
          <Button
            type="button"
            appearance={built ? 'secondary-action-button' : 'primary-action-button'}
            busy={build.isPending}
            disabled={running}
            onClick={() => build.mutate()}
          >
            {t(built ? 'md.s.rebuild' : 'md.s.build')}
          </Button>
        </div>
      )}
      {build.error && <ErrorAlert error={build.error} />}
      {job.data && (
        <JobProgress
          job={job.data}
          label={
            job.data.status === 'done'
              ? t('md.s.job.done')
              : job.data.status === 'failed'
                ? t('md.s.job.failed')
                : t('md.s.job', { progress: job.data.progress })
          }
        />
      )}
      {built && (
        <>
          {day.scheduleSummary && (
            <Paragraph>
              {t('md.s.summary', {
                meetings: day.scheduleSummary.meetings,
                candidates: day.scheduleSummary.candidates,
              })}{' '}
              {day.scheduleSummary.gap === 0
                ? t('md.s.optimal')
                : t('md.s.gap', { pct: Math.round(day.scheduleSummary.gap * 1000) / 10 })}
            </Paragraph>
          )}
          {published ? (
            <Notice>{t('md.s.published', { date: date(day.publishedAt) })}</Notice>
          ) : (
            <>
              {day.publishedRevision > 0 && <Notice type="warning">{t('md.s.changed')}</Notice>}
              <Paragraph>{t('md.s.publish.lead')}</Paragraph>
              <div className="bs-actions">
                <Button
                  type="button"
                  appearance="primary-action-button"
                  busy={publish.isPending}
                  disabled={running}
                  onClick={() => publish.mutate()}
                >
                  {t('md.s.publish')}
                </Button>
              </div>
              {publish.error && <ErrorAlert error={publish.error} />}
            </>
          )}
          {locked && <Paragraph className="bs-muted">{t('md.s.locked')}</Paragraph>}
          <ul className="bs-list">
            <li>
              <RouterLink to={`/officer/meeting-days/${day.id}/sheet`}>{t('md.s.sheet')}</RouterLink>
            </li>
            <li>
              <RouterLink to={`/officer/meeting-days/${day.id}/results`}>{t('md.s.results')}</RouterLink>
            </li>
          </ul>
          <QueryState query={schedule} isEmpty={(s) => s.meetings.length === 0} empty={t('md.s.empty')}>
            {(s) => <ScheduleGrid day={day} meetings={s.meetings} />}
          </QueryState>
        </>
      )}
    </section>
  );
}
