import { todayInNl } from '../../../i18n/format';
import { useT } from '../../../i18n/LocaleProvider';
import { TextField } from '../../../ui/Fields';
import { OrganisationPicker } from '../../directory/OrganisationPicker';
import type { ContributionFormState } from './useContributionForm';

/** A purchase from a social enterprise: the supplier and its invoice. */
export function PurchaseFields({ form }: { form: ContributionFormState }) {
  const { t } = useT();
  const { fields: f, set, errors } = form;
  return (
    <>
      {/* Contractors search the public directory of social enterprises by name; only the id is sent. */}
      <OrganisationPicker
        source="enterprises"
        label={t('ct.contribution.supplier')}
        value={
          f.supplierOrganisationId
            ? { id: f.supplierOrganisationId, name: f.supplierName, kvkNumber: null, city: null }
            : null
        }
        onChange={(o) => {
          set('supplierOrganisationId')(o?.id ?? '');
          set('supplierName')(o?.name ?? '');
        }}
        error={errors.supplierOrganisationId}
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
          max={todayInNl()}
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
