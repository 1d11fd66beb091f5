import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useT } from '../../i18n/LocaleProvider';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useActiveTenders } from './api';
import { buyerName } from './TenderFacts';

export function TendersPage() {
  const { t, money, date, term } = useT();
  const list = useActiveTenders();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeading>{t('tenders.title')}</PageHeading>
      <Paragraph appearance="lead">{t('tenders.lead')}</Paragraph>
      <QueryState
        query={list}
        isEmpty={() => items.length === 0}
        empty={t('tenders.empty')}
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
                  <Paragraph>
                    {buyerName(tender)} · {term('procurementCategory', tender.mainProcurementCategory)} ·{' '}
                    {t('tenders.value')} {money(tender.estimatedValueCents)}
                  </Paragraph>
                  {tender.tenderPeriodEnd && (
                    <Paragraph className="bs-muted">
                      {t('tenders.deadline')} {date(tender.tenderPeriodEnd)}
                    </Paragraph>
                  )}
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
