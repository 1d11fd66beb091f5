import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Link,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';
import { RouterLink } from '../../ui/States';
import { useChallenge } from '../challenges/api';

type Tender = Schemas['TenderResponseDto'];
type Reserved = NonNullable<Tender['reserved']>;
type T = ReturnType<typeof useT>['t'];

export const buyerName = (t: Tender): string => t.buyer?.name ?? '';

/** Where tenders come from: made here, or imported open data (OCDS releases, eForms notices). */
export const TENDER_SOURCES: Tender['source'][] = ['platform', 'ocds', 'eforms'];

export const sourceName = (t: T, source: Tender['source']): string =>
  t(`tenders.source.${source}` as MessageId);

/** A reservation (eForms `res-ws`, `res-pub-ser`) in words: to whom the contract is reserved, and by which rule. */
export const reservedWords = (t: T, reserved: Reserved): string =>
  t(`tenders.reserved.${reserved}` as MessageId);

/** An eForms code list entry (a social objective) in the page's language. */
export function useCodeLabel(): (c: Schemas['EformsCodeDto']) => string {
  const { locale } = useT();
  return (c) => (locale === 'nl' ? c.labelNl : c.labelEn);
}

/** "Reserved contract" as a badge; the full wording (to whom, which article) as its tooltip and, with `full`, after it. */
export function ReservedBadge({ reserved, full }: { reserved: Reserved; full?: boolean }) {
  const { t } = useT();
  return (
    <>
      <StatusBadge status="reserved" className="bs-badge-reserved" title={reservedWords(t, reserved)}>
        {t('tenders.reservedBadge')}
      </StatusBadge>
      {full && <> {reservedWords(t, reserved)}</>}
    </>
  );
}

/** The facts of a tender, shared by the public page and the officer's page. */
export function TenderFacts({ tender }: { tender: Schemas['TenderResponseDto'] }) {
  const { t, money, date, term } = useT();
  const label = useCodeLabel();
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
        {row('tenders.source', sourceName(t, tender.source))}
        {tender.noticeUrl &&
          row(
            'tenders.notice',
            <Link href={tender.noticeUrl} target="_blank" rel="noopener noreferrer">
              {t('tenders.notice.link')}
            </Link>,
          )}
        {tender.source === 'eforms' &&
          row(
            'tenders.reserved',
            // The words say it all here; the badge marks reserved tenders in lists.
            tender.reserved ? reservedWords(t, tender.reserved) : t('tenders.reserved.none'),
          )}
        {tender.socialObjectives.length > 0 &&
          row(
            'tenders.socialObjectives',
            <ul className="bs-list">
              {tender.socialObjectives.map((o) => (
                <li key={o.code}>{label(o)}</li>
              ))}
            </ul>,
          )}
      </DataList>
      {tender.description && (
        <>
          <Heading level={2}>{t('tenders.description')}</Heading>
          <Paragraph>{tender.description}</Paragraph>
        </>
      )}
      {tender.lots && tender.lots.length > 0 && (
        <>
          <Heading level={2}>{t('tenders.lots')}</Heading>
          <ul className="bs-list">
            {tender.lots.map((l, n) => {
              const value = l.estimatedValueCents ?? l.valueCents;
              return (
                <li key={l.id}>
                  {l.title || t('tenders.lot.untitled', { n: n + 1 })}
                  {l.cpvCodes && l.cpvCodes.length > 0 && (
                    <span className="bs-muted"> (CPV {l.cpvCodes.join(', ')})</span>
                  )}
                  {value !== null && value !== undefined && (
                    <> · {t('tenders.lot.value', { amount: money(value) })}</>
                  )}
                </li>
              );
            })}
          </ul>
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
