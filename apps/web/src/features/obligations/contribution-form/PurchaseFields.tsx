import { useT } from '../../../i18n/LocaleProvider';
import { TextField } from '../../../ui/Fields';
import type { ContributionFormState } from './useContributionForm';

/** A purchase from a social enterprise: the supplier and its invoice. */
export function PurchaseFields({ form }: { form: ContributionFormState }) {
  const { t } = useT();
  const { fields: f, set, errors } = form;
  return (
    <>
      <TextField
        label={t('ct.contribution.supplier')}
        value={f.supplierOrganisationId}
        onChange={set('supplierOrganisationId')}
        error={errors.supplierOrganisationId}
        autoComplete="off"
      />
      <div className="bs-row">
        <TextField
          label={t('ct.contribution.invoiceNumber')}
          value={f.invoiceNumber}
          onChange={set('invoiceNumber')}
          error={errors.invoiceNumber}
        />
        <TextField
          label={t('ct.contribution.invoiceDate')}
          type="date"
          value={f.invoiceDate}
          onChange={set('invoiceDate')}
          error={errors.invoiceDate}
        />
        <TextField
          label={t('ct.contribution.amount')}
          value={f.amount}
          onChange={set('amount')}
          error={errors.amountCents}
          inputMode="decimal"
        />
      </div>
    </>
  );
}
