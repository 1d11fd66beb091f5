import { Button, Heading, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, ProgressBar } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert, PageHeading, QueryState } from '../../ui/States';
import { useObligations } from '../obligations/api';
import { useTenderTitles } from '../tenders/api';
import { downloadReport, useReports } from './api';
import { FORMAT_NAMES, ReportRequestForm } from './ReportRequestForm';

type Report = Schemas['ReportResponseDto'];

function DownloadButton({ r }: { r: Report }) {
  const { t, date } = useT();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        appearance="secondary-action-button"
        busy={busy}
        aria-label={t('rp.downloadLabel', { format: FORMAT_NAMES[r.format], date: date(r.createdAt) })}
        onClick={() => {
          setBusy(true);
          setError(null);
          downloadReport(r)
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {t('rp.download', { format: FORMAT_NAMES[r.format] })}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

/** What a report is about, in words: the tender's title, or the buyer's name. */
function useSubjectNames(): (r: Report) => string {
  const { me } = useAuth();
  const obs = useObligations({ fresh: true }).data?.items ?? [];
  const titles = useTenderTitles(obs.map((o) => o.tenderId));
  const byObligation = new Map(obs.map((o) => [o.id, titles.get(o.tenderId) ?? '']));
  return (r) =>
    r.scope === 'buyer'
      ? (me?.organisation?.name ?? '')
      : ((r.scope === 'obligation' ? byObligation.get(r.scopeId) : titles.get(r.scopeId)) ?? '');
}

export function ReportsPage() {
  const { t, date, num, term } = useT();
  const list = useReports();
  const subject = useSubjectNames();
  return (
    <>
      <PageHeading>{t('rp.title')}</PageHeading>
      <Lead>{t('rp.lead')}</Lead>
      <ReportRequestForm />
      <Heading level={2}>{t('rp.list')}</Heading>
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={t('rp.empty')}>
        {({ items }) => (
          <DataTable columns={[t('rp.when'), t('rp.what'), t('rp.progress'), t('common.actions')]}>
            {items.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{date(r.createdAt)}</TableCell>
                <TableCell>
                  {subject(r) || t(`rp.scope.${r.scope}`)}
                  <br />
                  <span className="bs-muted">
                    {t(`rp.scope.${r.scope}`)} · {FORMAT_NAMES[r.format]} · {term('language', r.language)}
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
                    label={t('rp.progressText', { status: term('reportStatus', r.status), pct: r.progress })}
                    value={r.progress}
                    max={100}
                  />
                  {/* The job's `error` is English, for developers: the page says it in its own language. */}
                  {r.status === 'failed' && <span className="bs-muted">{t('rp.failedText')}</span>}
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
          </DataTable>
        )}
      </QueryState>
    </>
  );
}
