import { Button, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { parseMoney } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { SelectField, TextField } from '../../ui/Fields';
import { FormError, Notice } from '../../ui/States';
import { useRequestQuote } from './api';

/** One of the things the contractor picks from, by its words (never its id). */
export interface Choice {
  id: string;
  label: string;
}

/**
 * The contractor asks a social enterprise for a quote on one of its offerings: what, an optional budget and date.
 * From a match, from a meeting-day meeting that asked for a follow-up, or from the enterprise's public profile: there
 * the contractor picks the obligation (by its tender's title) and, when asking from the page as a whole, the
 * offering.
 */
export function QuoteRequestForm({
  obligationId: givenObligation,
  match,
  obligations,
  offerings,
  headingLevel = 4,
}: {
  obligationId?: string;
  match: Pick<Schemas['MatchDto'], 'socialEnterpriseName'> & { offeringId?: string };
  /** The contractor's open obligations to pick from (when `obligationId` is not given). */
  obligations?: Choice[];
  /** The enterprise's offerings to pick from (when `match.offeringId` is not given). */
  offerings?: Choice[];
  headingLevel?: 2 | 3 | 4;
}) {
  const { t, locale, fieldErrors } = useT();
  const [obligationId, setObligationId] = useState(
    givenObligation ?? (obligations?.length === 1 ? obligations[0].id : ''),
  );
  const [offeringId, setOfferingId] = useState(
    match.offeringId ?? (offerings?.length === 1 ? offerings[0].id : ''),
  );
  const [description, setDescription] = useState('');
  const [budget, setBudget] = useState('');
  const [neededBy, setNeededBy] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const send = useRequestQuote();
  if (send.data) return <Notice>{t('ct.qr.sent')}</Notice>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = budget.trim() ? parseMoney(budget, locale) : null;
    const errs: Record<string, string> = {};
    if (!obligationId) errs.obligationId = t('profile.qr.pickObligation');
    if (!offeringId) errs.offeringId = t('profile.qr.pickOffering');
    if (!description.trim()) errs.description = t('register.required');
    if (budget.trim() && cents === null) errs.budgetCents = t('tender.f.value.invalid');
    setLocal(errs);
    if (Object.keys(errs).length) return;
    send.mutate({
      obligationId,
      offeringId,
      description: description.trim(),
      ...(cents !== null ? { budgetCents: cents } : {}),
      ...(neededBy ? { neededBy } : {}),
    });
  };
  const errors = { ...fieldErrors(send.error), ...local };
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      <Heading level={headingLevel}>{t('ct.qr.title', { name: match.socialEnterpriseName })}</Heading>
      <FormError error={send.error} />
      {!givenObligation && obligations && (
        <SelectField
          label={t('profile.qr.obligation')}
          description={t('profile.qr.obligation.help')}
          value={obligationId}
          onChange={setObligationId}
          error={errors.obligationId}
          required
          options={[
            ...(obligations.length > 1 ? [{ value: '', label: t('profile.qr.choose') }] : []),
            ...obligations.map((o) => ({ value: o.id, label: o.label })),
          ]}
        />
      )}
      {!match.offeringId && offerings && (
        <SelectField
          label={t('profile.qr.offering')}
          value={offeringId}
          onChange={setOfferingId}
          error={errors.offeringId}
          required
          options={[
            ...(offerings.length > 1 ? [{ value: '', label: t('profile.qr.choose') }] : []),
            ...offerings.map((o) => ({ value: o.id, label: o.label })),
          ]}
        />
      )}
      <TextField
        label={t('ct.qr.description')}
        description={t('ct.qr.description.help')}
        value={description}
        onChange={setDescription}
        error={errors.description}
        multiline
        required
      />
      <div className="bs-row">
        <TextField
          label={`${t('ct.qr.budget')} ${t('common.optional')}`}
          value={budget}
          onChange={setBudget}
          error={errors.budgetCents}
          inputMode="decimal"
        />
        <TextField
          label={`${t('ct.qr.neededBy')} ${t('common.optional')}`}
          type="date"
          value={neededBy}
          onChange={setNeededBy}
          error={errors.neededBy}
        />
      </div>
      <div className="bs-actions">
        <Button type="submit" appearance="primary-action-button" busy={send.isPending}>
          {t('ct.qr.send')}
        </Button>
      </div>
    </form>
  );
}
