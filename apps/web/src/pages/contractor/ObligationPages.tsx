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
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { parseMoney } from '../../i18n/format';
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
import { ContributionForm } from './ContributionForm';
import {
  JobProgress,
  Lead,
  notCountingReason,
  Reasons,
  useJob,
  useMyObligations,
  useT2,
  useTenderTitles,
} from './shared';

type Obligation = Schemas['ObligationResponseDto'];
type Match = Schemas['MatchDto'];

export function MyObligationsPage() {
  const { t, money, date } = useT2();
  const list = useMyObligations();
  const items = list.data?.items ?? [];
  const titles = useTenderTitles(items.map((o) => o.tenderId));
  return (
    <>
      <PageHeading>{t('ct.obligations.title')}</PageHeading>
      <Lead>{t('ct.obligations.lead')}</Lead>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState action={<RouterLink to="/account">{t('nav.account')}</RouterLink>}>
          {t('ct.obligations.empty')}
        </EmptyState>
      ) : (
        <div className="bs-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('obligations.tender')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.amount')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.progress')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.forecast')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.due')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((o) => (
                <TableRow key={o.id}>
                  <TableCell>
                    <RouterLink to={`/contractor/obligations/${o.id}`}>
                      {titles.get(o.tenderId) || t('ct.obligation.untitled', { id: o.id.slice(0, 8) })}
                    </RouterLink>
                  </TableCell>
                  <TableCell>
                    <Status prefix="obStatus" value={o.status} />
                  </TableCell>
                  <TableCell>{money(o.amountCents)}</TableCell>
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
                  <TableCell>{money(o.forecastCents)}</TableCell>
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

/** The obligation in sentences: amount, where it comes from, what is done and what the forecast says. */
function InWords({ o }: { o: Obligation }) {
  const { t, money, date, locale } = useT2();
  const short = o.amountCents - o.forecastCents;
  return (
    <div className="bs-in-words">
      <Paragraph>
        {t('ct.obligation.inWords', {
          amount: money(o.amountCents),
          percentage: o.percentage,
          value: money(o.contractValueCents),
          due: date(o.dueDate),
          claimed: money(o.claimedCents),
          verified: money(o.verifiedCents),
          remaining: money(o.remainingCents),
        })}
      </Paragraph>
      <Paragraph>
        {short > 0
          ? t('ct.obligation.forecastShort', { forecast: money(o.forecastCents), short: money(short) })
          : t('ct.obligation.forecastOk', { forecast: money(o.forecastCents) })}
      </Paragraph>
      <ul className="bs-list" aria-label={t('policy.breakdown')}>
        {o.breakdown.map((l, i) => (
          <li key={`${l.code}-${i}`}>
            {locale === 'nl' ? l.labelNl : l.labelEn}
            {l.valueCents !== undefined ? `: ${money(l.valueCents)}` : ''}
            {l.detail ? <span className="bs-muted"> ({l.detail})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function QuoteRequestForm({ obligationId, match }: { obligationId: string; match: Match }) {
  const { t, locale, fieldErrors } = useT2();
  const qc = useQueryClient();
  const [description, setDescription] = useState('');
  const [budget, setBudget] = useState('');
  const [neededBy, setNeededBy] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const send = useMutation({
    mutationFn: (body: Schemas['CreateQuoteRequestDto']) => call(api.POST('/quote-requests', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['quote-requests'] }),
  });
  if (send.data) return <Notice>{t('ct.qr.sent')}</Notice>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = budget.trim() ? parseMoney(budget, locale) : null;
    const errs: Record<string, string> = {};
    if (!description.trim()) errs.description = t('register.required');
    if (budget.trim() && cents === null) errs.budgetCents = t('tender.f.value.invalid');
    setLocal(errs);
    if (Object.keys(errs).length) return;
    send.mutate({
      obligationId,
      offeringId: match.offeringId,
      description: description.trim(),
      ...(cents !== null ? { budgetCents: cents } : {}),
      ...(neededBy ? { neededBy } : {}),
    });
  };
  const errors = { ...fieldErrors(send.error), ...local };
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      <Heading level={4}>{t('ct.qr.title', { name: match.socialEnterpriseName })}</Heading>
      {send.error && Object.keys(fieldErrors(send.error)).length === 0 && <ErrorAlert error={send.error} />}
      <TextField
        label={t('ct.qr.description')}
        description={t('ct.qr.description.help')}
        value={description}
        onChange={setDescription}
        error={errors.description}
        multiline
        required
      />
      <div className="bs-row">
        <TextField
          label={`${t('ct.qr.budget')} ${t('common.optional')}`}
          value={budget}
          onChange={setBudget}
          error={errors.budgetCents}
          inputMode="decimal"
        />
        <TextField
          label={`${t('ct.qr.neededBy')} ${t('common.optional')}`}
          type="date"
          value={neededBy}
          onChange={setNeededBy}
          error={errors.neededBy}
        />
      </div>
      <div className="bs-actions">
        <Button type="submit" appearance="primary-action-button" busy={send.isPending}>
          {t('ct.qr.send')}
        </Button>
      </div>
    </form>
  );
}

function MatchCard({ obligationId, m }: { obligationId: string; m: Match }) {
  const { t, money, num, locale } = useT2();
  const [asking, setAsking] = useState(false);
  return (
    <li className="bs-card">
      <Heading level={3}>{m.offeringTitle}</Heading>
      <Paragraph>
        <RouterLink to={`/enterprises/${m.socialEnterpriseId}`}>
          {t('ct.match.by', { name: m.socialEnterpriseName })}
        </RouterLink>
        {' · '}
        {t('ct.match.score', { pct: Math.round(m.score * 100) })}
        {m.distanceKm !== null ? ` · ${t('ct.match.distance', { km: num(m.distanceKm) })}` : ''}
      </Paragraph>
      {m.counts ? (
        <Paragraph>
          <strong>{t('ct.match.credit', { amount: money(m.projectedCreditCents) })}</strong>
          {m.spendToFillCents !== null && (
            <> · {t('ct.match.spend', { amount: money(m.spendToFillCents) })}</>
          )}
        </Paragraph>
      ) : (
        <Paragraph>
          <span className="utrecht-badge-status bs-badge-warning">{t('ct.match.notCounting')}</span>{' '}
          {t('ct.match.notCountingWhy', { reason: notCountingReason(m.reasons, locale) })}
        </Paragraph>
      )}
      <Reasons reasons={m.reasons} title={t('ct.match.reasons')} />
      {asking ? (
        <QuoteRequestForm obligationId={obligationId} match={m} />
      ) : (
        <div className="bs-actions">
          <Button
            type="button"
            appearance="secondary-action-button"
            aria-label={`${t('ct.match.request')}: ${m.offeringTitle}`}
            onClick={() => setAsking(true)}
          >
            {t('ct.match.request')}
          </Button>
        </div>
      )}
    </li>
  );
}

function Matches({ obligationId }: { obligationId: string }) {
  const { t, date } = useT2();
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const matches = useQuery({
    queryKey: ['matches', obligationId],
    staleTime: 0,
    queryFn: () =>
      call(
        api.GET('/obligations/{id}/matches', {
          params: { path: { id: obligationId }, query: { limit: 20 } },
        }),
      ),
    refetchInterval: (q) => (q.state.data?.pending ? 1000 : false),
  });
  const refresh = useMutation({
    mutationFn: () =>
      call(api.POST('/obligations/{id}/matches/refresh', { params: { path: { id: obligationId } } })),
    onSuccess: (r) => setJobId(r.id),
  });
  const job = useJob(jobId);
  const jobStatus = job.data?.status;
  useEffect(() => {
    if (jobStatus === 'done') void qc.invalidateQueries({ queryKey: ['matches', obligationId] });
  }, [jobStatus, obligationId, qc]);
  const items = matches.data?.items ?? [];
  return (
    <section className="bs-section" aria-labelledby="matches-h">
      <Heading level={2} id="matches-h">
        {t('ct.matches.title')}
      </Heading>
      <Paragraph>{t('ct.matches.lead')}</Paragraph>
      <div className="bs-actions">
        <Button
          type="button"
          appearance="secondary-action-button"
          busy={refresh.isPending}
          disabled={Boolean(job.data && job.data.status !== 'done' && job.data.status !== 'failed')}
          onClick={() => refresh.mutate()}
        >
          {t('ct.matches.refresh')}
        </Button>
        {matches.data?.computedAt && (
          <Paragraph className="bs-muted bs-inline-note">
            {t('ct.matches.computedAt', { date: date(matches.data.computedAt) })}
          </Paragraph>
        )}
      </div>
      {refresh.error && <ErrorAlert error={refresh.error} />}
      {job.data && (
        <JobProgress
          job={job.data}
          label={
            job.data.status === 'done'
              ? t('ct.matches.jobDone')
              : job.data.status === 'failed'
                ? t('ct.matches.jobFailed', { error: job.data.error ?? '' })
                : t('ct.matches.job', {
                    status: t(`rp.status.${job.data.status}`),
                    progress: job.data.progress,
                  })
          }
        />
      )}
      {matches.data?.pending && !job.data && <Paragraph role="status">{t('ct.matches.pending')}</Paragraph>}
      {matches.isPending ? (
        <Loading />
      ) : matches.isError ? (
        <ErrorAlert error={matches.error} />
      ) : items.length === 0 ? (
        <EmptyState action={<RouterLink to="/">{t('nav.home')}</RouterLink>}>
          {t('ct.matches.empty')}
        </EmptyState>
      ) : (
        <ol className="bs-cards" aria-label={t('ct.matches.title')}>
          {items.map((m) => (
            <MatchCard key={m.offeringId} obligationId={obligationId} m={m} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Contributions({ obligationId }: { obligationId: string }) {
  const { t, money, date } = useT2();
  const list = useQuery({
    queryKey: ['contributions', obligationId],
    staleTime: 0,
    queryFn: () =>
      call(
        api.GET('/obligations/{id}/contributions', {
          params: { path: { id: obligationId }, query: { limit: 100 } },
        }),
      ),
  });
  const items = list.data?.items ?? [];
  return (
    <section className="bs-section" aria-labelledby="contribs-h">
      <Heading level={2} id="contribs-h">
        {t('ct.contributions.title')}
      </Heading>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState>{t('ct.contributions.empty')}</EmptyState>
      ) : (
        <div className="bs-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('policy.evaluate.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.claimed')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('obligations.verified')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('tender.audit.when')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{t(`contribCat.${c.category}` as MessageId)}</TableCell>
                  <TableCell>
                    <Status prefix="contribStatus" value={c.status} />
                  </TableCell>
                  <TableCell>{money(c.claimedValueCents)}</TableCell>
                  <TableCell>{c.verifiedValueCents !== null ? money(c.verifiedValueCents) : '—'}</TableCell>
                  <TableCell>{date(c.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

export function MyObligationPage() {
  const { id = '' } = useParams();
  const { t, money } = useT2();
  const ob = useQuery({
    queryKey: ['obligation', id],
    staleTime: 0,
    queryFn: () => call(api.GET('/obligations/{id}', { params: { path: { id } } })),
  });
  const titles = useTenderTitles(ob.data ? [ob.data.tenderId] : []);
  if (ob.isPending) return <Loading />;
  if (ob.isError) return <QueryError error={ob.error} />;
  const o = ob.data;
  const title = titles.get(o.tenderId) || t('ct.obligation.untitled', { id: o.id.slice(0, 8) });
  return (
    <>
      <PageHeading>{t('ct.obligation.title', { tender: title })}</PageHeading>
      <Paragraph>
        <Status prefix="obStatus" value={o.status} /> ·{' '}
        {t('ct.obligation.policy', { version: o.policyVersion })}
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
            <dd data-testid={label}>{money(cents)}</dd>
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
      <InWords o={o} />
      <Paragraph>
        <RouterLink to={`/contractor/reports?obligation=${o.id}`}>{t('ct.reports.request')}</RouterLink>
      </Paragraph>
      <Matches obligationId={o.id} />
      <ContributionForm obligationId={o.id} />
      <Contributions obligationId={o.id} />
    </>
  );
}
