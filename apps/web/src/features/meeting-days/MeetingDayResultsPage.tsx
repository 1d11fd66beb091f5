import { Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, pct } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useMeetingDay, useResults, type MeetingDay } from './api';
import { dayDate, timeOf } from './format';

type Results = Schemas['EventResultsDto'];

/**
 * What a day led to: meetings held, their outcomes, and the quote requests, orders and verified credit between
 * the pairs since, as figures, as bars and per meeting.
 */
export function MeetingDayResultsPage() {
  const { id = '' } = useParams();
  const day = useMeetingDay(id);
  const results = useResults(id);
  return (
    <QueryState query={day} page>
      {(d) => (
        <QueryState query={results} page>
          {(r) => <ResultsView day={d} r={r} />}
        </QueryState>
      )}
    </QueryState>
  );
}

function ResultsView({ day, r }: { day: MeetingDay; r: Results }) {
  const { t, money, locale, term } = useT();
  const figure = (label: string, value: string | number, testId?: string) => (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeading>{t('md.r.title', { title: day.title })}</PageHeading>
      <Lead>{t('md.r.lead', { date: dayDate(day.date, locale) })}</Lead>
      <dl className="bs-figures">
        {figure(t('md.r.planned'), r.meetingsPlanned)}
        {figure(t('md.r.held'), r.meetingsHeld)}
        {figure(t('md.r.quoteRequests'), r.quoteRequests)}
        {figure(t('md.r.orders'), r.orders)}
        {figure(t('md.r.ordered'), money(r.orderedCents))}
        {figure(t('md.r.verified'), money(r.verifiedCreditCents))}
      </dl>
      <section className="bs-section" aria-labelledby="md-r-funnel">
        <Heading level={2} id="md-r-funnel">
          {t('md.r.funnel')}
        </Heading>
        <Bars
          max={r.meetingsPlanned}
          bars={[
            { label: t('md.r.planned'), value: r.meetingsPlanned },
            { label: t('md.r.held'), value: r.meetingsHeld },
            { label: term('meetingOutcome', 'follow_up'), value: r.outcomes.follow_up },
            { label: t('md.r.quoteRequests'), value: r.quoteRequests },
            { label: t('md.r.orders'), value: r.orders },
          ]}
        />
      </section>
      <section className="bs-section" aria-labelledby="md-r-outcomes">
        <Heading level={2} id="md-r-outcomes">
          {t('md.r.outcomes')}
        </Heading>
        <Bars
          max={r.meetingsPlanned}
          bars={[
            { label: term('meetingOutcome', 'follow_up'), value: r.outcomes.follow_up },
            { label: term('meetingOutcome', 'no_fit'), value: r.outcomes.no_fit },
            { label: term('meetingOutcome', 'no_show'), value: r.outcomes.no_show },
            { label: t('md.outcome.none'), value: r.outcomes.unrecorded },
          ]}
        />
      </section>
      <section className="bs-section" aria-labelledby="md-r-meetings">
        <Heading level={2} id="md-r-meetings">
          {t('md.r.meetings')}
        </Heading>
        {r.meetings.length === 0 ? (
          <Paragraph>{t('md.s.empty')}</Paragraph>
        ) : (
          <DataTable
            layout="scroll"
            columns={[
              t('md.grid.time'),
              t('md.kind.contractor'),
              t('md.kind.se'),
              t('md.r.outcome'),
              t('md.r.quoteRequests'),
              t('md.r.orders'),
              t('md.r.verified'),
            ]}
          >
            {r.meetings.map((m) => (
              <TableRow key={m.meetingId}>
                <TableCell className="bs-nowrap">
                  {timeOf(m.start)} · {t('md.table', { n: m.table })}
                </TableCell>
                <TableCell>{m.contractorName}</TableCell>
                <TableCell>{m.socialEnterpriseName}</TableCell>
                <TableCell>{m.outcome ? term('meetingOutcome', m.outcome) : t('md.outcome.none')}</TableCell>
                <TableCell>{m.quoteRequestIds.length}</TableCell>
                <TableCell>
                  {m.orderIds.length}
                  {m.orderedCents > 0 ? ` (${money(m.orderedCents)})` : ''}
                </TableCell>
                <TableCell>{money(m.verifiedCreditCents)}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </section>
      <Paragraph>
        <RouterLink to={`/officer/meeting-days/${day.id}`}>{t('md.sheet.back')}</RouterLink>
      </Paragraph>
    </>
  );
}

/** A bar chart in plain HTML and CSS: each bar's figure is written next to it, so it reads without the bar. */
function Bars({ bars, max }: { bars: { label: string; value: number }[]; max: number }) {
  return (
    <ul className="bs-bars">
      {bars.map((b) => (
        <li key={b.label} className="bs-bars__row">
          <span className="bs-bars__label">{b.label}</span>
          <span className="bs-bars__track" aria-hidden="true">
            <span className="bs-bars__bar" style={{ inlineSize: `${pct(b.value, max)}%` }} />
          </span>
          <span className="bs-bars__value">{b.value}</span>
        </li>
      ))}
    </ul>
  );
}
