import { Button, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { parseMoney } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { TextField } from '../../ui/Fields';
import { FormError, Notice } from '../../ui/States';
import { useRequestQuote } from './api';

/**
 * The contractor asks a social enterprise for a quote on one of its offerings: what, an optional budget and date.
 * From a match, or from a meeting-day meeting that asked for a follow-up.
 */
export function QuoteRequestForm({
  obligationId,
  match,
}: {
  obligationId: string;
  match: Pick<Schemas['MatchDto'], 'offeringId' | 'socialEnterpriseName'>;
}) {
  const { t, locale, fieldErrors } = useT();
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
    if (!description.trim()) errs.description = t('register.required');
    if (budget.trim() && cents === null) errs.budgetCents = t('tender.f.value.invalid');
    setLocal(errs);
    if (Object.keys(errs).length) return;
    send.mutate({
      obligationId,
      offeringId: match.offeringId,
      description: description.trim(),
      ...(cents !== null ? { budgetCents: cents } : {}),
      ...(neededBy ? { neededBy } : {}),
    });
  };
  const errors = { ...fieldErrors(send.error), ...local };
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      <Heading level={4}>{t('ct.qr.title', { name: match.socialEnterpriseName })}</Heading>
      <FormError error={send.error} />
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
