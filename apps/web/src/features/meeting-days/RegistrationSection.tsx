import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Role } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { ErrorAlert, Notice, QueryState } from '../../ui/States';
import { useRegistrations, useWithdraw, type MeetingDay, type Registration } from './api';
import { MyMeetings } from './MyMeetings';
import { RegistrationForm } from './RegistrationForm';

type Done = 'registered' | 'changed' | 'withdrawn';

/** A contractor's or social enterprise's own part of a day: its registration, then its meetings. */
export function RegistrationSection({ day, role }: { day: MeetingDay; role: Role }) {
  const { t } = useT();
  const regs = useRegistrations(day.id);
  const [done, setDone] = useState<Done | null>(null);
  // Once registration is closed, the meetings come first; the registration is only a reminder.
  const meetings = day.status === 'closed' && regs.data?.items[0] && <MyMeetings day={day} role={role} />;
  return (
    <>
      {meetings}
      <section className="bs-section" aria-labelledby="md-reg-h">
        <Heading level={2} id="md-reg-h">
          {t('md.reg.title')}
        </Heading>
        {done && <Notice>{t(`md.reg.done.${done}`)}</Notice>}
        <QueryState query={regs}>
          {({ items }) =>
            items[0] ? (
              <OwnRegistration
                day={day}
                role={role}
                reg={items[0]}
                said={done === 'registered'}
                onDone={setDone}
              />
            ) : day.status === 'open' ? (
              <>
                <Paragraph>
                  {t(role === 'contractor' ? 'md.reg.lead.contractor' : 'md.reg.lead.se')}
                </Paragraph>
                <RegistrationForm day={day} role={role} onDone={() => setDone('registered')} />
              </>
            ) : (
              <Paragraph>{t('md.reg.closedNotRegistered')}</Paragraph>
            )
          }
        </QueryState>
      </section>
    </>
  );
}

function OwnRegistration({
  day,
  role,
  reg,
  said,
  onDone,
}: {
  day: MeetingDay;
  role: Role;
  reg: Registration;
  /** The notice above already says it is registered. */
  said: boolean;
  onDone: (d: Done) => void;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const withdraw = useWithdraw(day.id, reg.id);
  const wishes = (reg.wishedOrganisations ?? []).map((w) => w.name).filter(Boolean);
  const open = day.status === 'open';
  return (
    <>
      {!said && <Paragraph>{t('md.reg.registered')}</Paragraph>}
      <DataList className="bs-facts bs-facts--inline">
        <DataListItem>
          <DataListKey>{t('md.reg.available')}</DataListKey>
          <DataListValue>
            {t('md.hours', {
              start: reg.availableFrom ?? day.startTime,
              end: reg.availableUntil ?? day.endTime,
            })}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('md.reg.max')}</DataListKey>
          <DataListValue>{reg.maxMeetings}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('md.reg.wishes')}</DataListKey>
          <DataListValue>{wishes.length ? wishes.join(', ') : t('md.reg.noWishes')}</DataListValue>
        </DataListItem>
      </DataList>
      {!open && <Paragraph className="bs-muted">{t('md.reg.locked')}</Paragraph>}
      {open && editing && (
        <RegistrationForm
          day={day}
          role={role}
          existing={reg}
          onDone={() => {
            setEditing(false);
            onDone('changed');
          }}
        />
      )}
      {open && !editing && (
        <div className="bs-actions">
          <Button type="button" appearance="secondary-action-button" onClick={() => setEditing(true)}>
            {t('md.reg.change')}
          </Button>
          {confirming ? (
            <>
              <Paragraph className="bs-inline-note">{t('md.reg.withdraw.confirm')}</Paragraph>
              <Button
                type="button"
                appearance="primary-action-button"
                hint="danger"
                busy={withdraw.isPending}
                onClick={() => withdraw.mutate(undefined, { onSuccess: () => onDone('withdrawn') })}
              >
                {t('md.reg.withdraw.yes')}
              </Button>
              <Button type="button" appearance="subtle-button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <Button type="button" appearance="subtle-button" onClick={() => setConfirming(true)}>
              {t('md.reg.withdraw')}
            </Button>
          )}
        </div>
      )}
      {withdraw.error && <ErrorAlert error={withdraw.error} />}
    </>
  );
}
