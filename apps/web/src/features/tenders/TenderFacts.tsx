import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';

export const buyerName = (t: Schemas['TenderResponseDto']): string => t.buyer?.name ?? '';

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
