import { unitTerm } from '@glossary';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { Lead } from '../../ui/Bits';
import { EmptyState, ErrorAlert, PageHeading, QueryState } from '../../ui/States';
import { useDeleteOffering, useOwnProfile } from './api';
import { OfferingForm } from './OfferingForm';

type Offering = Schemas['OfferingDto'];

function OfferingCard({ o }: { o: Offering }) {
  const { t, money, locale } = useT();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteOffering(o.id);
  return (
    <li className="bs-card">
      {editing ? (
        <OfferingForm offering={o} onDone={() => setEditing(false)} />
      ) : (
        <>
          <Heading level={3}>{o.title}</Heading>
          {o.description && <Paragraph>{o.description}</Paragraph>}
          <Paragraph className="bs-muted">
            {t('se.offering.facts', {
              codes: o.cpvCodes.join(', '),
              place: o.deliveryPostcode
                ? `${o.deliveryPostcode}${o.deliveryRadiusKm ? ` (+${o.deliveryRadiusKm} km)` : ''}`
                : '—',
            })}
          </Paragraph>
          {o.priceIndicationCents !== null && (
            <Paragraph>
              {t('profile.price')}:{' '}
              {o.unit
                ? t('profile.priceUnit', {
                    price: money(o.priceIndicationCents),
                    unit: unitTerm(o.unit, locale),
                  })
                : money(o.priceIndicationCents)}
              {o.labourShare !== null &&
                ` · ${t('profile.labourShare')}: ${Math.round(o.labourShare * 100)}%`}
            </Paragraph>
          )}
          {remove.error && <ErrorAlert error={remove.error} />}
          <div className="bs-actions">
            <Button appearance="secondary-action-button" onClick={() => setEditing(true)}>
              {t('se.offering.editButton', { title: o.title })}
            </Button>
            <Button
              appearance="subtle-button"
              hint="danger"
              busy={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {t('se.offering.delete', { title: o.title })}
            </Button>
          </div>
        </>
      )}
    </li>
  );
}

export function OfferingsPage() {
  const { t } = useT();
  const { query } = useOwnProfile();
  return (
    <QueryState query={query} page>
      {(p) => (
        <>
          <PageHeading>{t('se.offerings.title')}</PageHeading>
          <Lead>{t('se.offerings.lead')}</Lead>
          {p.offerings.length === 0 ? (
            <EmptyState>{t('se.offerings.empty')}</EmptyState>
          ) : (
            <ul className="bs-cards">
              {p.offerings.map((o) => (
                <OfferingCard key={o.id} o={o} />
              ))}
            </ul>
          )}
          <OfferingForm />
        </>
      )}
    </QueryState>
  );
}
