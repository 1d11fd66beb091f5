import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useOwnTenderTitles } from '../tenders/api';
import { useObligations } from './api';
import { ObligationProgress } from './ObligationFigures';

/** The buyer's obligations: one row each, with its progress. */
export function OfficerObligationsPage() {
  const { t, money, date } = useT();
  const list = useObligations();
  const titles = useOwnTenderTitles();
  return (
    <>
      <PageHeading>{t('obligations.title')}</PageHeading>
      <Paragraph appearance="lead">{t('obligations.lead')}</Paragraph>
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={t('obligations.empty')}
        emptyAction={<RouterLink to="/officer/tenders">{t('nav.officerTenders')}</RouterLink>}
      >
        {({ items }) => (
          <DataTable
            columns={[
              t('obligations.tender'),
              t('obligations.contractor'),
              t('common.status'),
              t('obligations.amount'),
              t('obligations.claimed'),
              t('obligations.verified'),
              t('obligations.progress'),
              t('obligations.due'),
            ]}
          >
            {items.map((o) => (
              <TableRow key={o.id}>
                <TableCell>
                  <RouterLink to={`/officer/obligations/${o.id}`}>
                    {o.tenderTitle ?? titles.get(o.tenderId) ?? ''}
                  </RouterLink>
                </TableCell>
                <TableCell>{o.contractorName ?? ''}</TableCell>
                <TableCell>
                  <Status list="obligationStatus" value={o.status} />
                </TableCell>
                <TableCell>{money(o.amountCents)}</TableCell>
                <TableCell>{money(o.claimedCents)}</TableCell>
                <TableCell>{money(o.verifiedCents)}</TableCell>
                <TableCell>
                  <ObligationProgress o={o} />
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
