import { Button, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useT } from '../../../i18n/LocaleProvider';
import { TextField } from '../../../ui/Fields';
import { CpvPicker } from '../../directory/CpvPicker';
import type { TenderForm } from './useTenderForm';

/** What is bought: one card per item, its words and its CPV code. */
export function ItemsFieldset({ form }: { form: TenderForm }) {
  const { t } = useT();
  const { items, errors } = form;
  return (
    <Fieldset className="bs-fieldset">
      <FieldsetLegend>{t('tender.f.items')}</FieldsetLegend>
      {errors.items && <div className="utrecht-form-field-error-message bs-field__error">{errors.items}</div>}
      {items.map((item, i) => (
        <div key={i} className="bs-card">
          <TextField
            label={t('tender.f.itemDescription', { n: i + 1 })}
            value={item.description}
            onChange={(v) => form.setItem(i, { description: v })}
            error={errors[`items[${i}].description`]}
          />
          <CpvPicker
            label={`${t('cpv.label')} (${i + 1})`}
            value={item.cpv}
            onChange={(v) => form.setItem(i, { cpv: v })}
            error={errors[`items[${i}].cpvCode`]}
          />
          {items.length > 1 && (
            <Button type="button" appearance="subtle-button" onClick={() => form.removeItem(i)}>
              {t('tender.f.itemRemove', { n: i + 1 })}
            </Button>
          )}
        </div>
      ))}
      <Button type="button" appearance="secondary-action-button" onClick={form.addItem}>
        {t('tender.f.itemAdd')}
      </Button>
    </Fieldset>
  );
}
