import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../../api/client';
import { parseDecimal, parseMoney, today, type Locale } from '../../../i18n/format';
import { useT } from '../../../i18n/LocaleProvider';
import { useDebounced } from '../../../ui/hooks';
import { useContributionPreview, useSubmitContribution, type ContributionBody } from '../api';

export type Kind = 'placement' | 'purchase' | 'activity';

/** A new form's fields; the dates default to today. */
const empty = () => ({
  category: 'employment',
  targetGroup: 'participatiewet',
  benefitMonths: '',
  hoursPerWeek: '24',
  startDate: today(),
  endDate: '',
  personToken: '',
  bonus50: [] as string[],
  supplierOrganisationId: '',
  /** The chosen supplier's name (the picker shows it; only the id is sent). */
  supplierName: '',
  invoiceNumber: '',
  invoiceDate: today(),
  amount: '',
  blockCode: 'ACT_HOUR',
  quantity: '',
  description: '',
});

export type Fields = ReturnType<typeof empty>;
export type TextFieldName = { [K in keyof Fields]: Fields[K] extends string ? K : never }[keyof Fields];

/** The contribution the fields describe, or null while a required field is still empty (nothing to preview). */
function bodyOf(kind: Kind, f: Fields, locale: Locale): ContributionBody | null {
  if (kind === 'placement') {
    const hours = parseDecimal(f.hoursPerWeek);
    if (hours === null || !f.startDate || !f.endDate || !f.personToken.trim()) return null;
    const months = parseDecimal(f.benefitMonths);
    return {
      category: f.category as 'employment' | 'training',
      targetGroup: f.targetGroup as Schemas['PlacementContributionDto']['targetGroup'],
      hoursPerWeek: hours,
      startDate: f.startDate,
      endDate: f.endDate,
      personToken: f.personToken.trim(),
      ...(months !== null ? { benefitMonths: months } : {}),
      ...(f.bonus50.length ? { bonuses: ['age_50_plus'] } : {}),
    };
  }
  if (kind === 'purchase') {
    const cents = parseMoney(f.amount, locale);
    if (cents === null || !f.supplierOrganisationId.trim() || !f.invoiceNumber.trim() || !f.invoiceDate)
      return null;
    return {
      category: 'social_purchase',
      supplierOrganisationId: f.supplierOrganisationId.trim(),
      invoiceNumber: f.invoiceNumber.trim(),
      invoiceDate: f.invoiceDate,
      amountCents: cents,
    };
  }
  const q = parseDecimal(f.quantity);
  if (q === null || !f.blockCode.trim() || !f.description.trim()) return null;
  return {
    category: 'social_activity',
    blockCode: f.blockCode.trim(),
    quantity: q,
    description: f.description.trim(),
  };
}

/**
 * The contribution form's state: the kind and its fields, the live preview (each change, debounced, asks what it
 * counts for under the tender's frozen policy) and submitting. Nothing is saved until the contractor submits.
 */
export function useContributionForm(obligationId: string) {
  const { locale, fieldErrors } = useT();
  const [kind, setKind] = useState<Kind>('placement');
  const [fields, setFields] = useState(empty);
  const set = (k: TextFieldName) => (v: string) => setFields((x) => ({ ...x, [k]: v }));
  const setBonuses = (v: string[]) => setFields((x) => ({ ...x, bonus50: v }));

  const body = bodyOf(kind, fields, locale);
  const key = useDebounced(body ? JSON.stringify(body) : '', 400);
  const preview = useContributionPreview(obligationId, key);
  const submit = useSubmitContribution(obligationId);

  const changeKind = (k: Kind) => {
    setKind(k);
    submit.reset();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (body) submit.mutate(body);
  };
  /** The preview of what is typed now; none while the fields are incomplete. */
  const valuation = key !== '' ? preview.data : undefined;

  return {
    kind,
    changeKind,
    fields,
    set,
    setBonuses,
    body,
    preview,
    valuation,
    submit,
    onSubmit,
    errors: { ...fieldErrors(preview.error), ...fieldErrors(submit.error) },
  };
}

export type ContributionFormState = ReturnType<typeof useContributionForm>;
