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
import { RouterLink } from '../../ui/States';
import { useChallenge } from '../challenges/api';

export const buyerName = (t: Schemas['TenderResponseDto']): string => t.buyer?.name ?? '';

/** The facts of a tender, shared by the public page and the officer's page. */
export function TenderFacts({ tender }: { tender: Schemas['TenderResponseDto'] }) {
  const { t, money, date, term } = useT();
  const row = (key: MessageId, value: ReactNode) => (
    <DataListItem>
      <DataListKey>{t(key)}</DataListKey>
      <DataListValue>{value}</DataListValue>
    </DataListItem>
  );
  return (
    <>
      <DataList className="bs-facts">
        {row('common.status', <Status list="tenderStatus" value={tender.status} />)}
        {row('tenders.buyer', buyerName(tender))}
        {row('tenders.category', term('procurementCategory', tender.mainProcurementCategory))}
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
        {tender.challengeId && <FromChallenge id={tender.challengeId} row={row} />}
        {tender.sroi && <SroiFacts tender={tender} sroi={tender.sroi} row={row} />}
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

/**
 * The SROI condition in money (api.md "Tender pages"): the policy by name and version, the percentage that
 * applies and the obligation the tender would create at its estimated value, as the API computes it.
 */
function SroiFacts({
  tender,
  sroi,
  row,
}: {
  tender: Schemas['TenderResponseDto'];
  sroi: NonNullable<Schemas['TenderResponseDto']['sroi']>;
  row: (key: MessageId, value: ReactNode) => ReactNode;
}) {
  const { t, money, locale } = useT();
  const percent = (p: number) => `${new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB').format(p)}%`;
  const reason = sroi.notApplicableReason;
  return (
    <>
      {row(
        'tender.sroi.policy',
        t('tenders.sroiPolicy', { name: sroi.policyName ?? '', version: sroi.policyVersion ?? '' }),
      )}
      {sroi.applicable === false && reason
        ? row(
            'tender.sroi.percentage',
            t('tender.sroi.notApplicable', { reason: t(`tender.sroi.reason.${reason}` as MessageId) }),
          )
        : sroi.percentage !== null &&
          row(
            'tender.sroi.percentage',
            t(
              sroi.percentageOverride !== null
                ? 'tender.sroi.percentage.own'
                : 'tender.sroi.percentage.policy',
              {
                percentage: percent(sroi.percentage),
              },
            ),
          )}
      {row(
        'tender.sroi.obligation',
        sroi.estimatedObligationCents === null
          ? t('tender.sroi.obligation.unknown')
          : sroi.applicable === false || sroi.percentage === null
            ? money(sroi.estimatedObligationCents)
            : t('tender.sroi.obligation.value', {
                amount: money(sroi.estimatedObligationCents),
                percentage: percent(sroi.percentage),
                value: money(tender.estimatedValueCents),
              }),
      )}
    </>
  );
}

/** The challenge the tender follows from, by its title (nothing while the challenge is not public). */
function FromChallenge({ id, row }: { id: string; row: (key: MessageId, value: ReactNode) => ReactNode }) {
  const challenge = useChallenge(id);
  if (!challenge.data) return null;
  return row('tenders.challenge', <RouterLink to={`/challenges/${id}`}>{challenge.data.title}</RouterLink>);
}
