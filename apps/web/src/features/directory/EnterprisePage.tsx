import { unitTerm } from '@glossary';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { lazy, Suspense, type ComponentProps } from 'react';
import { useLocation, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import { loadFeatureMessages, useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { EmptyState, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useEnterprise } from './api';

/* The quote request form is signed-in work: its code and words are fetched only for a signed-in contractor. */
const ProfileQuoteAction = lazy(() =>
  Promise.all([import('../marketplace/ProfileQuoteAction'), loadFeatureMessages()]).then(([m]) => ({
    default: m.ProfileQuoteAction,
  })),
);

/** "Offerte aanvragen" for a contractor; a visitor is told to sign in as one; other roles see nothing. */
function QuoteAction({ page, ...props }: ComponentProps<typeof ProfileQuoteAction> & { page?: boolean }) {
  const { t } = useT();
  const { me, status } = useAuth();
  const { pathname } = useLocation();
  if (status === 'anonymous')
    return page ? (
      <Paragraph>
        <RouterLink to={`/sign-in?next=${encodeURIComponent(pathname)}`}>{t('profile.qr.signIn')}</RouterLink>
      </Paragraph>
    ) : null;
  if (me?.role !== 'contractor') return null;
  return (
    <Suspense fallback={null}>
      <ProfileQuoteAction {...props} />
    </Suspense>
  );
}

export function EnterprisePage() {
  const { id = '' } = useParams();
  const profile = useEnterprise(id);
  return (
    <QueryState query={profile} page>
      {(p) => <EnterpriseProfile p={p} />}
    </QueryState>
  );
}

function EnterpriseProfile({ p }: { p: Schemas['ProfileResponseDto'] }) {
  const { t, money, date, locale, term, certName } = useT();
  const { me } = useAuth();
  return (
    <>
      <PageHeading>{p.name}</PageHeading>
      {p.mission && <Paragraph appearance="lead">{p.mission}</Paragraph>}
      <DataList className="bs-facts">
        <DataListItem>
          <DataListKey>{t('profile.location')}</DataListKey>
          <DataListValue>{[p.postcode, p.city].filter(Boolean).join(' ')}</DataListValue>
        </DataListItem>
        {p.kvkNumber && (
          <DataListItem>
            <DataListKey>{t('profile.kvk')}</DataListKey>
            <DataListValue>{p.kvkNumber}</DataListValue>
          </DataListItem>
        )}
        {p.targetGroups.length > 0 && (
          <DataListItem>
            <DataListKey>{t('profile.targetGroups')}</DataListKey>
            <DataListValue>{p.targetGroups.map((g) => term('targetGroup', g)).join(', ')}</DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>{t('profile.fte')}</DataListKey>
          <DataListValue>{p.fteTotal.toLocaleString(locale)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('profile.fteTargetGroup')}</DataListKey>
          <DataListValue>{p.fteTargetGroup.toLocaleString(locale)}</DataListValue>
        </DataListItem>
        {p.website && (
          <DataListItem>
            <DataListKey>{t('profile.website')}</DataListKey>
            <DataListValue>
              <a className="utrecht-link" href={p.website} rel="noopener noreferrer">
                {p.website}
              </a>
            </DataListValue>
          </DataListItem>
        )}
      </DataList>
      <QuoteAction
        page
        enterpriseName={p.name}
        offerings={p.offerings.map((o) => ({ id: o.id, label: o.title }))}
      />

      <Heading level={2}>{t('profile.certifications')}</Heading>
      {p.certifications.length === 0 ? (
        <EmptyState>{t('profile.noCertifications')}</EmptyState>
      ) : (
        <ul className="bs-list">
          {p.certifications.map((c) => (
            <li key={c.id}>
              {certName(c.type, c.level)} ·{' '}
              {c.validUntil ? t('profile.validUntil', { date: date(c.validUntil) }) : t('profile.openEnded')}{' '}
              <Status list="certificationStatus" value={c.status} />
            </li>
          ))}
        </ul>
      )}
      {me?.role === 'procurement_officer' && (
        <Paragraph>
          <RouterLink to={`/officer/certifications?org=${p.id}&name=${encodeURIComponent(p.name)}`}>
            {t('certs.title')}
          </RouterLink>
        </Paragraph>
      )}

      <Heading level={2}>{t('profile.offerings')}</Heading>
      {p.offerings.length === 0 ? (
        <EmptyState>{t('profile.noOfferings')}</EmptyState>
      ) : (
        <ul className="bs-cards">
          {p.offerings.map((o) => (
            <li key={o.id} className="bs-card">
              <Heading level={3}>{o.title}</Heading>
              {o.description && <Paragraph>{o.description}</Paragraph>}
              <Paragraph className="bs-muted">CPV {o.cpvCodes.join(', ')}</Paragraph>
              {o.priceIndicationCents !== null && (
                <Paragraph>
                  {t('profile.price')}:{' '}
                  {o.unit
                    ? t('profile.priceUnit', {
                        price: money(o.priceIndicationCents),
                        unit: unitTerm(o.unit, locale),
                      })
                    : money(o.priceIndicationCents)}
                </Paragraph>
              )}
              <QuoteAction enterpriseName={p.name} offering={{ id: o.id, label: o.title }} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
