import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../../../api/client';
import { parseMoney } from '../../../i18n/format';
import { useT } from '../../../i18n/LocaleProvider';
import { useCreateTender } from '../api';

type Policy = Schemas['PolicyResponseDto'];

/** One item of the tender as the form holds it: its words and the CPV code picked for it. */
export interface ItemRow {
  description: string;
  cpv: Schemas['CpvItemDto'] | null;
}

const EMPTY_ITEM: ItemRow = { description: '', cpv: null };

/**
 * The new tender's state: its fields as typed, its items, the form's own checks merged with the API's messages,
 * and creating it. The SROI policy defaults to the first published one.
 */
export function useTenderForm(
  published: Policy[],
  onCreated: (tender: Schemas['TenderResponseDto']) => void,
) {
  const { t, locale, fieldErrors } = useT();
  const [fields, setFields] = useState({
    title: '',
    description: '',
    category: 'services',
    value: '',
    postcode: '',
    deadline: '',
    start: '',
    end: '',
    labourShare: '',
    policyId: '',
    percentage: '',
  });
  const [items, setItems] = useState<ItemRow[]>([EMPTY_ITEM]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useCreateTender();
  // Started from a challenge's page (/officer/tenders/new?challengeId=…): the tender follows from it.
  const [params] = useSearchParams();
  const challengeId = params.get('challengeId');
  const set = (k: keyof typeof fields) => (v: string) => setFields((x) => ({ ...x, [k]: v }));
  const policyId = fields.policyId || published[0]?.id || '';

  const setItem = (i: number, change: Partial<ItemRow>) =>
    setItems(items.map((x, j) => (j === i ? { ...x, ...change } : x)));
  const addItem = () => setItems([...items, EMPTY_ITEM]);
  const removeItem = (i: number) => setItems(items.filter((_, j) => j !== i));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = fields;
    const value = parseMoney(f.value, locale);
    setLocal(value === null ? { estimatedValueCents: t('tender.f.value.invalid') } : {});
    if (value === null) return;
    create.mutate(
      {
        title: f.title.trim(),
        description: f.description.trim() || undefined,
        mainProcurementCategory: f.category as Schemas['CreateTenderDto']['mainProcurementCategory'],
        items: items.map((i) => ({ description: i.description.trim(), cpvCode: i.cpv?.code ?? '' })),
        estimatedValueCents: value,
        deliveryPostcode: f.postcode.trim() || undefined,
        tenderPeriodEnd: f.deadline || undefined,
        contractPeriod: { startDate: f.start, endDate: f.end },
        labourShare: f.labourShare.trim() ? Number(f.labourShare.replace(',', '.')) : undefined,
        sroi: {
          policyId,
          ...(f.percentage.trim() ? { percentage: Number(f.percentage.replace(',', '.')) } : {}),
        },
        ...(challengeId ? { challengeId } : {}),
      },
      { onSuccess: onCreated },
    );
  };

  return {
    fields,
    set,
    policyId,
    items,
    setItem,
    addItem,
    removeItem,
    errors: { ...fieldErrors(create.error), ...local },
    create,
    submit,
    challengeId,
  };
}

export type TenderForm = ReturnType<typeof useTenderForm>;
