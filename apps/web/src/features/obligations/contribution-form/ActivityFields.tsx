import { useT } from '../../../i18n/LocaleProvider';
import { TextField } from '../../../ui/Fields';
import type { ContributionFormState } from './useContributionForm';

/** A social activity: the policy's block it counts under, how many, and what it was. */
export function ActivityFields({ form }: { form: ContributionFormState }) {
  const { t } = useT();
  const { fields: f, set, errors } = form;
  return (
    <>
      <div className="bs-row">
        <TextField
          label={t('ct.contribution.blockCode')}
          value={f.blockCode}
          onChange={set('blockCode')}
          error={errors.blockCode}
        />
        <TextField
          label={t('ct.contribution.quantity')}
          value={f.quantity}
          onChange={set('quantity')}
          error={errors.quantity}
          inputMode="decimal"
        />
      </div>
      <TextField
        label={t('ct.contribution.description')}
        value={f.description}
        onChange={set('description')}
        error={errors.description}
      />
    </>
  );
}
