import { Button, Fieldset, FieldsetLegend, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { parseDecimal, parseMoney } from '../../i18n/format';
import { Lead } from '../../ui/Bits';
import { SelectField, TextField } from '../../ui/Fields';
import { FormError, Notice, PageHeading } from '../../ui/States';
import { useCreateInitiative } from './api';
import { SUPPORT_KINDS } from './InitiativePage';

interface NeedRow {
  kind: string;
  description: string;
  amount: string;
  hours: string;
}
const EMPTY_NEED: NeedRow = { kind: 'hours', description: '', amount: '', hours: '' };

/** A new initiative; an officer may enter one for a resident (whose contact is never shown publicly). */
export function NewInitiativePage() {
  const { t, term, locale, fieldErrors } = useT();
  const { me } = useAuth();
  const officer = me?.role === 'procurement_officer';
  const navigate = useNavigate();
  const create = useCreateInitiative();
  const [f, setF] = useState({
    title: '',
    summary: '',
    postcode: '',
    pitchDate: '',
    pitchEvent: '',
    initiatorName: '',
    initiatorEmail: '',
  });
  const [needs, setNeeds] = useState<NeedRow[]>([EMPTY_NEED]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const setNeed = (i: number, change: Partial<NeedRow>) =>
    setNeeds(needs.map((n, j) => (j === i ? { ...n, ...change } : n)));
  const errors = { ...fieldErrors(create.error), ...local };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad: Record<string, string> = {};
    const body = needs
      .filter((n) => n.description.trim())
      .map((n, i) => {
        const amountCents = n.kind === 'money' && n.amount.trim() ? parseMoney(n.amount, locale) : null;
        const hours = n.kind === 'hours' && n.hours.trim() ? parseDecimal(n.hours) : null;
        if (n.kind === 'money' && n.amount.trim() && amountCents === null)
          bad[`needs.${i}.amountCents`] = t('in.f.amount.invalid');
        if (n.kind === 'hours' && n.hours.trim() && hours === null)
          bad[`needs.${i}.hours`] = t('in.f.hours.invalid');
        return {
          kind: n.kind as (typeof SUPPORT_KINDS)[number],
          description: n.description.trim(),
          amountCents,
          hours,
        };
      });
    setLocal(bad);
    if (Object.keys(bad).length) return;
    create.mutate(
      {
        title: f.title.trim(),
        summary: f.summary.trim(),
        postcode: f.postcode.trim() || null,
        needs: body,
        pitchedAt:
          f.pitchDate || f.pitchEvent.trim() ? { date: f.pitchDate, eventName: f.pitchEvent.trim() } : null,
        ...(officer && f.initiatorName.trim()
          ? { initiator: { name: f.initiatorName.trim(), email: f.initiatorEmail.trim() || null } }
          : {}),
      },
      { onSuccess: (i) => navigate(`/initiatives/${i.id}`) },
    );
  };

  const optional = (label: string) => `${label} ${t('common.optional')}`;
  return (
    <>
      <PageHeading>{t('in.new.title')}</PageHeading>
      <Lead>{t(officer ? 'in.new.lead.officer' : 'in.new.lead')}</Lead>
      <form onSubmit={submit} className="bs-form" noValidate>
        {Object.keys(errors).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
        <FormError error={create.error} />
        <TextField
          label={t('in.f.title')}
          value={f.title}
          onChange={set('title')}
          error={errors.title}
          required
        />
        <TextField
          label={t('in.f.summary')}
          value={f.summary}
          onChange={set('summary')}
          error={errors.summary}
          required
          multiline
        />
        <TextField
          label={optional(t('in.f.postcode'))}
          value={f.postcode}
          onChange={set('postcode')}
          error={errors.postcode}
          autoComplete="postal-code"
        />
        {officer && (
          <Fieldset className="bs-fieldset">
            <FieldsetLegend>{t('in.f.initiator')}</FieldsetLegend>
            <TextField
              label={optional(t('in.f.initiatorName'))}
              description={t('in.f.initiator.help')}
              value={f.initiatorName}
              onChange={set('initiatorName')}
              error={errors['initiator.name']}
            />
            <TextField
              label={optional(t('in.f.initiatorEmail'))}
              type="email"
              value={f.initiatorEmail}
              onChange={set('initiatorEmail')}
              error={errors['initiator.email']}
            />
          </Fieldset>
        )}
        <Fieldset className="bs-fieldset">
          <FieldsetLegend>{t('in.f.pitch')}</FieldsetLegend>
          <div className="bs-row">
            <TextField
              label={optional(t('in.f.pitchDate'))}
              type="date"
              value={f.pitchDate}
              onChange={set('pitchDate')}
              error={errors['pitchedAt.date']}
            />
            <TextField
              label={optional(t('in.f.pitchEvent'))}
              value={f.pitchEvent}
              onChange={set('pitchEvent')}
              error={errors['pitchedAt.eventName']}
            />
          </div>
        </Fieldset>
        <Heading level={2}>{t('in.needs')}</Heading>
        {needs.map((n, i) => (
          <Fieldset key={i} className="bs-fieldset">
            <FieldsetLegend>{t('in.f.need', { n: i + 1 })}</FieldsetLegend>
            <SelectField
              label={t('in.f.kind')}
              value={n.kind}
              onChange={(v) => setNeed(i, { kind: v })}
              error={errors[`needs.${i}.kind`]}
              options={SUPPORT_KINDS.map((k) => ({ value: k, label: term('supportKind', k) }))}
            />
            <TextField
              label={t('in.f.description')}
              value={n.description}
              onChange={(v) => setNeed(i, { description: v })}
              error={errors[`needs.${i}.description`]}
            />
            {n.kind === 'money' && (
              <TextField
                label={optional(t('in.f.amount'))}
                value={n.amount}
                onChange={(v) => setNeed(i, { amount: v })}
                error={errors[`needs.${i}.amountCents`]}
                inputMode="decimal"
              />
            )}
            {n.kind === 'hours' && (
              <TextField
                label={optional(t('in.f.hours'))}
                value={n.hours}
                onChange={(v) => setNeed(i, { hours: v })}
                error={errors[`needs.${i}.hours`]}
                inputMode="decimal"
              />
            )}
            {needs.length > 1 && (
              <Button
                appearance="subtle-button"
                type="button"
                onClick={() => setNeeds(needs.filter((_, j) => j !== i))}
              >
                {t('in.f.need.remove', { n: i + 1 })}
              </Button>
            )}
          </Fieldset>
        ))}
        <Button
          appearance="secondary-action-button"
          type="button"
          onClick={() => setNeeds([...needs, EMPTY_NEED])}
        >
          {t('in.f.need.add')}
        </Button>
        <div className="bs-actions">
          <Button appearance="primary-action-button" type="submit" disabled={create.isPending}>
            {t('in.new.save')}
          </Button>
        </div>
      </form>
    </>
  );
}
