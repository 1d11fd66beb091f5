import { Button, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useT } from '../../i18n/LocaleProvider';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert, Notice, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useMeetingDay, useRegistrations, useTransition, useUpdateMeetingDay, type MeetingDay } from './api';
import { MeetingDayFacts } from './MeetingDayFacts';
import { MeetingDayForm } from './MeetingDayForm';
import { ScheduleSection } from './ScheduleSection';

/**
 * The host's page of one meeting day, step by step: change it while it is a draft or open, open and close
 * registration, the registrations by name, then the schedule (built, checked in the grid, published), the day
 * sheet and the results.
 */
export function OfficerMeetingDayPage() {
  const { id = '' } = useParams();
  const day = useMeetingDay(id);
  return (
    <QueryState query={day} page>
      {(d) => <OfficerDay day={d} />}
    </QueryState>
  );
}

function OfficerDay({ day }: { day: MeetingDay }) {
  const { t } = useT();
  const [params] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const update = useUpdateMeetingDay(day.id);
  const editable = day.status !== 'closed';
  return (
    <>
      <PageHeading>{day.title}</PageHeading>
      {params.get('created') && day.status === 'draft' && !saved && <Notice>{t('md.o.created')}</Notice>}
      {saved && <Notice>{t('md.o.saved')}</Notice>}
      <MeetingDayFacts day={day} />
      {day.status !== 'draft' && (
        <Paragraph>
          <RouterLink to={`/meeting-days/${day.id}`}>{t('md.o.public')}</RouterLink>
        </Paragraph>
      )}
      {editable &&
        (editing ? (
          <section className="bs-section" aria-labelledby="md-edit-h">
            <Heading level={2} id="md-edit-h">
              {t('md.o.edit')}
            </Heading>
            <MeetingDayForm
              day={day}
              submitLabel={t('common.save')}
              pending={update.isPending}
              error={update.error}
              onSubmit={(body) =>
                update.mutate(body, {
                  onSuccess: () => {
                    setEditing(false);
                    setSaved(true);
                  },
                })
              }
            />
            <Button type="button" appearance="subtle-button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
          </section>
        ) : (
          <div className="bs-actions">
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('md.o.edit')}
            </Button>
          </div>
        ))}
      <NextStep day={day} />
      <Registrations day={day} />
      {day.status === 'closed' && <ScheduleSection day={day} />}
    </>
  );
}

/** Opening and closing registration, with what each step means for the participants. */
function NextStep({ day }: { day: MeetingDay }) {
  const { t } = useT();
  const move = useTransition(day.id);
  if (day.status === 'closed') return null;
  const action = day.status === 'draft' ? 'open' : 'close';
  return (
    <section className="bs-section" aria-labelledby="md-step-h">
      <Heading level={2} id="md-step-h">
        {t('md.o.step')}
      </Heading>
      <Paragraph>{t(action === 'open' ? 'md.o.open.lead' : 'md.o.close.lead')}</Paragraph>
      <div className="bs-actions">
        <Button
          type="button"
          appearance="primary-action-button"
          busy={move.isPending}
          onClick={() => move.mutate(action)}
        >
          {t(action === 'open' ? 'md.o.open' : 'md.o.close')}
        </Button>
      </div>
      {move.error && <ErrorAlert error={move.error} />}
    </section>
  );
}

function Registrations({ day }: { day: MeetingDay }) {
  const { t } = useT();
  const regs = useRegistrations(day.id, day.status !== 'draft');
  if (day.status === 'draft') return null;
  return (
    <section className="bs-section" aria-labelledby="md-regs-h">
      <Heading level={2} id="md-regs-h">
        {t('md.o.registrations')}
      </Heading>
      <QueryState query={regs} isEmpty={(d) => d.items.length === 0} empty={t('md.o.registrations.empty')}>
        {({ items }) => {
          const contractors = items.filter((r) => r.kind === 'contractor').length;
          return (
            <>
              <Paragraph>
                {t('md.o.registrations.count', {
                  contractors,
                  enterprises: items.length - contractors,
                })}
              </Paragraph>
              <DataTable
                columns={[
                  t('md.o.col.organisation'),
                  t('md.o.col.kind'),
                  t('md.reg.available'),
                  t('md.reg.max'),
                  t('md.reg.wishes'),
                ]}
              >
                {items.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>{r.organisationName}</TableCell>
                    <TableCell>{t(r.kind === 'contractor' ? 'md.kind.contractor' : 'md.kind.se')}</TableCell>
                    <TableCell>
                      {t('md.hours', {
                        start: r.availableFrom ?? day.startTime,
                        end: r.availableUntil ?? day.endTime,
                      })}
                    </TableCell>
                    <TableCell>{r.maxMeetings}</TableCell>
                    <TableCell>
                      {(r.wishedOrganisations ?? [])
                        .map((w) => w.name)
                        .filter(Boolean)
                        .join(', ') || '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </DataTable>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
