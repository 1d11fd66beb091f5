import { Button, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { useT } from '../../i18n/LocaleProvider';
import { DataTable } from '../../ui/DataTable';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useMeetingDay, useSchedule, type Meeting, type MeetingDay } from './api';
import { dayDate, timeOf } from './format';

/**
 * The day sheet to print: the meetings per table (for the table hosts) and per organisation (to hand out at the
 * door). Print styles leave out the menu and the buttons and keep each table and organisation on one page.
 */
export function DaySheetPage() {
  const { id = '' } = useParams();
  const day = useMeetingDay(id);
  const schedule = useSchedule(id);
  return (
    <QueryState query={day} page>
      {(d) => (
        <QueryState query={schedule} page>
          {(s) => <DaySheet day={d} meetings={s.meetings} />}
        </QueryState>
      )}
    </QueryState>
  );
}

interface Line {
  time: string;
  table: number;
  other: string;
}

function DaySheet({ day, meetings }: { day: MeetingDay; meetings: Meeting[] }) {
  const { t, locale } = useT();
  const time = (m: Meeting) => t('md.hours', { start: timeOf(m.start), end: timeOf(m.end) });
  const tables = [...new Set(meetings.map((m) => m.table))].sort((a, b) => a - b);
  const byOrganisation = new Map<string, { name: string; lines: Line[] }>();
  const add = (id: string, name: string, line: Line) => {
    const entry = byOrganisation.get(id) ?? { name, lines: [] };
    entry.lines.push(line);
    byOrganisation.set(id, entry);
  };
  for (const m of meetings) {
    add(m.contractorOrganisationId, m.contractorName, {
      time: time(m),
      table: m.table,
      other: m.socialEnterpriseName,
    });
    add(m.socialEnterpriseOrganisationId, m.socialEnterpriseName, {
      time: time(m),
      table: m.table,
      other: m.contractorName,
    });
  }
  const organisations = [...byOrganisation.entries()]
    .map(([id, o]) => ({ id, ...o }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <div className="bs-sheet">
      <PageHeading>{t('md.sheet.title', { title: day.title })}</PageHeading>
      <Paragraph>
        {dayDate(day.date, locale)}, {t('md.hours', { start: day.startTime, end: day.endTime })} ·{' '}
        {t('md.card.place', { postcode: day.postcode })}
      </Paragraph>
      <div className="bs-actions bs-noprint">
        <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
          {t('md.sheet.print')}
        </Button>
        <RouterLink to={`/officer/meeting-days/${day.id}`}>{t('md.sheet.back')}</RouterLink>
      </div>
      {meetings.length === 0 ? (
        <Paragraph>{t('md.s.empty')}</Paragraph>
      ) : (
        <>
          <section aria-labelledby="md-sheet-tables" className="bs-sheet__part">
            <Heading level={2} id="md-sheet-tables">
              {t('md.sheet.perTable')}
            </Heading>
            {tables.map((n) => (
              <div key={n} className="bs-sheet__block">
                <DataTable
                  caption={t('md.table', { n })}
                  columns={[t('md.grid.time'), t('md.kind.contractor'), t('md.kind.se')]}
                >
                  {meetings
                    .filter((m) => m.table === n)
                    .map((m) => (
                      <TableRow key={m.id}>
                        <TableCell>{time(m)}</TableCell>
                        <TableCell>{m.contractorName}</TableCell>
                        <TableCell>{m.socialEnterpriseName}</TableCell>
                      </TableRow>
                    ))}
                </DataTable>
              </div>
            ))}
          </section>
          <section aria-labelledby="md-sheet-orgs" className="bs-sheet__part bs-sheet__part--break">
            <Heading level={2} id="md-sheet-orgs">
              {t('md.sheet.perOrganisation')}
            </Heading>
            {organisations.map((o) => (
              <div key={o.id} className="bs-sheet__block">
                <DataTable
                  caption={o.name}
                  columns={[t('md.grid.time'), t('md.sheet.table'), t('md.sheet.with')]}
                >
                  {o.lines.map((l, i) => (
                    <TableRow key={i}>
                      <TableCell>{l.time}</TableCell>
                      <TableCell>{l.table}</TableCell>
                      <TableCell>{l.other}</TableCell>
                    </TableRow>
                  ))}
                </DataTable>
              </div>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
