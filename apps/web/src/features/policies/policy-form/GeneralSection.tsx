import { Heading } from '@utrecht/component-library-react';
import { useT } from '../../../i18n/LocaleProvider';
import { CheckboxGroup, TextField } from '../../../ui/Fields';
import { CATEGORIES } from '../../../ui/vocabulary';
import type { PolicyForm } from './usePolicyForm';

/** The policy's name, version and the figures that decide whether and how much social return a tender owes. */
export function GeneralSection({ form }: { form: PolicyForm }) {
  const { t, term } = useT();
  const { draft: d, errors, setField } = form;
  return (
    <>
      <Heading level={2}>{t('policy.general')}</Heading>
      <div className="bs-row">
        <TextField
          label={t('policies.name')}
          value={d.name}
          onChange={setField('name')}
          error={errors.name}
        />
        <TextField
          label={t('policies.version')}
          value={d.version}
          onChange={setField('version')}
          error={errors.version}
        />
        <TextField
          label={t('policies.validFrom')}
          type="date"
          value={d.validFrom}
          onChange={setField('validFrom')}
          error={errors.validFrom}
        />
      </div>
      <div className="bs-row">
        <TextField
          label={t('policy.threshold')}
          description={t('policy.threshold.help')}
          value={d.threshold}
          onChange={setField('threshold')}
          error={errors.thresholdCents}
          inputMode="decimal"
        />
        <TextField
          label={t('policy.defaultPercentage')}
          value={d.percentage}
          onChange={setField('percentage')}
          error={errors.defaultPercentage}
          inputMode="decimal"
        />
        <TextField
          label={t('policy.fullTime')}
          value={d.fullTime}
          onChange={setField('fullTime')}
          error={errors.fullTimeHoursPerWeek}
          inputMode="decimal"
        />
      </div>
      <CheckboxGroup
        legend={t('policy.categories')}
        values={d.categories}
        onChange={form.setCategories}
        error={errors.categories}
        options={CATEGORIES.map((c) => ({ value: c, label: term('procurementCategory', c) }))}
      />
    </>
  );
}
