import { Button } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { moneyInput, parseMoney } from '../../i18n/format';
import { CheckboxGroup, RadioGroup, TextField } from '../../ui/Fields';
import { FormError, Notice } from '../../ui/States';
import { TARGET_GROUPS } from '../../ui/vocabulary';
import type { Challenge, ChallengeBody } from './api';

/** The officer's challenge, new or a draft's change; `onSubmit` sends it (POST or PATCH). */
export function ChallengeForm({
  challenge,
  onSubmit,
  error,
  pending,
  submitLabel,
}: {
  challenge?: Challenge;
  onSubmit: (body: ChallengeBody) => void;
  error: ApiError | Error | null;
  pending: boolean;
  submitLabel: string;
}) {
  const { t, term, locale, fieldErrors } = useT();
  const [f, setF] = useState({
    title: challenge?.title ?? '',
    description: challenge?.description ?? '',
    theme: challenge?.theme ?? '',
    kind: challenge?.kind ?? 'open_call',
    deadline: challenge?.deadline.slice(0, 10) ?? '',
    areaName: challenge?.area?.name ?? '',
    areaPostcode: challenge?.area?.postcode ?? '',
    budget: moneyInput(challenge?.budgetCents, locale),
    reward: challenge?.rewardDescription ?? '',
  });
  const [targetGroups, setTargetGroups] = useState<string[]>(challenge?.targetGroups ?? []);
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (k: keyof typeof f) => (v: string) => setF((x) => ({ ...x, [k]: v }));
  const errors = { ...fieldErrors(error), ...local };
  const optional = (label: string) => `${label} ${t('common.optional')}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = f.budget.trim() ? parseMoney(f.budget, locale) : null;
    if (f.budget.trim() && cents === null) {
      setLocal({ budgetCents: t('ch.f.budget.invalid') });
      return;
    }
    setLocal({});
    const area =
      f.areaName.trim() || f.areaPostcode.trim()
        ? { name: f.areaName.trim() || undefined, postcode: f.areaPostcode.trim() || undefined }
        : null;
    onSubmit({
      title: f.title.trim(),
      description: f.description.trim(),
      theme: f.theme.trim(),
      kind: f.kind as ChallengeBody['kind'],
      deadline: f.deadline,
      area,
      budgetCents: cents,
      rewardDescription: f.reward.trim() || null,
      targetGroups: targetGroups as ChallengeBody['targetGroups'],
    });
  };

  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      {Object.keys(errors).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
      <FormError error={error} />
      <TextField
        label={t('ch.f.title')}
        value={f.title}
        onChange={set('title')}
        error={errors.title}
        required
      />
      <TextField
        label={t('ch.description')}
        description={t('ch.f.description.help')}
        value={f.description}
        onChange={set('description')}
        error={errors.description}
        required
        multiline
      />
      <TextField
        label={t('ch.theme')}
        description={t('ch.f.theme.help')}
        value={f.theme}
        onChange={set('theme')}
        error={errors.theme}
        required
      />
      <RadioGroup
        legend={t('ch.kind')}
        value={f.kind}
        onChange={set('kind')}
        error={errors.kind}
        options={(['open_call', 'competition'] as const).map((k) => ({
          value: k,
          label: `${term('challengeKind', k)}: ${t(k === 'open_call' ? 'ch.f.kind.open_call' : 'ch.f.kind.competition')}`,
        }))}
      />
      <TextField
        label={t('ch.deadline')}
        description={t('ch.f.deadline.help')}
        type="date"
        value={f.deadline}
        onChange={set('deadline')}
        error={errors.deadline}
        required
      />
      <div className="bs-row">
        <TextField
          label={optional(t('ch.f.areaName'))}
          value={f.areaName}
          onChange={set('areaName')}
          error={errors['area.name']}
        />
        <TextField
          label={optional(t('ch.f.areaPostcode'))}
          value={f.areaPostcode}
          onChange={set('areaPostcode')}
          error={errors['area.postcode']}
          autoComplete="postal-code"
        />
      </div>
      <CheckboxGroup
        legend={optional(t('ch.targetGroups'))}
        values={targetGroups}
        onChange={setTargetGroups}
        error={errors.targetGroups}
        options={TARGET_GROUPS.map((g) => ({ value: g, label: term('targetGroup', g) }))}
      />
      <TextField
        label={optional(t('ch.f.budget'))}
        description={t('ch.f.budget.help')}
        value={f.budget}
        onChange={set('budget')}
        error={errors.budgetCents}
        inputMode="decimal"
      />
      <TextField
        label={optional(t('ch.reward'))}
        description={t('ch.f.reward.help')}
        value={f.reward}
        onChange={set('reward')}
        error={errors.rewardDescription}
        multiline
      />
      <div className="bs-actions">
        <Button appearance="primary-action-button" type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
