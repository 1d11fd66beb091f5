import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useT } from '../../../i18n/LocaleProvider';
import { ErrorAlert } from '../../../ui/States';
import { BreakdownList } from '../../policies/Breakdown';
import type { ContributionFormState } from './useContributionForm';

/** What the contribution as typed counts for, announced politely as it changes. */
export function ContributionPreview({ form }: { form: ContributionFormState }) {
  const { t, money, termLower } = useT();
  const { body, preview, valuation: p } = form;
  return (
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
                : t('ct.contribution.previewNot', { reason: termLower('contributionReason', p.reason) })}
            </strong>
          </Paragraph>
          <BreakdownList lines={p.breakdown} />
        </>
      ) : (
        <Paragraph>{t('common.loading')}</Paragraph>
      )}
    </div>
  );
}
