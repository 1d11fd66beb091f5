import {
  Button,
  Heading,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api, apiErrorOf, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { ProgressBar } from '../../ui/Bits';
import { RadioGroup, SelectField, TextField } from '../../ui/Fields';
import { EmptyState, ErrorAlert, Loading, Notice, PageHeading } from '../../ui/States';
import { Lead, useMyObligations, useT2, useTenderTitles } from '../contractor/shared';

type Report = Schemas['ReportResponseDto'];
type Scope = Report['scope'];

const EXT: Record<Report['format'], string> = { pdf: 'PDF', csv: 'CSV', json: 'JSON' };

/** Downloads with the access token (a plain link would not carry it), then saves under the API's file name. */
export async function downloadReport(r: Report): Promise<void> {
  const res = await api.GET('/reports/{id}/download', {
    params: { path: { id: r.id } },
    parseAs: 'blob',
  });
  if (!res.response.ok || !res.data) throw apiErrorOf(res.response, res.error);
  const url = URL.createObjectURL(res.data as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = r.fileName ?? `report-${r.id}.${r.format}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useReports() {
  return useQuery({
    queryKey: ['reports'],
    staleTime: 0,
    queryFn: () => call(api.GET('/reports', { params: { query: { limit: 50 } } })),
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false,
  });
}

function RequestForm() {
  const { t, locale, fieldErrors } = useT2();
  const { me } = useAuth();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const officer = me?.role === 'procurement_officer';
  const obligations = useMyObligations();
  const obs = obligations.data?.items ?? [];
  const titles = useTenderTitles(obs.map((o) => o.tenderId));
  const preset = params.get('obligation');
  const [scope, setScope] = useState<Scope>(officer && !preset ? 'buyer' : 'obligation');
  const [subject, setSubject] = useState(preset ?? '');
  const [format, setFormat] = useState<Report['format']>('pdf');
  const [language, setLanguage] = useState<'nl' | 'en'>(locale);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const create = useMutation({
    mutationFn: (body: Schemas['CreateReportDto']) => call(api.POST('/reports', { body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['reports'] }),
  });
  const subjects =
    scope === 'obligation'
      ? obs.map((o) => ({ value: o.id, label: titles.get(o.tenderId) || o.id.slice(0, 8) }))
      : [...new Set(obs.map((o) => o.tenderId))].map((id) => ({
          value: id,
          label: titles.get(id) || id.slice(0, 8),
        }));
  const chosen = subjects.some((s) => s.value === subject) ? subject : (subjects[0]?.value ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      scope,
      scopeId: scope === 'buyer' ? (me?.organisation?.id ?? '') : chosen,
      format,
      language,
      ...(from && to ? { period: { from, to } } : {}),
    });
  };
  const errors = fieldErrors(create.error);
  const scopes: Scope[] = officer ? ['buyer', 'tender', 'obligation'] : ['obligation'];
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      <Heading level={2}>{t('rp.new')}</Heading>
      {create.error && Object.keys(errors).length === 0 && <ErrorAlert error={create.error} />}
      {create.isSuccess && <Notice>{t('rp.requested')}</Notice>}
      {scopes.length > 1 && (
        <RadioGroup
          legend={t('rp.scope')}
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          options={scopes.map((s) => ({ value: s, label: t(`rp.scope.${s}`) }))}
        />
      )}
      {scope !== 'buyer' && (
        <SelectField
          label={t('rp.subject')}
          value={chosen}
          onChange={setSubject}
          error={errors.scopeId}
          options={subjects}
        />
      )}
      <div className="bs-row">
        <SelectField
          label={t('rp.format')}
          value={format}
          onChange={(v) => setFormat(v as Report['format'])}
          options={(['pdf', 'csv', 'json'] as const).map((f) => ({ value: f, label: EXT[f] }))}
        />
        <SelectField
          label={t('rp.language')}
          value={language}
          onChange={(v) => setLanguage(v as 'nl' | 'en')}
          options={[
            { value: 'nl', label: 'Nederlands' },
            { value: 'en', label: 'English' },
          ]}
        />
      </div>
      <div className="bs-row">
        <TextField
          label={`${t('rp.from')} ${t('common.optional')}`}
          type="date"
          value={from}
          onChange={setFrom}
          error={errors['period.from']}
        />
        <TextField
          label={`${t('rp.to')} ${t('common.optional')}`}
          type="date"
          value={to}
          onChange={setTo}
          error={errors['period.to']}
        />
      </div>
      <div className="bs-actions">
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={create.isPending}
          disabled={scope !== 'buyer' && !chosen}
        >
          {t('rp.submit')}
        </Button>
      </div>
    </form>
  );
}

function DownloadButton({ r }: { r: Report }) {
  const { t, date } = useT2();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        appearance="secondary-action-button"
        busy={busy}
        aria-label={t('rp.downloadLabel', { format: EXT[r.format], date: date(r.createdAt) })}
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadReport(r)
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {t('rp.download', { format: EXT[r.format] })}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

/** What a report is about, in words: the tender's title, or the buyer's name. */
function useSubjectNames(): (r: Report) => string {
  const { me } = useAuth();
  const obs = useMyObligations().data?.items ?? [];
  const titles = useTenderTitles(obs.map((o) => o.tenderId));
  const byObligation = new Map(obs.map((o) => [o.id, titles.get(o.tenderId) ?? '']));
  return (r) =>
    r.scope === 'buyer'
      ? (me?.organisation?.name ?? '')
      : ((r.scope === 'obligation' ? byObligation.get(r.scopeId) : titles.get(r.scopeId)) ?? '');
}

export function ReportsPage() {
  const { t, date, num } = useT2();
  const list = useReports();
  const subject = useSubjectNames();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeading>{t('rp.title')}</PageHeading>
      <Lead>{t('rp.lead')}</Lead>
      <RequestForm />
      <Heading level={2}>{t('rp.list')}</Heading>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState>{t('rp.empty')}</EmptyState>
      ) : (
        <div className="bs-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('rp.when')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('rp.what')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('rp.progress')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{date(r.createdAt)}</TableCell>
                  <TableCell>
                    {subject(r) || t(`rp.scope.${r.scope}`)}
                    <br />
                    <span className="bs-muted">
                      {t(`rp.scope.${r.scope}`)} · {EXT[r.format]} · {r.language.toUpperCase()}
                    </span>
                    {r.period && (
                      <span className="bs-muted">
                        {' '}
                        · {date(r.period.from)} – {date(r.period.to)}
                      </span>
                    )}
                  </TableCell>
                  <TableCell>
                    <ProgressBar
                      label={t('rp.progressText', { status: t(`rp.status.${r.status}`), pct: r.progress })}
                      value={r.progress}
                      max={100}
                    />
                    {r.status === 'failed' && r.error && <span className="bs-muted">{r.error}</span>}
                  </TableCell>
                  <TableCell>
                    {r.status === 'done' ? (
                      <>
                        <DownloadButton r={r} />
                        {r.sizeBytes !== undefined && (
                          <span className="bs-muted"> {t('rp.size', { kb: num(r.sizeBytes / 1024) })}</span>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
