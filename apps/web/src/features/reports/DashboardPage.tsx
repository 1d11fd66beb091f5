import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { EmptyState, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useObligations } from '../obligations/api';
import { useTenderTitles } from '../tenders/api';
import { useDashboard, type Spend } from './api';

const STATUSES = ['not_started', 'open', 'on_track', 'at_risk', 'fulfilled', 'waived', 'closed'] as const;

export function DashboardPage() {
  const obligations = useObligations({ fresh: true });
  const titles = useTenderTitles((obligations.data?.items ?? []).map((o) => o.tenderId));
  // Computed by the API on each read: looking files no report.
  const dashboard = useDashboard();
  return (
    <QueryState query={obligations}>
      {({ items }) => <Dashboard obs={items} titles={titles} dashboard={dashboard} />}
    </QueryState>
  );
}

function Dashboard({
  obs,
  titles,
  dashboard,
}: {
  obs: Schemas['ObligationResponseDto'][];
  titles: Map<string, string>;
  dashboard: ReturnType<typeof useDashboard>;
}) {
  const { t, money, date, term } = useT();
  // Started contracts only: a contract that has not begun (not_started) is never at risk.
  const atRisk = obs.filter((o) => o.status === 'at_risk' || o.status === 'closed');
  const sum = (f: (o: (typeof obs)[number]) => number) => obs.reduce((s, o) => s + f(o), 0);
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
                  {term('obligationStatus', s)}
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
                        {o.tenderTitle ?? titles.get(o.tenderId) ?? ''}
                      </RouterLink>
                    </Heading>
                    {o.contractorName && (
                      <Paragraph>
                        {t('obligations.contractor')}: {o.contractorName}
                      </Paragraph>
                    )}
                    <Paragraph>
                      <Status list="obligationStatus" value={o.status} /> · {t('obligations.due')}{' '}
                      {date(o.dueDate)}
                    </Paragraph>
                    {o.forecastCents !== null && (
                      <Paragraph>
                        {t('db.atRisk.shortfall', {
                          forecast: money(o.forecastCents),
                          amount: money(o.amountCents),
                          short: money(Math.max(0, o.amountCents - o.forecastCents)),
                        })}
                      </Paragraph>
                    )}
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
        <QueryState
          query={dashboard}
          isEmpty={(d) => d.spendPerSocialEnterprise.length === 0}
          empty={t('db.spent.empty')}
        >
          {(d) => <SpendTable spent={d.spendPerSocialEnterprise} />}
        </QueryState>
      </section>
    </>
  );
}

/** Per social enterprise: spent, claimed and verified, with the totals. */
function SpendTable({ spent }: { spent: Spend[] }) {
  const { t, money } = useT();
  return (
    <DataTable
      layout="scroll"
      columns={[
        t('db.spent.enterprise'),
        t('db.spent.amount'),
        t('db.total.claimed'),
        t('db.total.verified'),
      ]}
      footer={
        <TableRow>
          <TableHeaderCell scope="row">{t('db.spent.totalLabel')}</TableHeaderCell>
          <TableCell>{money(spent.reduce((s, x) => s + x.spentCents, 0))}</TableCell>
          <TableCell>{money(spent.reduce((s, x) => s + x.claimedCents, 0))}</TableCell>
          <TableCell>{money(spent.reduce((s, x) => s + x.verifiedCents, 0))}</TableCell>
        </TableRow>
      }
    >
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
    </DataTable>
  );
}
