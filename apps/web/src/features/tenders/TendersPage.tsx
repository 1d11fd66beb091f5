import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { SelectField } from '../../ui/Fields';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useActiveTenders, type TenderFilters } from './api';
import { buyerName, ReservedBadge, sourceName, TENDER_SOURCES } from './TenderFacts';

type Source = Schemas['TenderResponseDto']['source'];

/**
 * The filters, kept in the address too (`?source=eforms&reserved=true`) so a filtered list can be linked to. They
 * are the page's own state first: the address changes a moment later, and a checkbox must not wait for it.
 */
function useFilters(): [TenderFilters, (f: TenderFilters) => void] {
  const [params, setParams] = useSearchParams();
  const [filters, setState] = useState<TenderFilters>(() => {
    const source = params.get('source');
    return {
      source: TENDER_SOURCES.includes(source as Source) ? (source as Source) : undefined,
      reserved: params.get('reserved') === 'true',
    };
  });
  const set = (f: TenderFilters) => {
    setState(f);
    const next = new URLSearchParams();
    if (f.source) next.set('source', f.source);
    if (f.reserved) next.set('reserved', 'true');
    setParams(next, { replace: true });
  };
  return [filters, set];
}

export function TendersPage() {
  const { t, money, date, term } = useT();
  const [filters, setFilters] = useFilters();
  const list = useActiveTenders(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const reservedId = useId();
  const filtered = Boolean(filters.source || filters.reserved);
  return (
    <>
      <PageHeading>{t('tenders.title')}</PageHeading>
      <Paragraph appearance="lead">{t('tenders.lead')}</Paragraph>
      <Fieldset className="bs-fieldset bs-filters">
        <FieldsetLegend>{t('tenders.filter.legend')}</FieldsetLegend>
        <SelectField
          label={t('tenders.filter.source')}
          value={filters.source ?? ''}
          onChange={(v) => setFilters({ ...filters, source: (v || undefined) as Source | undefined })}
          options={[
            { value: '', label: t('tenders.filter.source.all') },
            ...TENDER_SOURCES.map((s) => ({ value: s, label: sourceName(t, s) })),
          ]}
        />
        <FormField type="checkbox" className="bs-choice">
          <Checkbox
            id={reservedId}
            checked={Boolean(filters.reserved)}
            onChange={() => setFilters({ ...filters, reserved: !filters.reserved })}
          />
          <FormLabel htmlFor={reservedId} type="checkbox" checked={Boolean(filters.reserved)}>
            {t('tenders.filter.reserved')}
          </FormLabel>
        </FormField>
      </Fieldset>
      <QueryState
        query={list}
        isEmpty={() => items.length === 0}
        empty={filtered ? t('tenders.emptyFiltered') : t('tenders.empty')}
        emptyAction={<RouterLink to="/">{t('nav.home')}</RouterLink>}
      >
        {() => (
          <>
            <ul className="bs-cards">
              {items.map((tender) => (
                <li key={tender.id} className="bs-card">
                  <Heading level={2} className="bs-card__title">
                    <RouterLink to={`/tenders/${tender.id}`}>{tender.title}</RouterLink>
                  </Heading>
                  {tender.reserved && (
                    <Paragraph>
                      <ReservedBadge reserved={tender.reserved} />
                    </Paragraph>
                  )}
                  <Paragraph>
                    {buyerName(tender)} · {term('procurementCategory', tender.mainProcurementCategory)} ·{' '}
                    {t('tenders.value')} {money(tender.estimatedValueCents)}
                  </Paragraph>
                  <Paragraph className="bs-muted">
                    {tender.tenderPeriodEnd && (
                      <>
                        {t('tenders.deadline')} {date(tender.tenderPeriodEnd)} ·{' '}
                      </>
                    )}
                    {t('tenders.source')}: {sourceName(t, tender.source)}
                  </Paragraph>
                </li>
              ))}
            </ul>
            {list.hasNextPage && (
              <Button appearance="secondary-action-button" onClick={() => void list.fetchNextPage()}>
                {t('common.more')}
              </Button>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
