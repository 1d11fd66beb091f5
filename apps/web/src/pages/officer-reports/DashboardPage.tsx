import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import type { MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';
import { EmptyState, ErrorAlert, Loading, PageHeading, RouterLink } from '../../ui/States';
import { Lead, useMyObligations, useT2, useTenderTitles } from '../contractor/shared';

const STATUSES = ['open', 'on_track', 'at_risk', 'met', 'not_met', 'waived'] as const;

interface Spend {
  socialEnterpriseId: string;
  name: string;
  count: number;
  spentCents: number;
  claimedCents: number;
  verifiedCents: number;
}

/**
 * Money spent with social enterprises comes from the buyer JSON report (the API's one aggregate of invoices per
 * enterprise): requested in the background, polled, then read. An identical request while one runs is answered
 * with that one, so a reload does not queue a second.
 */
function useBuyerSpend(buyerId: string, language: 'nl' | 'en') {
  return useQuery({
    queryKey: ['buyer-spend', buyerId],
    enabled: Boolean(buyerId),
    staleTime: 60_000,
    queryFn: async () => {
      const accepted = await call(
        api.POST('/reports', { body: { scope: 'buyer', scopeId: buyerId, format: 'json', language } }),
      );
      const deadline = Date.now() + 60_000;
      for (;;) {
        const r = await call(api.GET('/reports/{id}', { params: { path: { id: accepted.id } } }));
        if (r.status === 'done') break;
        if (r.status === 'failed') throw new Error(r.error ?? 'report failed');
        if (Date.now() > deadline) throw new Error('timeout');
        await new Promise((res) => window.setTimeout(res, 700));
      }
      const file = await api.GET('/reports/{id}/download', {
        params: { path: { id: accepted.id } },
        parseAs: 'text',
      });
      const json = JSON.parse(String(file.data ?? '{}')) as { spendPerSocialEnterprise?: Spend[] };
      return json.spendPerSocialEnterprise ?? [];
    },
  });
}

export function DashboardPage() {
  const { t, money, date, locale } = useT2();
  const { me } = useAuth();
  const obligations = useMyObligations();
  const obs = obligations.data?.items ?? [];
  const titles = useTenderTitles(obs.map((o) => o.tenderId));
  const spend = useBuyerSpend(me?.organisation?.id ?? '', locale);
  if (obligations.isPending) return <Loading />;
  if (obligations.isError) return <ErrorAlert error={obligations.error} />;
  const atRisk = obs.filter((o) => o.status === 'at_risk' || o.status === 'not_met');
  const sum = (f: (o: (typeof obs)[number]) => number) => obs.reduce((s, o) => s + f(o), 0);
  const spent = spend.data ?? [];
  return (
    <>
      <PageHeading>{t('db.title')}</PageHeading>
      <Lead>{t('db.lead')}</Lead>
      {obs.length === 0 ? (
        <EmptyState action={<RouterLink to="/officer/tenders">{t('nav.officerTenders')}</RouterLink>}>
          {t('db.empty')}
        </EmptyState>
      ) : (
        <>
          <section className="bs-section" aria-labelledby="db-status">
            <Heading level={2} id="db-status">
              {t('db.byStatus')}
            </Heading>
            <ul className="bs-status-list">
              {STATUSES.map((s) => (
                <li key={s}>
                  <strong>{obs.filter((o) => o.status === s).length}</strong>
                  {t(`obStatus.${s}` as MessageId)}
                </li>
              ))}
            </ul>
            <dl className="bs-figures">
              <div>
                <dt>{t('db.total.count')}</dt>
                <dd>{obs.length}</dd>
              </div>
              <div>
                <dt>{t('db.total.amount')}</dt>
                <dd>{money(sum((o) => o.amountCents))}</dd>
              </div>
              <div>
                <dt>{t('db.total.claimed')}</dt>
                <dd>{money(sum((o) => o.claimedCents))}</dd>
              </div>
              <div>
                <dt>{t('db.total.verified')}</dt>
                <dd>{money(sum((o) => o.verifiedCents))}</dd>
              </div>
            </dl>
          </section>
          <section className="bs-section" aria-labelledby="db-risk">
            <Heading level={2} id="db-risk">
              {t('db.atRisk')}
            </Heading>
            {atRisk.length === 0 ? (
              <EmptyState>{t('db.atRisk.empty')}</EmptyState>
            ) : (
              <ul className="bs-cards">
                {atRisk.map((o) => (
                  <li key={o.id} className="bs-card">
                    <Heading level={3}>
                      <RouterLink to={`/officer/obligations/${o.id}`}>
                        {titles.get(o.tenderId) || o.id.slice(0, 8)}
                      </RouterLink>
                    </Heading>
                    <Paragraph>
                      <Status prefix="obStatus" value={o.status} /> · {t('obligations.due')} {date(o.dueDate)}
                    </Paragraph>
                    <Paragraph>
                      {t('db.atRisk.shortfall', {
                        forecast: money(o.forecastCents),
                        amount: money(o.amountCents),
                        short: money(Math.max(0, o.amountCents - o.forecastCents)),
                      })}
                    </Paragraph>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <section className="bs-section" aria-labelledby="db-spent">
        <Heading level={2} id="db-spent">
          {t('db.spent')}
        </Heading>
        <Paragraph>{t('db.spent.lead')}</Paragraph>
        {spend.isPending ? (
          <Loading />
        ) : spend.isError ? (
          <ErrorAlert error={spend.error} />
        ) : spent.length === 0 ? (
          <EmptyState>{t('db.spent.empty')}</EmptyState>
        ) : (
          <div className="bs-table-wrap">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('db.spent.enterprise')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('db.spent.amount')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('db.total.claimed')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('db.total.verified')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {spent.map((s) => (
                  <TableRow key={s.socialEnterpriseId}>
                    <TableHeaderCell scope="row">
                      <RouterLink to={`/enterprises/${s.socialEnterpriseId}`}>{s.name}</RouterLink>
                    </TableHeaderCell>
                    <TableCell>{money(s.spentCents)}</TableCell>
                    <TableCell>{money(s.claimedCents)}</TableCell>
                    <TableCell>{money(s.verifiedCents)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableHeaderCell scope="row">{t('db.spent.totalLabel')}</TableHeaderCell>
                  <TableCell>{money(spent.reduce((s, x) => s + x.spentCents, 0))}</TableCell>
                  <TableCell>{money(spent.reduce((s, x) => s + x.claimedCents, 0))}</TableCell>
                  <TableCell>{money(spent.reduce((s, x) => s + x.verifiedCents, 0))}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
