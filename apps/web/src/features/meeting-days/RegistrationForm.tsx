import { Button } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Role } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { CheckboxGroup, SelectField, TextField } from '../../ui/Fields';
import { EmptyState, FormError, Notice, QueryState } from '../../ui/States';
import {
  useParticipants,
  useRegister,
  useUpdateRegistration,
  type MeetingDay,
  type Participant,
  type Registration,
} from './api';
import { slotTimes } from './format';

/** More names than this, and the wish list gets a search box. */
const FILTER_FROM = 8;

/**
 * Registering (or changing a registration): when one is available, how many meetings at most, and wishes chosen
 * by name from the organisations of the other kind that registered.
 */
export function RegistrationForm({
  day,
  role,
  existing,
  onDone,
}: {
  day: MeetingDay;
  role: Role;
  existing?: Registration;
  onDone: () => void;
}) {
  const { t, fieldErrors } = useT();
  const slots = slotTimes(day);
  const [from, setFrom] = useState(existing?.availableFrom ?? '');
  const [until, setUntil] = useState(existing?.availableUntil ?? '');
  const [max, setMax] = useState(
    existing && existing.maxMeetings < day.slots ? String(existing.maxMeetings) : '',
  );
  const [wishes, setWishes] = useState<string[]>(existing?.wishes ?? []);
  const [local, setLocal] = useState<Record<string, string>>({});
  const register = useRegister(day.id);
  const update = useUpdateRegistration(day.id, existing?.id ?? '');
  const send = existing ? update : register;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const n = max.trim() ? Number(max.trim()) : null;
    if (n !== null && !(Number.isInteger(n) && n >= 1)) errs.maxMeetings = t('md.reg.f.max.invalid');
    if (from && until && from >= until) errs.availableUntil = t('md.reg.f.until.invalid');
    setLocal(errs);
    if (Object.keys(errs).length) return;
    send.mutate(
      { availableFrom: from || null, availableUntil: until || null, maxMeetings: n, wishes },
      { onSuccess: onDone },
    );
  };
  const errors = { ...fieldErrors(send.error), ...local };
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      {Object.keys(local).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
      <FormError error={send.error} />
      <div className="bs-row">
        <SelectField
          label={t('md.reg.f.from')}
          value={from}
          onChange={setFrom}
          error={errors.availableFrom}
          options={[
            { value: '', label: t('md.reg.f.fromStart', { time: day.startTime }) },
            ...slots.slice(1).map((s) => ({ value: s.start, label: s.start })),
          ]}
        />
        <SelectField
          label={t('md.reg.f.until')}
          value={until}
          onChange={setUntil}
          error={errors.availableUntil}
          options={[
            ...slots.slice(0, -1).map((s) => ({ value: s.end, label: s.end })),
            { value: '', label: t('md.reg.f.untilEnd', { time: day.endTime }) },
          ]}
        />
      </div>
      <TextField
        label={`${t('md.reg.f.max')} ${t('common.optional')}`}
        description={t('md.reg.f.max.help', { slots: day.slots })}
        value={max}
        onChange={setMax}
        error={errors.maxMeetings}
        inputMode="numeric"
        size={4}
      />
      <Wishes day={day} role={role} wishes={wishes} onChange={setWishes} error={errors.wishes} />
      <div className="bs-actions">
        <Button type="submit" appearance="primary-action-button" busy={send.isPending}>
          {t(existing ? 'md.reg.f.save' : 'md.reg.f.submit')}
        </Button>
      </div>
    </form>
  );
}

function Wishes({
  day,
  role,
  wishes,
  onChange,
  error,
}: {
  day: MeetingDay;
  role: Role;
  wishes: string[];
  onChange: (w: string[]) => void;
  error?: string;
}) {
  const { t } = useT();
  const others = useParticipants(day.id);
  const [q, setQ] = useState('');
  const legend = t(role === 'contractor' ? 'md.reg.f.wishes.contractor' : 'md.reg.f.wishes.se');
  const shown = (items: Participant[]) => {
    const needle = q.trim().toLocaleLowerCase();
    return items.filter(
      (p) => !needle || wishes.includes(p.organisationId) || p.name.toLocaleLowerCase().includes(needle),
    );
  };
  return (
    <QueryState
      query={others}
      isEmpty={(d) => d.items.length === 0}
      empty={t(role === 'contractor' ? 'md.reg.f.wishes.noneYet.contractor' : 'md.reg.f.wishes.noneYet.se')}
    >
      {({ items }) => (
        <div>
          {items.length > FILTER_FROM && (
            <TextField label={t('md.reg.f.wishes.filter')} value={q} onChange={setQ} inputMode="search" />
          )}
          {shown(items).length === 0 ? (
            <EmptyState>{t('md.reg.f.wishes.noMatch', { q })}</EmptyState>
          ) : (
            <CheckboxGroup
              legend={`${legend} ${t('common.optional')}`}
              values={wishes}
              onChange={onChange}
              error={error}
              options={shown(items).map((p) => ({ value: p.organisationId, label: p.name }))}
            />
          )}
        </div>
      )}
    </QueryState>
  );
}
