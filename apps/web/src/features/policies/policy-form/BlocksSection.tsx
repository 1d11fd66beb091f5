import { Button, Heading, TableCell, TableRow } from '@utrecht/component-library-react';
import { useT } from '../../../i18n/LocaleProvider';
import type { MessageId } from '../../../i18n/messages';
import { CellInput, CellSelect } from '../../../ui/CellFields';
import { DataTable } from '../../../ui/DataTable';
import { BLOCK_CATEGORIES, BLOCK_UNITS, TARGET_GROUPS } from '../../../ui/vocabulary';
import type { BlockRow, PolicyForm } from './usePolicyForm';

/** The building blocks: what a placement or an activity is worth, one table row per block. */
export function BlocksSection({ form }: { form: PolicyForm }) {
  const { t } = useT();
  const { draft, errors, editable } = form;
  return (
    <>
      <Heading level={2}>{t('policy.blocks')}</Heading>
      {errors.blocks && (
        <div className="utrecht-form-field-error-message bs-field__error">{errors.blocks}</div>
      )}
      <DataTable
        layout="scroll"
        columns={[
          t('policy.block.code'),
          t('policy.block.category'),
          t('policy.block.targetGroup'),
          t('policy.block.unit'),
          t('policy.block.value'),
          t('policy.block.maxMonths'),
          editable && t('common.actions'),
        ]}
        caption={t('policy.blocks.caption')}
      >
        {draft.blocks.map((b, i) => (
          <BlockTableRow key={i} form={form} block={b} i={i} />
        ))}
      </DataTable>
    </>
  );
}

function BlockTableRow({ form, block: b, i }: { form: PolicyForm; block: BlockRow; i: number }) {
  const { t, money, term } = useT();
  const { errors, editable, setBlock } = form;
  const row = t('policy.block.row', { n: i + 1 });
  const e = (k: string) => errors[`blocks[${i}].${k}`] ?? (k === 'code' ? errors[`blocks[${i}]`] : undefined);
  const blockCats = BLOCK_CATEGORIES.map((c) => ({
    value: c,
    label: t(`policy.blockCat.${c}` as MessageId),
  }));
  const units = BLOCK_UNITS.map((u) => ({ value: u, label: term('blockUnit', u) }));
  const groups = [
    { value: '', label: t('policy.none') },
    ...TARGET_GROUPS.map((g) => ({ value: g, label: term('targetGroup', g) })),
  ];
  return (
    <TableRow>
      <TableCell>
        <CellInput
          label={`${t('policy.block.code')}, ${row}`}
          value={b.code}
          onChange={setBlock(i, 'code')}
          error={e('code')}
          readOnly={!editable}
        />
      </TableCell>
      <TableCell>
        <CellSelect
          label={`${t('policy.block.category')}, ${row}`}
          value={b.category}
          onChange={setBlock(i, 'category')}
          options={blockCats}
          error={e('category')}
          disabled={!editable}
        />
      </TableCell>
      <TableCell>
        <CellSelect
          label={`${t('policy.block.targetGroup')}, ${row}`}
          value={b.category === 'social_activity' ? '' : b.targetGroup}
          onChange={setBlock(i, 'targetGroup')}
          options={groups}
          error={e('targetGroup')}
          disabled={!editable || b.category === 'social_activity'}
        />
      </TableCell>
      <TableCell>
        <CellSelect
          label={`${t('policy.block.unit')}, ${row}`}
          value={b.unit}
          onChange={setBlock(i, 'unit')}
          options={units}
          error={e('unit')}
          disabled={!editable}
        />
      </TableCell>
      <TableCell>
        <CellInput
          label={`${t('policy.block.value')} (€), ${row}`}
          value={editable ? b.value : money(b.orig.valueCents)}
          onChange={setBlock(i, 'value')}
          error={e('valueCents')}
          readOnly={!editable}
          inputMode="decimal"
        />
      </TableCell>
      <TableCell>
        <CellInput
          label={`${t('policy.block.maxMonths')}, ${row}`}
          value={b.maxMonths}
          onChange={setBlock(i, 'maxMonths')}
          error={e('maxCountMonths')}
          readOnly={!editable}
          inputMode="numeric"
        />
      </TableCell>
      {editable && (
        <TableCell>
          <Button type="button" appearance="subtle-button" onClick={() => form.removeBlock(i)}>
            {t('common.remove')}
            <span className="bs-visually-hidden"> {row}</span>
          </Button>
        </TableCell>
      )}
    </TableRow>
  );
}
