import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { parseMoney } from '../../i18n/format';
import type { MessageId } from '../../i18n/messages';
import { CheckboxGroup, RadioGroup, SelectField, TextField } from '../../ui/Fields';
import { ErrorAlert, Notice } from '../../ui/States';
import { TARGET_GROUPS } from '../../ui/vocabulary';
import { today, useDebounced, useT2 } from './shared';

type Body =
  | Schemas['PlacementContributionDto']
  | Schemas['PurchaseContributionDto']
  | Schemas['ActivityContributionDto'];
type Kind = 'placement' | 'purchase' | 'activity';

const num = (s: string): number | null => {
  const n = Number(s.replace(',', '.'));
  return s.trim() !== '' && Number.isFinite(n) ? n : null;
};

/**
 * A contribution with a live preview: each change (debounced) asks the preview route what it counts for under
 * this tender's frozen policy. Nothing is saved until the contractor submits.
 */
export function ContributionForm({ obligationId }: { obligationId: string }) {
  const { t, money, locale, fieldErrors } = useT2();
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('placement');
  const [f, setF] = useState({
    category: 'employment',
    targetGroup: 'participatiewet',
    benefitMonths: '',
    hoursPerWeek: '24',
    startDate: today(),
    endDate: '',
    personToken: '',
    bonus50: [] as string[],
    supplierOrganisationId: '',
    invoiceNumber: '',
    invoiceDate: today(),
    amount: '',
    blockCode: 'ACT_HOUR',
    quantity: '',
    description: '',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));

  // The body, or null while a required field is still empty (then there is nothing to preview yet).
  const body: Body | null = (() => {
    if (kind === 'placement') {
      const hours = num(f.hoursPerWeek);
      if (hours === null || !f.startDate || !f.endDate || !f.personToken.trim()) return null;
      const months = num(f.benefitMonths);
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
    const q = num(f.quantity);
    if (q === null || !f.blockCode.trim() || !f.description.trim()) return null;
    return {
      category: 'social_activity',
      blockCode: f.blockCode.trim(),
      quantity: q,
      description: f.description.trim(),
    };
  })();
  const key = useDebounced(body ? JSON.stringify(body) : '', 400);
  const preview = useQuery({
    queryKey: ['contribution-preview', obligationId, key],
    queryFn: () =>
      call(
        api.POST('/obligations/{id}/contributions/preview', {
          params: { path: { id: obligationId } },
          body: JSON.parse(key) as Body,
        }),
      ),
    enabled: key !== '',
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const submit = useMutation({
    mutationFn: (b: Body) =>
      call(
        api.POST('/obligations/{id}/contributions', {
          params: { path: { id: obligationId } },
          body: b,
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['contributions', obligationId] });
      void qc.invalidateQueries({ queryKey: ['obligation', obligationId] });
      void qc.invalidateQueries({ queryKey: ['obligations'] });
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (body) submit.mutate(body);
  };
  const errors = { ...fieldErrors(preview.error), ...fieldErrors(submit.error) };
  const p = key !== '' ? preview.data : undefined;

  return (
    <section className="bs-section" aria-labelledby="contribution-h">
      <Heading level={2} id="contribution-h">
        {t('ct.contribution.title')}
      </Heading>
      <Paragraph>{t('ct.contribution.lead')}</Paragraph>
      <form onSubmit={onSubmit} className="bs-form" noValidate>
        <RadioGroup
          legend={t('ct.contribution.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v as Kind);
            submit.reset();
          }}
          options={[
            { value: 'placement', label: t('ct.contribution.placement') },
            { value: 'purchase', label: t('ct.contribution.purchase') },
            { value: 'activity', label: t('ct.contribution.activity') },
          ]}
        />
        {kind === 'placement' && (
          <>
            <div className="bs-row">
              <SelectField
                label={t('ct.contribution.category')}
                value={f.category}
                onChange={set('category')}
                options={[
                  { value: 'employment', label: t('contribCat.employment') },
                  { value: 'training', label: t('contribCat.training') },
                ]}
              />
              <SelectField
                label={t('ct.contribution.targetGroup')}
                value={f.targetGroup}
                onChange={set('targetGroup')}
                error={errors.targetGroup}
                options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`tg.${g}` as MessageId) }))}
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
              onChange={(v) => setF((x) => ({ ...x, bonus50: v }))}
              options={[{ value: 'age_50_plus', label: t('ct.contribution.bonus50') }]}
            />
          </>
        )}
        {kind === 'purchase' && (
          <>
            <TextField
              label={t('ct.contribution.supplier')}
              value={f.supplierOrganisationId}
              onChange={set('supplierOrganisationId')}
              error={errors.supplierOrganisationId}
              autoComplete="off"
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
        )}
        {kind === 'activity' && (
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
        )}
        <div className="bs-preview" aria-live="polite" role="status">
          <Heading level={3}>{t('ct.contribution.preview')}</Heading>
          {!body ? (
            <Paragraph>{t('ct.contribution.previewEmpty')}</Paragraph>
          ) : preview.isError ? (
            <ErrorAlert error={preview.error} />
          ) : p ? (
            <>
              <Paragraph>
                <strong>
                  {p.countable
                    ? t('ct.contribution.previewCounts', { amount: money(p.claimedValueCents) })
                    : t('ct.contribution.previewNot', { reason: p.reason ?? '' })}
                </strong>
              </Paragraph>
              <ul className="bs-list">
                {p.breakdown.map((l, i) => (
                  <li key={`${l.code}-${i}`}>
                    {locale === 'nl' ? l.labelNl : l.labelEn}
                    {l.valueCents !== undefined ? `: ${money(l.valueCents)}` : ''}
                    {l.detail ? <span className="bs-muted"> ({l.detail})</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <Paragraph>{t('common.loading')}</Paragraph>
          )}
        </div>
        {submit.error && <ErrorAlert error={submit.error} />}
        {submit.data && (
          <Notice>{t('ct.contribution.submitted', { amount: money(submit.data.claimedValueCents) })}</Notice>
        )}
        <div className="bs-actions">
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={submit.isPending}
            disabled={!body || (p !== undefined && !p.countable)}
          >
            {t('ct.contribution.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
