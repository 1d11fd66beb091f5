import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import type { MessageId } from '../../i18n/messages';
import { EmptyState, ErrorAlert, Loading, PageHeading, RouterLink } from '../../ui/States';

export const buyerName = (t: Schemas['TenderResponseDto']): string => t.buyer?.name ?? '';

export function TendersPage() {
  const { t, money, date } = useT();
  const list = useInfiniteQuery({
    queryKey: ['tenders', 'active'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/tenders', { params: { query: { status: 'active', limit: 20, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeading>{t('tenders.title')}</PageHeading>
      <Paragraph appearance="lead">{t('tenders.lead')}</Paragraph>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState action={<RouterLink to="/">{t('nav.home')}</RouterLink>}>{t('tenders.empty')}</EmptyState>
      ) : (
        <>
          <ul className="bs-cards">
            {items.map((tender) => (
              <li key={tender.id} className="bs-card">
                <Heading level={2} className="bs-card__title">
                  <RouterLink to={`/tenders/${tender.id}`}>{tender.title}</RouterLink>
                </Heading>
                <Paragraph>
                  {buyerName(tender)} · {t(`cat.${tender.mainProcurementCategory}` as MessageId)} ·{' '}
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
    </>
  );
}
