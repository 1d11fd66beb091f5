import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { TextField } from '../../ui/Fields';
import { FormError, Notice } from '../../ui/States';
import { POSTCODE_OR_PC4_PATTERN } from '../../ui/vocabulary';
import type { MeetingDay } from './api';
import { parseTime, slotCount } from './format';

type Body = Schemas['CreateEventDto'];

interface Fields {
  title: string;
  description: string;
  date: string;
  startTime: string;
  endTime: string;
  slotMinutes: string;
  tables: string;
  postcode: string;
}

const fieldsOf = (d?: MeetingDay): Fields => ({
  title: d?.title ?? '',
  description: d?.description ?? '',
  date: d?.date ?? '',
  startTime: d?.startTime ?? '09:00',
  endTime: d?.endTime ?? '12:00',
  slotMinutes: String(d?.slotMinutes ?? 20),
  tables: String(d?.tables ?? 10),
  postcode: d?.postcode ?? '',
});

const whole = (s: string): number | null => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/**
 * A meeting day's date, hours, length of one meeting, tables and place: a new day, or changes to one (a draft or
 * one open for registration). Says as it is filled how many rounds and meetings the day holds.
 */
export function MeetingDayForm({
  day,
  submitLabel,
  pending,
  error,
  onSubmit,
}: {
  day?: MeetingDay;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: Body) => void;
}) {
  const { t, fieldErrors } = useT();
  const [f, setF] = useState<Fields>(() => fieldsOf(day));
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (k: keyof Fields) => (v: string) => setF((prev) => ({ ...prev, [k]: v }));
  const start = parseTime(f.startTime);
  const end = parseTime(f.endTime);
  const rounds = start && end ? slotCount(start, end, whole(f.slotMinutes) ?? 0) : 0;
  const tables = whole(f.tables) ?? 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const req = t('register.required');
    if (!f.title.trim()) errs.title = req;
    if (!f.date) errs.date = req;
    if (!start) errs.startTime = f.startTime.trim() ? t('md.f.time.invalid') : req;
    if (!end) errs.endTime = f.endTime.trim() ? t('md.f.time.invalid') : req;
    else if (start && end <= start) errs.endTime = t('md.f.endTime.invalid');
    const minutes = whole(f.slotMinutes);
    if (minutes === null || minutes < 5) errs.slotMinutes = t('md.f.slotMinutes.invalid');
    else if (!errs.endTime && rounds === 0) errs.slotMinutes = t('md.f.slotMinutes.tooLong');
    if (whole(f.tables) === null || tables < 1) errs.tables = t('md.f.tables.invalid');
    if (!POSTCODE_OR_PC4_PATTERN.test(f.postcode.trim())) errs.postcode = t('search.postcodeInvalid');
    setLocal(errs);
    if (Object.keys(errs).length) return;
    onSubmit({
      title: f.title.trim(),
      description: f.description.trim() || null,
      date: f.date,
      startTime: start!,
      endTime: end!,
      slotMinutes: minutes!,
      tables,
      postcode: f.postcode.trim(),
    });
  };
  const errors = { ...fieldErrors(error), ...local };
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      {Object.keys(local).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
      <FormError error={error} />
      <TextField
        label={t('md.f.title')}
        value={f.title}
        onChange={set('title')}
        error={errors.title}
        required
      />
      <TextField
        label={`${t('md.f.description')} ${t('common.optional')}`}
        description={t('md.f.description.help')}
        value={f.description}
        onChange={set('description')}
        error={errors.description}
        multiline
      />
      <TextField
        label={t('md.f.date')}
        type="date"
        value={f.date}
        onChange={set('date')}
        error={errors.date}
        required
      />
      <div className="bs-row">
        <TextField
          label={t('md.f.startTime')}
          description={t('md.f.time.help')}
          value={f.startTime}
          onChange={set('startTime')}
          error={errors.startTime}
          required
        />
        <TextField
          label={t('md.f.endTime')}
          description={t('md.f.time.help')}
          value={f.endTime}
          onChange={set('endTime')}
          error={errors.endTime}
          required
        />
      </div>
      <div className="bs-row">
        <TextField
          label={t('md.f.slotMinutes')}
          value={f.slotMinutes}
          onChange={set('slotMinutes')}
          error={errors.slotMinutes}
          inputMode="numeric"
          required
        />
        <TextField
          label={t('md.f.tables')}
          description={t('md.f.tables.help')}
          value={f.tables}
          onChange={set('tables')}
          error={errors.tables}
          inputMode="numeric"
          required
        />
      </div>
      <TextField
        label={t('md.f.postcode')}
        description={t('search.postcode.help')}
        value={f.postcode}
        onChange={set('postcode')}
        error={errors.postcode}
        autoComplete="postal-code"
        required
      />
      <Paragraph role="status" className="bs-muted">
        {rounds > 0 && tables > 0
          ? t('md.f.capacity', { rounds, meetings: rounds * tables })
          : t('md.f.capacity.none')}
      </Paragraph>
      <div className="bs-actions">
        <Button type="submit" appearance="primary-action-button" busy={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
