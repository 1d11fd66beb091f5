import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { blockName } from '@glossary';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { RadioGroup, SelectField, TextField } from '../../ui/Fields';
import { FormError } from '../../ui/States';
import { TARGET_GROUPS } from '../../ui/vocabulary';
import { useEvaluatePolicy } from './api';
import { Breakdown } from './Breakdown';

type Policy = Schemas['PolicyResponseDto'];

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const num = (s: string): number | string => (s.trim() !== '' && !Number.isNaN(Number(s)) ? Number(s) : s);

/**
 * Try the policy on an example contribution (a placement or an activity): what it would count for, line by line.
 * Nothing is stored.
 */
export function EvaluatePreview({ policy }: { policy: Policy }) {
  const { t, money, fieldErrors, term, termLower, locale } = useT();
  const [kind, setKind] = useState<'placement' | 'activity'>('placement');
  const year = new Date().getFullYear();
  const [f, setF] = useState({
    category: 'employment',
    targetGroup: 'participatiewet',
    hours: '24',
    start: `${year}-01-01`,
    end: `${year}-12-31`,
    blockCode: str(policy.blocks.find((b) => b.category === 'social_activity')?.code),
    quantity: '16',
    description: 'Gastlessen',
  });
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const evaluate = useEvaluatePolicy(policy.id);
  const body = (): Parameters<typeof evaluate.mutate>[0] =>
    kind === 'placement'
      ? {
          category: f.category as 'employment' | 'training',
          targetGroup: f.targetGroup as Schemas['PlacementContributionDto']['targetGroup'],
          hoursPerWeek: num(f.hours) as number,
          startDate: f.start,
          endDate: f.end,
          personToken: 'preview',
        }
      : {
          category: 'social_activity' as const,
          blockCode: f.blockCode,
          quantity: num(f.quantity) as number,
          description: f.description,
        };
  const errors = fieldErrors(evaluate.error);
  const activityBlocks = policy.blocks.filter((b) => b.category === 'social_activity');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    evaluate.mutate(body());
  };
  const r = evaluate.data;
  return (
    <section className="bs-section" aria-labelledby="evaluate-heading">
      <Heading level={2} id="evaluate-heading">
        {t('policy.evaluate')}
      </Heading>
      <Paragraph>{t('policy.evaluate.lead')}</Paragraph>
      <form onSubmit={submit} className="bs-form" noValidate>
        <RadioGroup
          legend={t('policy.evaluate.kind')}
          value={kind}
          onChange={(v) => setKind(v as 'placement' | 'activity')}
          options={[
            { value: 'placement', label: t('policy.evaluate.placement') },
            { value: 'activity', label: t('policy.evaluate.activity') },
          ]}
        />
        {kind === 'placement' ? (
          <>
            <div className="bs-row">
              <SelectField
                label={t('policy.evaluate.category')}
                value={f.category}
                onChange={set('category')}
                error={errors.category}
                options={['employment', 'training'].map((c) => ({
                  value: c,
                  label: t(`policy.blockCat.${c}` as MessageId),
                }))}
              />
              <SelectField
                label={t('policy.block.targetGroup')}
                value={f.targetGroup}
                onChange={set('targetGroup')}
                error={errors.targetGroup}
                options={TARGET_GROUPS.map((g) => ({ value: g, label: term('targetGroup', g) }))}
              />
            </div>
            <div className="bs-row">
              <TextField
                label={t('policy.evaluate.hours')}
                value={f.hours}
                onChange={set('hours')}
                error={errors.hoursPerWeek}
                inputMode="decimal"
              />
              <TextField
                label={t('policy.evaluate.start')}
                type="date"
                value={f.start}
                onChange={set('start')}
                error={errors.startDate}
              />
              <TextField
                label={t('policy.evaluate.end')}
                type="date"
                value={f.end}
                onChange={set('end')}
                error={errors.endDate}
              />
            </div>
          </>
        ) : (
          <>
            <SelectField
              label={t('policy.evaluate.blockCode')}
              value={f.blockCode}
              onChange={set('blockCode')}
              error={errors.blockCode}
              options={activityBlocks.map((b) => ({
                value: str(b.code),
                label: `${blockName({ category: str(b.category), unit: str(b.unit) }, locale)} (${str(b.code)})`,
              }))}
            />
            <TextField
              label={t('policy.evaluate.quantity')}
              value={f.quantity}
              onChange={set('quantity')}
              error={errors.quantity}
              inputMode="decimal"
            />
            <TextField
              label={t('policy.evaluate.description')}
              value={f.description}
              onChange={set('description')}
              error={errors.description}
            />
          </>
        )}
        <div>
          <Button appearance="secondary-action-button" type="submit" busy={evaluate.isPending}>
            {t('policy.evaluate.submit')}
          </Button>
        </div>
      </form>
      <FormError error={evaluate.error} />
      {r && (
        <div role="status" className="bs-card">
          <Paragraph>
            <strong>
              {r.countable
                ? t('policy.evaluate.result', { amount: money(r.claimedValueCents) })
                : t('policy.evaluate.notCountable', { reason: termLower('contributionReason', r.reason) })}
            </strong>
          </Paragraph>
          <Breakdown lines={r.breakdown} />
        </div>
      )}
    </section>
  );
}
