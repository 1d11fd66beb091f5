import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { moneyInput, parseMoney } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { pct, ProgressBar, Status } from '../../ui/Bits';
import { TextField } from '../../ui/Fields';
import {
  EmptyState,
  ErrorAlert,
  Loading,
  Notice,
  PageHeading,
  QueryError,
  RouterLink,
} from '../../ui/States';
import { Breakdown } from './PolicyPage';
import { useOwnTenders } from './TendersPages';

type Obligation = Schemas['ObligationResponseDto'];
type Contribution = Schemas['ContributionResponseDto'];

function useObligations() {
  return useQuery({
    queryKey: ['obligations'],
    queryFn: () => call(api.GET('/obligations', { params: { query: { limit: 100 } } })),
  });
}

function useTenderTitles(): Map<string, string> {
  const tenders = useOwnTenders();
  return new Map((tenders.data ?? []).map((t) => [t.id, t.title]));
}

export function ObligationsPage() {
  const { t, money, date } = useT();
  const list = useObligations();
  const titles = useTenderTitles();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeading>{t('obligations.title')}</PageHeading>
      <Paragraph appearance="lead">{t('obligations.lead')}</Paragraph>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState action={<RouterLink to="/officer/tenders">{t('nav.officerTenders')}</RouterLink>}>
          {t('obligations.empty')}
        </EmptyState>
      ) : (
        <div className="bs-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('obligations.tender')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.amount')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.claimed')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.verified')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.progress')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.due')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>
                    <RouterLink to={`/officer/obligations/${o.id}`}>
                      {titles.get(o.tenderId) ?? o.tenderId}
                    </RouterLink>
                  </TableCell>
                  <TableCell>
                    <Status prefix="obStatus" value={o.status} />
                  </TableCell>
                  <TableCell>{money(o.amountCents)}</TableCell>
                  <TableCell>{money(o.claimedCents)}</TableCell>
                  <TableCell>{money(o.verifiedCents)}</TableCell>
                  <TableCell>
                    <ProgressBar
                      label={t('obligations.progressText', {
                        pct: pct(o.verifiedCents, o.amountCents),
                        claimed: pct(o.claimedCents, o.amountCents),
                      })}
                      value={o.verifiedCents}
                      max={o.amountCents}
                    />
                  </TableCell>
                  <TableCell>{date(o.dueDate)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

function describe(
  c: Contribution,
  t: (id: MessageId, v?: Record<string, string | number>) => string,
  money: (n: number) => string,
  date: (s: string) => string,
): string {
  const b = c.body as Record<string, unknown>;
  switch (c.category) {
    case 'employment':
    case 'training':
      return [
        t(`tg.${String(b.targetGroup)}` as MessageId),
        `${String(b.hoursPerWeek)} h/w`,
        t('tenders.period', { start: date(String(b.startDate)), end: date(String(b.endDate)) }),
      ].join(' · ');
    case 'social_purchase':
      return [String(b.invoiceNumber), date(String(b.invoiceDate)), money(Number(b.amountCents))].join(' · ');
    default:
      return [String(b.description ?? ''), `${String(b.quantity ?? '')} × ${String(b.blockCode ?? '')}`].join(
        ' · ',
      );
  }
}

/** Verify with a value (the claimed value unless changed) or reject with a note. */
function ReviewForm({ contribution, onReviewed }: { contribution: Contribution; onReviewed: () => void }) {
  const { t, money, locale, fieldErrors } = useT();
  const qc = useQueryClient();
  const [value, setValue] = useState(moneyInput(contribution.claimedValueCents, locale));
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const review = useMutation({
    mutationFn: (body: { decision: 'verified' | 'rejected'; verifiedValueCents?: number; note?: string }) =>
      call(
        api.POST('/contributions/{id}/review', {
          params: { path: { id: contribution.id } },
          body,
        }),
      ),
    onSuccess: () => {
      onReviewed();
      void qc.invalidateQueries({ queryKey: ['obligations'] });
      void qc.invalidateQueries({ queryKey: ['contributions'] });
    },
  });
  const verify = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(value, locale);
    setLocal(cents === null ? { verifiedValueCents: t('tender.f.value.invalid') } : {});
    if (cents === null) return;
    review.mutate({
      decision: 'verified',
      verifiedValueCents: cents,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
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
      {review.error && Object.keys(fieldErrors(review.error)).length === 0 && (
        <ErrorAlert error={review.error} />
      )}
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
            review.mutate({ decision: 'rejected', ...(note.trim() ? { note: note.trim() } : {}) })
          }
        >
          {t('review.reject')}
        </Button>
      </div>
    </form>
  );
}

function ContributionCard({ c, heading }: { c: Contribution; heading?: string }) {
  const { t, money, date, locale } = useT();
  // Reviewed here: the form stays to show its outcome after the list has reloaded with the new status.
  const [reviewedHere, setReviewedHere] = useState(false);
  return (
    <li className="bs-card">
      <Heading level={3}>
        {t(`contribCat.${c.category}` as MessageId)} · {money(c.claimedValueCents)}
      </Heading>
      {heading && <Paragraph>{heading}</Paragraph>}
      <Paragraph>
        <Status prefix="contribStatus" value={c.status} /> · {date(c.createdAt)}
      </Paragraph>
      <Paragraph>
        {describe(
          c,
          t,
          (n) => money(n),
          (s) => date(s),
        )}
      </Paragraph>
      <Breakdown lines={c.breakdown} locale={locale} money={money} title={t('policy.breakdown')} />
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

export function ObligationPage() {
  const { id = '' } = useParams();
  const { t, money, date, locale } = useT();
  const titles = useTenderTitles();
  const ob = useQuery({
    queryKey: ['obligation', id],
    queryFn: () => call(api.GET('/obligations/{id}', { params: { path: { id } } })),
  });
  const contributions = useQuery({
    queryKey: ['contributions', id],
    queryFn: () =>
      call(
        api.GET('/obligations/{id}/contributions', {
          params: { path: { id }, query: { limit: 100 } },
        }),
      ),
  });
  if (ob.isPending) return <Loading />;
  if (ob.isError) return <QueryError error={ob.error} />;
  const o: Obligation = ob.data;
  const items = contributions.data?.items ?? [];
  return (
    <>
      <PageHeading>{t('obligation.title', { tender: titles.get(o.tenderId) ?? '' })}</PageHeading>
      <Paragraph>
        <Status prefix="obStatus" value={o.status} /> · {t('obligations.due')} {date(o.dueDate)}
      </Paragraph>
      {!o.applicable && o.reason && (
        <Notice type="info">{t('obligations.notApplicable', { reason: o.reason })}</Notice>
      )}
      <dl className="bs-figures">
        {(
          [
            ['obligations.amount', o.amountCents],
            ['obligations.claimed', o.claimedCents],
            ['obligations.verified', o.verifiedCents],
            ['obligations.remaining', o.remainingCents],
            ['obligations.forecast', o.forecastCents],
          ] as const
        ).map(([label, cents]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{money(cents)}</dd>
          </div>
        ))}
      </dl>
      <ProgressBar
        label={t('obligations.progressText', {
          pct: pct(o.verifiedCents, o.amountCents),
          claimed: pct(o.claimedCents, o.amountCents),
        })}
        value={o.verifiedCents}
        max={o.amountCents}
      />
      <Breakdown lines={o.breakdown} locale={locale} money={money} title={t('policy.breakdown')} />
      <Heading level={2}>{t('obligation.contributions')}</Heading>
      {contributions.isPending ? (
        <Loading />
      ) : contributions.isError ? (
        <ErrorAlert error={contributions.error} />
      ) : items.length === 0 ? (
        <EmptyState>{t('obligation.contributions.empty')}</EmptyState>
      ) : (
        <ul className="bs-cards">
          {items.map((c) => (
            <ContributionCard key={c.id} c={c} />
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * The queue across all of the buyer's obligations. The API lists contributions per obligation only, so this asks
 * each obligation (first 100 obligations, 100 contributions each) and keeps the submitted ones.
 */
export function ReviewPage() {
  const { t } = useT();
  const obligations = useObligations();
  const titles = useTenderTitles();
  const obs = obligations.data?.items ?? [];
  const lists = useQueries({
    queries: obs.map((o) => ({
      queryKey: ['contributions', o.id],
      queryFn: () =>
        call(
          api.GET('/obligations/{id}/contributions', {
            params: { path: { id: o.id }, query: { limit: 100 } },
          }),
        ),
    })),
  });
  const pending = obligations.isPending || lists.some((l) => l.isPending);
  const error = obligations.error ?? lists.find((l) => l.error)?.error;
  // Once shown, a contribution stays in view after its review, so the officer sees the outcome.
  const seen = useRef(new Set<string>());
  const all = lists.flatMap((l, i) => (l.data?.items ?? []).map((c) => ({ c, tenderId: obs[i]?.tenderId })));
  for (const x of all) if (x.c.status === 'submitted') seen.current.add(x.c.id);
  const queue = all.filter((x) => seen.current.has(x.c.id));
  return (
    <>
      <PageHeading>{t('review.title')}</PageHeading>
      <Paragraph appearance="lead">{t('review.lead')}</Paragraph>
      {pending ? (
        <Loading />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : queue.length === 0 ? (
        <EmptyState action={<RouterLink to="/officer/obligations">{t('nav.obligations')}</RouterLink>}>
          {t('review.empty')}
        </EmptyState>
      ) : (
        <ul className="bs-cards">
          {queue.map(({ c, tenderId }) => (
            <ContributionCard
              key={c.id}
              c={c}
              heading={t('review.for', { tender: titles.get(tenderId ?? '') ?? '' })}
            />
          ))}
        </ul>
      )}
    </>
  );
}
