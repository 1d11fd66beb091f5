import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';
import type { MeetingDay } from './api';
import { dayDate } from './format';

/** The facts of a meeting day, shared by the public page and the officer's page. */
export function MeetingDayFacts({ day }: { day: MeetingDay }) {
  const { t, locale } = useT();
  const row = (key: MessageId, value: ReactNode) => (
    <DataListItem>
      <DataListKey>{t(key)}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
  return (
    <>
      <DataList className="bs-facts bs-facts--inline">
        {row('common.status', <Status list="meetingDayStatus" value={day.status} />)}
        {row('md.f.date', dayDate(day.date, locale))}
        {row('md.f.hours', t('md.hours', { start: day.startTime, end: day.endTime }))}
        {row('md.f.rounds', t('md.rounds', { slots: day.slots, minutes: day.slotMinutes }))}
        {row('md.f.tables', day.tables)}
        {row('md.f.place', day.postcode)}
        {day.buyerName && row('md.f.host', day.buyerName)}
      </DataList>
      {day.description && <Paragraph>{day.description}</Paragraph>}
    </>
  );
}
