import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { EmptyState, ErrorAlert, Loading, PageHeading, RouterLink } from '../../ui/States';
import { EXAMPLE_POLICY } from './example-policy';

export function PoliciesPage() {
  const { t, date } = useT();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['policies'],
    queryFn: () => call(api.GET('/sroi-policies', { params: { query: { limit: 100 } } })),
  });
  const create = useMutation({
    mutationFn: () => call(api.POST('/sroi-policies', { body: EXAMPLE_POLICY })),
    onSuccess: (p) => navigate(`/officer/policies/${p.id}`),
  });
  const start = (
    <Button appearance="primary-action-button" busy={create.isPending} onClick={() => create.mutate()}>
      {t('policies.fromExample')}
    </Button>
  );
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeading>{t('policies.title')}</PageHeading>
      <Paragraph appearance="lead">{t('policies.lead')}</Paragraph>
      <ErrorAlert error={create.error} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState action={start}>{t('policies.empty')}</EmptyState>
      ) : (
        <>
          <div className="bs-actions">{start}</div>
          <div className="bs-table-wrap">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('policies.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('policies.version')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('policies.validFrom')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('common.status')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>
                      <RouterLink to={`/officer/policies/${p.id}`}>{p.name}</RouterLink>
                    </TableCell>
                    <TableCell>{p.version}</TableCell>
                    <TableCell>{date(p.validFrom)}</TableCell>
                    <TableCell>
                      <Status prefix="policyStatus" value={p.status} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </>
  );
}
