import { Button, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { parseMoney } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { TextField } from '../../ui/Fields';
import { FormError, Notice } from '../../ui/States';
import { OrganisationPicker, type PickedOrganisation } from '../directory/OrganisationPicker';
import { Breakdown } from '../policies/Breakdown';
import { useAwardTender } from './api';

/** Awarding an active tender; afterwards, the obligation the award created and how it was valued. */
export function AwardForm({ tender }: { tender: Schemas['TenderResponseDto'] }) {
  const { t, money, locale, fieldErrors } = useT();
  const [contractor, setContractor] = useState<PickedOrganisation | null>(null);
  const [value, setValue] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const award = useAwardTender(tender.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(value, locale);
    const problems: Record<string, string> = {};
    if (!contractor) problems.contractorOrganisationId = t('orgPicker.required');
    if (cents === null) problems.contractValueCents = t('tender.f.value.invalid');
    setLocal(problems);
    if (!contractor || cents === null) return;
    award.mutate({ contractorOrganisationId: contractor.id, contractValueCents: cents });
  };
  const errors = { ...fieldErrors(award.error), ...local };
  if (!award.data && tender.status !== 'active') return null;
  if (award.data) {
    const ob = award.data.obligation;
    return (
      <div className="bs-section">
        <Notice>
          {t('tender.awarded.to', {
            contractor: ob.contractorName ?? contractor?.name ?? '',
            amount: money(ob.amountCents),
          })}
        </Notice>
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
        <OrganisationPicker
          source="organisations"
          kind="contractor"
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
