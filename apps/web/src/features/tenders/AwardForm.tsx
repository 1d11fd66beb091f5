import { Button, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { parseMoney } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { TextField } from '../../ui/Fields';
import { FormError, Notice } from '../../ui/States';
import { Breakdown } from '../policies/Breakdown';
import { useAwardTender } from './api';

/** Awarding an active tender; afterwards, the obligation the award created and how it was valued. */
export function AwardForm({ tender }: { tender: Schemas['TenderResponseDto'] }) {
  const { t, money, locale, fieldErrors } = useT();
  const [contractor, setContractor] = useState('');
  const [value, setValue] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const award = useAwardTender(tender.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(value, locale);
    setLocal(cents === null ? { contractValueCents: t('tender.f.value.invalid') } : {});
    if (cents === null) return;
    award.mutate({ contractorOrganisationId: contractor.trim(), contractValueCents: cents });
  };
  const errors = { ...fieldErrors(award.error), ...local };
  if (!award.data && tender.status !== 'active') return null;
  if (award.data) {
    const ob = award.data.obligation;
    return (
      <div className="bs-section">
        <Notice>{t('tender.awarded', { amount: money(ob.amountCents) })}</Notice>
        <Breakdown lines={ob.breakdown} />
      </div>
    );
  }
  return (
    <section className="bs-section" aria-labelledby="award-heading">
      <Heading level={2} id="award-heading">
        {t('tender.award.title')}
      </Heading>
      <form onSubmit={submit} className="bs-form" noValidate>
        <FormError error={award.error} />
        <TextField
          label={t('tender.award.contractor')}
          description={t('tender.award.contractor.help')}
          value={contractor}
          onChange={setContractor}
          error={errors.contractorOrganisationId}
        />
        <TextField
          label={t('tender.award.value')}
          value={value}
          onChange={setValue}
          error={errors.contractValueCents}
          inputMode="decimal"
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={award.isPending}>
            {t('tender.award.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
