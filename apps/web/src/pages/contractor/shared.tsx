import './part2.css';
import { Paragraph } from '@utrecht/component-library-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { api, call, type Schemas } from '../../api/client';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { part2Messages, type Part2MessageId } from '../../i18n/messages-part2';
import { ProgressBar } from '../../ui/Bits';
import { ErrorAlert } from '../../ui/States';

type Job = Schemas['JobResponseDto'];
export type AnyMessageId = MessageId | Part2MessageId;

/** The frame's messages plus this chunk's: loaded with the signed-in screens only. */
export function Part2Messages({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  const frame = useIntl().messages;
  const merged = useMemo(() => ({ ...frame, ...part2Messages[locale] }), [frame, locale]);
  return (
    <IntlProvider locale={locale} messages={merged} defaultLocale="nl">
      {children}
    </IntlProvider>
  );
}

export function withPart2Messages<P extends object>(C: ComponentType<P>): ComponentType<P> {
  const Wrapped = (props: P) => (
    <Part2Messages>
      <C {...props} />
    </Part2Messages>
  );
  return Wrapped;
}

/** useT with this chunk's message ids as well. */
export function useT2() {
  const base = useT();
  const intl = useIntl();
  return useMemo(
    () => ({
      ...base,
      t: (id: AnyMessageId, values?: Record<string, string | number>) => intl.formatMessage({ id }, values),
      num: (n: number, digits = 1) => formatNumber(n, base.locale, digits),
    }),
    [base, intl],
  );
}

/** Polls a background job until it is done or failed; the bar and figures are announced politely. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: ['job', id],
    queryFn: () => call(api.GET('/jobs/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'done' || s === 'failed' ? false : 500;
    },
    staleTime: 0,
  });
}

export function JobProgress({ job, label }: { job: Job; label: string }) {
  return (
    <div role="status" aria-live="polite">
      <ProgressBar label={label} value={job.progress} max={100} />
      {job.status === 'failed' && job.error && <ErrorAlert error={new Error(job.error)} />}
    </div>
  );
}

/** A match's (or opportunity's) reasons as sentences in the current language, with the factor's weight. */
export function Reasons({ reasons, title }: { reasons: Schemas['MatchReasonDto'][]; title: string }) {
  const { t, locale } = useT2();
  return (
    <details className="bs-reasons">
      <summary>{title}</summary>
      <ul className="bs-list">
        {reasons.map((r) => (
          <li key={r.factor}>
            <strong>{t(`ct.factor.${r.factor}` as Part2MessageId)}</strong>:{' '}
            {locale === 'nl' ? r.detailNl : r.detail}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Why a supplier would not count: the certification factor's sentence. */
export function notCountingReason(reasons: Schemas['MatchReasonDto'][], locale: 'nl' | 'en'): string {
  const r = reasons.find((x) => x.factor === 'certification') ?? reasons[0];
  if (!r) return '';
  return locale === 'nl' ? r.detailNl : r.detail;
}

/** Tender titles for obligations (awarded tenders are public). */
export function useTenderTitles(ids: string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['tender', id],
      queryFn: () => call(api.GET('/tenders/{id}', { params: { path: { id } } })),
      staleTime: 5 * 60_000,
    })),
  });
  return new Map(unique.map((id, i) => [id, results[i]?.data?.title ?? '']));
}

export function useMyObligations() {
  return useQuery({
    queryKey: ['obligations'],
    staleTime: 0,
    queryFn: () => call(api.GET('/obligations', { params: { query: { limit: 100 } } })),
  });
}

export function Lead({ children }: { children: ReactNode }) {
  return <Paragraph appearance="lead">{children}</Paragraph>;
}

/** YYYY-MM-DD of today (local), for date fields' defaults. */
export function today(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = window.setTimeout(() => setV(value), ms);
    return () => window.clearTimeout(h);
  }, [value, ms]);
  return v;
}
