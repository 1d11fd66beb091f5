import { Button } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { SelectField, TextField } from '../../ui/Fields';
import { FormError, Notice, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { CATEGORIES } from '../../ui/vocabulary';
import { useChallenge } from '../challenges/api';
import { usePolicies } from '../policies/api';
import { ItemsFieldset } from './tender-form/ItemsFieldset';
import { useTenderForm } from './tender-form/useTenderForm';

type Policy = Schemas['PolicyResponseDto'];

/** A new tender needs a published SROI policy: without one, the page says where to make it. */
export function NewTenderPage() {
  const { t } = useT();
  const policies = usePolicies();
  const published = (policies.data?.items ?? []).filter((p) => p.status === 'published');
  return (
    <>
      <PageHeading>{t('tender.new.title')}</PageHeading>
      <QueryState
        query={policies}
        isEmpty={() => published.length === 0}
        empty={t('tender.new.noPolicy')}
        emptyAction={<RouterLink to="/officer/policies">{t('nav.policies')}</RouterLink>}
      >
        {() => <NewTenderForm published={published} />}
      </QueryState>
    </>
  );
}

function NewTenderForm({ published }: { published: Policy[] }) {
  const { t, term } = useT();
  const navigate = useNavigate();
  const form = useTenderForm(published, (tender) => navigate(`/officer/tenders/${tender.id}`));
  const { fields: f, set, errors, create } = form;
  const optional = (id: MessageId) => `${t(id)} ${t('common.optional')}`;
  return (
    <form onSubmit={form.submit} className="bs-form" noValidate>
      {Object.keys(errors).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
      <FormError error={create.error} />
      {form.challengeId && <FromChallengeNotice id={form.challengeId} />}
      <TextField
        label={t('tender.f.title')}
        value={f.title}
        onChange={set('title')}
        error={errors.title}
        required
      />
      <TextField
        label={optional('tender.f.description')}
        value={f.description}
        onChange={set('description')}
        error={errors.description}
        multiline
      />
      <SelectField
        label={t('tender.f.category')}
        value={f.category}
        onChange={set('category')}
        error={errors.mainProcurementCategory}
        options={CATEGORIES.map((c) => ({ value: c, label: term('procurementCategory', c) }))}
      />
      <ItemsFieldset form={form} />
      <TextField
        label={t('tender.f.value')}
        value={f.value}
        onChange={set('value')}
        error={errors.estimatedValueCents}
        inputMode="decimal"
      />
      <div className="bs-row">
        <TextField
          label={t('tender.f.start')}
          type="date"
          value={f.start}
          onChange={set('start')}
          error={errors['contractPeriod.startDate'] ?? errors.contractPeriod}
        />
        <TextField
          label={t('tender.f.end')}
          type="date"
          value={f.end}
          onChange={set('end')}
          error={errors['contractPeriod.endDate']}
        />
      </div>
      <div className="bs-row">
        <TextField
          label={optional('tender.f.deadline')}
          type="date"
          value={f.deadline}
          onChange={set('deadline')}
          error={errors.tenderPeriodEnd}
        />
        <TextField
          label={optional('tender.f.postcode')}
          value={f.postcode}
          onChange={set('postcode')}
          error={errors.deliveryPostcode}
          size={8}
        />
      </div>
      <TextField
        label={optional('tender.f.labourShare')}
        value={f.labourShare}
        onChange={set('labourShare')}
        error={errors.labourShare}
        inputMode="decimal"
      />
      <SelectField
        label={t('tender.f.policy')}
        value={form.policyId}
        onChange={set('policyId')}
        error={errors['sroi.policyId'] ?? errors.sroi}
        options={published.map((p) => ({ value: p.id, label: `${p.name} (${p.version})` }))}
      />
      <TextField
        label={optional('tender.f.percentage')}
        description={t('tender.f.percentage.help')}
        value={f.percentage}
        onChange={set('percentage')}
        error={errors['sroi.percentage']}
        inputMode="decimal"
      />
      <div>
        <Button type="submit" appearance="primary-action-button" busy={create.isPending}>
          {t('tender.create')}
        </Button>
      </div>
    </form>
  );
}

/** The challenge a new tender follows from (opened from the challenge's page). */
function FromChallengeNotice({ id }: { id: string }) {
  const { t } = useT();
  const challenge = useChallenge(id);
  if (!challenge.data) return null;
  return (
    <Notice type="info">
      {t('tenders.challenge')}: {challenge.data.title}
    </Notice>
  );
}
