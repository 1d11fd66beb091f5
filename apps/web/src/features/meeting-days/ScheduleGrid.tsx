import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useT } from '../../i18n/LocaleProvider';
import { DataTable } from '../../ui/DataTable';
import type { MeetingDay, Meeting } from './api';
import { slotTimes } from './format';
import { WhyTheyMeet } from './WhyTheyMeet';

/**
 * The schedule as the day runs: a row per round (its time), a column per table in use, in each cell the
 * contractor, the social enterprise and why they meet.
 */
export function ScheduleGrid({ day, meetings }: { day: MeetingDay; meetings: Meeting[] }) {
  const { t } = useT();
  const times = slotTimes(day);
  const used = Math.max(1, ...meetings.map((m) => m.table));
  const tables = Array.from({ length: used }, (_, i) => i + 1);
  const at = new Map(meetings.map((m) => [`${m.slot}/${m.table}`, m]));
  return (
    <DataTable
      layout="scroll"
      caption={t('md.grid.caption', { meetings: meetings.length, used, tables: day.tables })}
      columns={[t('md.grid.time'), ...tables.map((n) => t('md.table', { n }))]}
    >
      {times.map((time, slot) => (
        <TableRow key={slot}>
          <TableHeaderCell scope="row" className="bs-grid__time">
            {t('md.hours', { start: time.start, end: time.end })}
          </TableHeaderCell>
          {tables.map((n) => {
            const m = at.get(`${slot}/${n}`);
            return (
              <TableCell key={n} className="bs-grid__cell">
                {m ? (
                  <>
                    <span className="bs-grid__name">{m.contractorName}</span>
                    <span className="bs-grid__with">
                      {t('md.grid.with', { name: m.socialEnterpriseName })}
                    </span>
                    <WhyTheyMeet meeting={m} title={t('md.grid.why')} />
                  </>
                ) : (
                  <span className="bs-muted">{t('md.grid.free')}</span>
                )}
              </TableCell>
            );
          })}
        </TableRow>
      ))}
    </DataTable>
  );
}
