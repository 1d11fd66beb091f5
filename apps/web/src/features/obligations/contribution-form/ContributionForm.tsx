import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useT } from '../../../i18n/LocaleProvider';
import { RadioGroup } from '../../../ui/Fields';
import { ErrorAlert, Notice } from '../../../ui/States';
import { ActivityFields } from './ActivityFields';
import { ContributionPreview } from './ContributionPreview';
import { PlacementFields } from './PlacementFields';
import { PurchaseFields } from './PurchaseFields';
import { useContributionForm, type Kind } from './useContributionForm';

/**
 * A contribution with a live preview: a placement, a purchase or an activity, what it counts for under this
 * tender's frozen policy while it is typed, and submitting it.
 */
export function ContributionForm({ obligationId }: { obligationId: string }) {
  const { t, money } = useT();
  const form = useContributionForm(obligationId);
  const { kind, submit, body, valuation } = form;
  return (
    <section className="bs-section" aria-labelledby="contribution-h">
      <Heading level={2} id="contribution-h">
        {t('ct.contribution.title')}
      </Heading>
      <Paragraph>{t('ct.contribution.lead')}</Paragraph>
      <form onSubmit={form.onSubmit} className="bs-form" noValidate>
        <RadioGroup
          legend={t('ct.contribution.kind')}
          value={kind}
          onChange={(v) => form.changeKind(v as Kind)}
          options={[
            { value: 'placement', label: t('ct.contribution.placement') },
            { value: 'purchase', label: t('ct.contribution.purchase') },
            { value: 'activity', label: t('ct.contribution.activity') },
          ]}
        />
        {kind === 'placement' && <PlacementFields form={form} />}
        {kind === 'purchase' && <PurchaseFields form={form} />}
        {kind === 'activity' && <ActivityFields form={form} obligationId={obligationId} />}
        <ContributionPreview form={form} />
        {submit.error && <ErrorAlert error={submit.error} />}
        {submit.data && (
          <Notice>{t('ct.contribution.submitted', { amount: money(submit.data.claimedValueCents) })}</Notice>
        )}
        <div className="bs-actions">
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={submit.isPending}
            disabled={!body || (valuation !== undefined && !valuation.countable)}
          >
            {t('ct.contribution.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
