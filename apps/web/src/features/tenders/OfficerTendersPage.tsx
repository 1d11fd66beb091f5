import { Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useOwnTenders } from './api';

export function OfficerTendersPage() {
  const { t, money } = useT();
  const list = useOwnTenders();
  const action = <RouterLink to="/officer/tenders/new">{t('otenders.new')}</RouterLink>;
  return (
    <>
      <PageHeading>{t('otenders.title')}</PageHeading>
      <QueryState
        query={list}
        isEmpty={(d) => d.length === 0}
        empty={t('otenders.empty')}
        emptyAction={action}
      >
        {(tenders) => (
          <>
            <Paragraph>{action}</Paragraph>
            <DataTable columns={[t('tender.f.title'), t('common.status'), t('tenders.value')]}>
              {tenders.map((tender) => (
                <TableRow key={tender.id}>
                  <TableCell>
                    <RouterLink to={`/officer/tenders/${tender.id}`}>{tender.title}</RouterLink>
                  </TableCell>
                  <TableCell>
                    <Status list="tenderStatus" value={tender.status} />
                  </TableCell>
                  <TableCell>{money(tender.estimatedValueCents)}</TableCell>
                </TableRow>
              ))}
            </DataTable>
          </>
        )}
      </QueryState>
    </>
  );
}
