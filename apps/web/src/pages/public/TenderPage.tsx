import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { api, call, type Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';
import { Loading, PageHeading, QueryError } from '../../ui/States';
import { buyerName } from './TendersPage';

/** The facts of a tender, shared by the public page and the officer's page. */
export function TenderFacts({ tender }: { tender: Schemas['TenderResponseDto'] }) {
  const { t, money, date } = useT();
  const row = (key: MessageId, value: ReactNode) => (
    <DataListItem>
      <DataListKey>{t(key)}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
  return (
    <>
      <DataList className="bs-facts">
        {row('common.status', <Status prefix="tenderStatus" value={tender.status} />)}
        {row('tenders.buyer', buyerName(tender))}
        {row('tenders.category', t(`cat.${tender.mainProcurementCategory}` as MessageId))}
        {row('tenders.value', money(tender.estimatedValueCents))}
        {/* Tenders imported from open data (OCDS) may lack a contract period or an SROI requirement. */}
        {tender.contractPeriod &&
          row(
            'tenders.contractPeriod',
            t('tenders.period', {
              start: date(tender.contractPeriod.startDate),
              end: date(tender.contractPeriod.endDate),
            }),
          )}
        {tender.tenderPeriodEnd && row('tenders.deadline', date(tender.tenderPeriodEnd))}
        {tender.deliveryPostcode && row('tenders.deliveryPostcode', tender.deliveryPostcode)}
        {tender.sroi &&
          row(
            'tenders.sroi',
            `${t('tenders.sroiPolicy', {
              name: tender.sroi.policyName ?? '',
              version: tender.sroi.policyVersion ?? '',
            })} · ${tender.sroi.percentage !== null ? `${tender.sroi.percentage}%` : t('tenders.percentageDefault')}`,
          )}
      </DataList>
      {tender.description && (
        <>
          <Heading level={2}>{t('tenders.description')}</Heading>
          <Paragraph>{tender.description}</Paragraph>
        </>
      )}
      <Heading level={2}>{t('tenders.items')}</Heading>
      <ul className="bs-list">
        {tender.items.map((i) => (
          <li key={i.id}>
            {i.description} <span className="bs-muted">(CPV {i.cpvCode})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function TenderPage() {
  const { id = '' } = useParams();
  const tender = useQuery({
    queryKey: ['tender', id],
    queryFn: () => call(api.GET('/tenders/{id}', { params: { path: { id } } })),
  });
  if (tender.isPending) return <Loading />;
  if (tender.isError) return <QueryError error={tender.error} />;
  return (
    <>
      <PageHeading>{tender.data.title}</PageHeading>
      <TenderFacts tender={tender.data} />
    </>
  );
}
