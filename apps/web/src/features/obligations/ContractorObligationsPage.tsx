import { TableCell, TableRow } from '@utrecht/component-library-react';
import { useT } from '../../i18n/LocaleProvider';
import { Lead, Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useTenderTitles } from '../tenders/api';
import { useObligations } from './api';
import { ObligationProgress } from './ObligationFigures';

/** The contractor's obligations: progress, forecast and due date of each. */
export function ContractorObligationsPage() {
  const { t, money, date } = useT();
  const list = useObligations({ fresh: true });
  const titles = useTenderTitles((list.data?.items ?? []).map((o) => o.tenderId));
  return (
    <>
      <PageHeading>{t('ct.obligations.title')}</PageHeading>
      <Lead>{t('ct.obligations.lead')}</Lead>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={t('ct.obligations.empty')}
        emptyAction={<RouterLink to="/account">{t('nav.account')}</RouterLink>}
      >
        {({ items }) => (
          <DataTable
            columns={[
              t('obligations.tender'),
              t('common.status'),
              t('obligations.amount'),
              t('obligations.progress'),
              t('obligations.forecast'),
              t('obligations.due'),
            ]}
          >
            {items.map((o) => (
              <TableRow key={o.id}>
                <TableCell>
                  <RouterLink to={`/contractor/obligations/${o.id}`}>
                    {titles.get(o.tenderId) || t('ct.obligation.untitled', { id: o.id.slice(0, 8) })}
                  </RouterLink>
                </TableCell>
                <TableCell>
                  <Status list="obligationStatus" value={o.status} />
                </TableCell>
                <TableCell>{money(o.amountCents)}</TableCell>
                <TableCell>
                  <ObligationProgress o={o} />
                </TableCell>
                <TableCell>
                  {o.forecastCents === null ? t('obligations.noForecast') : money(o.forecastCents)}
                </TableCell>
                <TableCell>{date(o.dueDate)}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        )}
      </QueryState>
    </>
  );
}
