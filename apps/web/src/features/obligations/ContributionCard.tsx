import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { blockName, type GlossaryList, type Lang } from '@glossary';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { moneyInput, parseMoney } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';
import { TextField } from '../../ui/Fields';
import { FormError, Notice } from '../../ui/States';
import { Breakdown } from '../policies/Breakdown';
import { useReviewContribution } from './api';

type Contribution = Schemas['ContributionResponseDto'];

/** A contribution's own facts in one line: who and how long, the invoice, or the activity. */
function describe(
  c: Contribution,
  t: (id: MessageId, v?: Record<string, string | number>) => string,
  money: (n: number) => string,
  date: (s: string) => string,
  term: (list: GlossaryList, code: string) => string,
  locale: Lang,
): string {
  const b = c.body as Record<string, unknown>;
  switch (c.category) {
    case 'employment':
    case 'training':
      return [
        term('targetGroup', String(b.targetGroup)),
        t('review.hoursPerWeek', { hours: String(b.hoursPerWeek) }),
        t('tenders.period', { start: date(String(b.startDate)), end: date(String(b.endDate)) }),
      ].join(' · ');
    case 'social_purchase':
      return [
        c.supplierName ?? '',
        String(b.invoiceNumber),
        date(String(b.invoiceDate)),
        money(Number(b.amountCents)),
      ]
        .filter(Boolean)
        .join(' · ');
    default:
      return [
        String(b.description ?? ''),
        `${activityBlock(c, t, locale)}: ${String(b.quantity ?? '')}`,
      ].join(' · ');
  }
}

/**
 * The block an activity counts under, in words from the facts its valuation line carries ("Maatschappelijke
 * activiteit, per uur"); "Bouwblok" with the code typed when the policy has no such block or the line predates them.
 */
function activityBlock(c: Contribution, t: (id: MessageId) => string, locale: Lang): string {
  const p = c.breakdown.find((l) => l.code === 'ACTIVITY')?.params;
  if (p && typeof p.category === 'string' && typeof p.unit === 'string')
    return blockName(
      {
        category: p.category,
        targetGroup: typeof p.targetGroup === 'string' ? p.targetGroup : null,
        unit: p.unit,
      },
      locale,
    );
  return `${t('ct.contribution.blockCode')} ${String((c.body as Record<string, unknown>).blockCode ?? '')}`;
}

/** Verify with a value (the claimed value unless changed) or reject with a note. */
function ReviewForm({ contribution, onReviewed }: { contribution: Contribution; onReviewed: () => void }) {
  const { t, money, locale, fieldErrors } = useT();
  const [value, setValue] = useState(moneyInput(contribution.claimedValueCents, locale));
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const review = useReviewContribution(contribution.id);
  const verify = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(value, locale);
    setLocal(cents === null ? { verifiedValueCents: t('tender.f.value.invalid') } : {});
    if (cents === null) return;
    review.mutate(
      { decision: 'verified', verifiedValueCents: cents, ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: onReviewed },
    );
  };
  if (review.data) {
    return (
      <Notice>
        {review.data.status === 'verified'
          ? t('review.done.verified', { amount: money(review.data.verifiedValueCents) })
          : t('review.done.rejected')}
      </Notice>
    );
  }
  const errors = { ...fieldErrors(review.error), ...local };
  return (
    <form onSubmit={verify} className="bs-form" noValidate>
      <FormError error={review.error} />
      <div className="bs-row">
        <TextField
          label={t('review.value')}
          value={value}
          onChange={setValue}
          error={errors.verifiedValueCents}
          inputMode="decimal"
        />
        <TextField
          label={`${t('review.note')} ${t('common.optional')}`}
          value={note}
          onChange={setNote}
          error={errors.note}
        />
      </div>
      <div className="bs-actions">
        <Button type="submit" appearance="primary-action-button" busy={review.isPending}>
          {t('review.verify')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          hint="danger"
          busy={review.isPending}
          onClick={() =>
            review.mutate(
              { decision: 'rejected', ...(note.trim() ? { note: note.trim() } : {}) },
              { onSuccess: onReviewed },
            )
          }
        >
          {t('review.reject')}
        </Button>
      </div>
    </form>
  );
}

/** A contribution for the officer: what it is, how it was valued, and the review form while it waits. */
export function ContributionCard({ c, heading }: { c: Contribution; heading?: string }) {
  const { t, money, date, term, locale } = useT();
  // Reviewed here: the form stays to show its outcome after the list has reloaded with the new status.
  const [reviewedHere, setReviewedHere] = useState(false);
  return (
    <li className="bs-card">
      <Heading level={3}>
        {term('contributionCategory', c.category)} · {money(c.claimedValueCents)}
      </Heading>
      {heading && <Paragraph>{heading}</Paragraph>}
      <Paragraph>
        <Status list="contributionStatus" value={c.status} /> · {date(c.createdAt)}
      </Paragraph>
      <Paragraph>{describe(c, t, money, date, term, locale)}</Paragraph>
      <Breakdown lines={c.breakdown} />
      {c.status === 'submitted' || reviewedHere ? (
        <ReviewForm contribution={c} onReviewed={() => setReviewedHere(true)} />
      ) : (
        <Paragraph>
          {c.status === 'verified' ? `${t('obligations.verified')}: ${money(c.verifiedValueCents)}` : ''}
          {c.reviewNote ? ` · ${c.reviewNote}` : ''}
        </Paragraph>
      )}
    </li>
  );
}
