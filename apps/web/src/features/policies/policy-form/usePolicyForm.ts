import { useEffect, useState, type FormEvent } from 'react';
import type { Schemas } from '../../../api/client';
import { moneyInput, parseMoney, type Locale } from '../../../i18n/format';
import { useT } from '../../../i18n/LocaleProvider';
import { useSavePolicy } from '../api';

type Policy = Schemas['PolicyResponseDto'];
type Block = Schemas['PolicyBlockDto'];

/** A block as its table row edits it: the text of each field, and the stored block for the fields it keeps. */
export interface BlockRow {
  orig: Partial<Block>;
  code: string;
  category: string;
  targetGroup: string;
  unit: string;
  value: string;
  maxMonths: string;
}

/** The policy's editable fields as the form holds them (typed text until it is saved). */
export interface Draft {
  name: string;
  version: string;
  validFrom: string;
  threshold: string;
  percentage: string;
  fullTime: string;
  categories: string[];
  blocks: BlockRow[];
}

export type DraftField = keyof Omit<Draft, 'blocks' | 'categories'>;
export type BlockField = keyof Omit<BlockRow, 'orig'>;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
/** A number where the text is one; otherwise the text itself, so the API names what is wrong with it. */
const num = (s: string): number | string => (s.trim() !== '' && !Number.isNaN(Number(s)) ? Number(s) : s);

const EMPTY_BLOCK: BlockRow = {
  orig: {},
  code: '',
  category: 'employment',
  targetGroup: '',
  unit: 'fte_year',
  value: '',
  maxMonths: '',
};

function toDraft(p: Policy, locale: Locale): Draft {
  return {
    name: p.name,
    version: p.version,
    validFrom: p.validFrom,
    threshold: moneyInput(p.thresholdCents, locale),
    percentage: str(p.defaultPercentage),
    fullTime: str(p.fullTimeHoursPerWeek),
    categories: [...p.categories],
    blocks: p.blocks.map((b) => ({
      orig: b,
      code: str(b.code),
      category: str(b.category),
      targetGroup: str(b.targetGroup),
      unit: str(b.unit),
      value: moneyInput(b.valueCents, locale),
      maxMonths: str(b.maxCountMonths),
    })),
  };
}

/**
 * The policy editor's state: the draft, its changes, the form's own checks merged with the API's messages, and
 * saving. A policy that arrives anew (saved, published, reloaded) replaces the draft.
 */
export function usePolicyForm(policy: Policy) {
  const { t, locale, fieldErrors } = useT();
  const [draft, setDraft] = useState<Draft>(() => toDraft(policy, locale));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useSavePolicy(policy.id);
  useEffect(() => {
    setDraft(toDraft(policy, locale));
    // Re-read only when another record arrives; a language switch must not throw away edits.
  }, [policy]);

  const change = (next: Draft) => {
    setSaved(false);
    setDraft(next);
  };
  const setField = (k: DraftField) => (v: string) => change({ ...draft, [k]: v });
  const setCategories = (categories: string[]) => setDraft({ ...draft, categories });
  const setBlock = (i: number, k: BlockField) => (v: string) =>
    change({ ...draft, blocks: draft.blocks.map((b, j) => (j === i ? { ...b, [k]: v } : b)) });
  const addBlock = () => setDraft({ ...draft, blocks: [...draft.blocks, EMPTY_BLOCK] });
  const removeBlock = (i: number) => setDraft({ ...draft, blocks: draft.blocks.filter((_, j) => j !== i) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    const threshold = parseMoney(draft.threshold, locale);
    if (threshold === null) problems.thresholdCents = t('tender.f.value.invalid');
    const blocks = draft.blocks.map((b, i) => {
      const valueCents = parseMoney(b.value, locale);
      if (valueCents === null) problems[`blocks[${i}].valueCents`] = t('tender.f.value.invalid');
      const { targetGroup: _tg, maxCountMonths: _max, ...rest } = b.orig;
      return {
        ...rest,
        code: b.code.trim(),
        category: b.category,
        ...(b.category !== 'social_activity' && b.targetGroup ? { targetGroup: b.targetGroup } : {}),
        unit: b.unit,
        valueCents,
        ...(b.maxMonths.trim() ? { maxCountMonths: num(b.maxMonths) } : {}),
      };
    });
    setLocal(problems);
    if (Object.keys(problems).length) return;
    save.mutate(
      {
        name: draft.name,
        version: draft.version,
        validFrom: draft.validFrom,
        categories: draft.categories,
        thresholdCents: threshold,
        defaultPercentage: num(draft.percentage),
        fullTimeHoursPerWeek: num(draft.fullTime),
        blocks,
      } as Schemas['UpdatePolicyDto'],
      { onSuccess: () => setSaved(true) },
    );
  };

  return {
    draft,
    errors: { ...fieldErrors(save.error), ...local },
    saved,
    save,
    editable: policy.status === 'draft',
    setField,
    setCategories,
    setBlock,
    addBlock,
    removeBlock,
    submit,
  };
}

export type PolicyForm = ReturnType<typeof usePolicyForm>;
