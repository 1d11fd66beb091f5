import { blockName } from '@glossary';
import { useEffect } from 'react';
import { useT } from '../../../i18n/LocaleProvider';
import { SelectField, TextField } from '../../../ui/Fields';
import { useObligation } from '../api';
import type { ContributionFormState } from './useContributionForm';

/** A social-activity block of the obligation's frozen policy, as the obligation lists them (`activityBlocks`). */
interface ActivityBlock {
  code: string;
  unit: string;
  valueCents: number;
}

/**
 * A social activity: the policy's block it counts under, how many, and what it was. The blocks are picked by name
 * ("Maatschappelijke activiteit, per uur: € 100,00"), never by the officer's code; while the obligation does not
 * list its blocks the code is typed.
 */
export function ActivityFields({
  form,
  obligationId,
}: {
  form: ContributionFormState;
  obligationId: string;
}) {
  const { t, locale, money } = useT();
  const { fields: f, set, errors } = form;
  const obligation = useObligation(obligationId).data as { activityBlocks?: ActivityBlock[] } | undefined;
  const blocks = obligation?.activityBlocks ?? [];
  const setBlock = set('blockCode');
  const chosen = blocks.some((b) => b.code === f.blockCode);
  useEffect(() => {
    if (blocks.length > 0 && !chosen) setBlock(blocks[0].code);
  }, [blocks, chosen, setBlock]);
  return (
    <>
      <div className="bs-row">
        {blocks.length > 0 ? (
          <SelectField
            label={t('ct.contribution.blockCode')}
            value={f.blockCode}
            onChange={setBlock}
            error={errors.blockCode}
            options={blocks.map((b) => ({
              value: b.code,
              label: `${blockName({ category: 'social_activity', unit: b.unit }, locale)}: ${money(b.valueCents)}`,
            }))}
          />
        ) : (
          <TextField
            label={t('ct.contribution.blockCode')}
            value={f.blockCode}
            onChange={setBlock}
            error={errors.blockCode}
          />
        )}
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
