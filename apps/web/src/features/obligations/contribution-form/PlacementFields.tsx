import { useT } from '../../../i18n/LocaleProvider';
import { CheckboxGroup, SelectField, TextField } from '../../../ui/Fields';
import { TARGET_GROUPS } from '../../../ui/vocabulary';
import type { ContributionFormState } from './useContributionForm';

/** A person placed in work or training: target group, hours, period and the employer's token for the person. */
export function PlacementFields({ form }: { form: ContributionFormState }) {
  const { t, term } = useT();
  const { fields: f, set, errors } = form;
  return (
    <>
      <div className="bs-row">
        <SelectField
          label={t('ct.contribution.category')}
          value={f.category}
          onChange={set('category')}
          options={[
            { value: 'employment', label: term('contributionCategory', 'employment') },
            { value: 'training', label: term('contributionCategory', 'training') },
          ]}
        />
        <SelectField
          label={t('ct.contribution.targetGroup')}
          value={f.targetGroup}
          onChange={set('targetGroup')}
          error={errors.targetGroup}
          options={TARGET_GROUPS.map((g) => ({ value: g, label: term('targetGroup', g) }))}
        />
      </div>
      <div className="bs-row">
        <TextField
          label={t('ct.contribution.hours')}
          value={f.hoursPerWeek}
          onChange={set('hoursPerWeek')}
          error={errors.hoursPerWeek}
          inputMode="decimal"
        />
        <TextField
          label={`${t('ct.contribution.benefitMonths')} ${t('common.optional')}`}
          value={f.benefitMonths}
          onChange={set('benefitMonths')}
          error={errors.benefitMonths}
          inputMode="numeric"
        />
      </div>
      <div className="bs-row">
        <TextField
          label={t('ct.contribution.start')}
          type="date"
          value={f.startDate}
          onChange={set('startDate')}
          error={errors.startDate}
        />
        <TextField
          label={t('ct.contribution.end')}
          type="date"
          value={f.endDate}
          onChange={set('endDate')}
          error={errors.endDate}
        />
      </div>
      <TextField
        label={t('ct.contribution.personToken')}
        description={t('ct.contribution.personToken.help')}
        value={f.personToken}
        onChange={set('personToken')}
        error={errors.personToken}
        autoComplete="off"
      />
      <CheckboxGroup
        legend={t('ct.contribution.bonuses')}
        values={f.bonus50}
        onChange={form.setBonuses}
        options={[{ value: 'age_50_plus', label: t('ct.contribution.bonus50') }]}
      />
    </>
  );
}
