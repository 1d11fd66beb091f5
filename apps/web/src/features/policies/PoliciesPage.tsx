import { Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useCreatePolicyFromExample, usePolicies } from './api';

export function PoliciesPage() {
  const { t, date } = useT();
  const navigate = useNavigate();
  const list = usePolicies();
  const create = useCreatePolicyFromExample();
  const start = (
    <Button
      appearance="primary-action-button"
      busy={create.isPending}
      onClick={() => create.mutate(undefined, { onSuccess: (p) => navigate(`/officer/policies/${p.id}`) })}
    >
      {t('policies.fromExample')}
    </Button>
  );
  return (
    <>
      <PageHeading>{t('policies.title')}</PageHeading>
      <Paragraph appearance="lead">{t('policies.lead')}</Paragraph>
      <ErrorAlert error={create.error} />
      <QueryState
        query={list}
        isEmpty={(d) => d.items.length === 0}
        empty={t('policies.empty')}
        emptyAction={start}
      >
        {({ items }) => (
          <>
            <div className="bs-actions">{start}</div>
            <DataTable
              columns={[
                t('policies.name'),
                t('policies.version'),
                t('policies.validFrom'),
                t('common.status'),
              ]}
            >
              {items.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    <RouterLink to={`/officer/policies/${p.id}`}>{p.name}</RouterLink>
                  </TableCell>
                  <TableCell>{p.version}</TableCell>
                  <TableCell>{date(p.validFrom)}</TableCell>
                  <TableCell>
                    <Status list="policyStatus" value={p.status} />
                  </TableCell>
                </TableRow>
              ))}
            </DataTable>
          </>
        )}
      </QueryState>
    </>
  );
}
