import { Button } from '@utrecht/component-library-react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { ErrorAlert, RouterLink } from '../../ui/States';
import { useCompleteOrder } from './api';
import { OrderList } from './OrderList';

/** The contractor's orders: the invoices they brought, and completing an open order. */
export function ContractorOrdersPage() {
  const { t } = useT();
  return (
    <OrderList
      heading={t('ct.orders.title')}
      lead={t('ct.orders.lead')}
      empty={t('ct.orders.empty')}
      next={<RouterLink to="/contractor/quotes">{t('ct.qrs.title')}</RouterLink>}
      actions={(o) => <CompleteButton o={o} />}
    />
  );
}

function CompleteButton({ o }: { o: Schemas['OrderResponseDto'] }) {
  const { t } = useT();
  const complete = useCompleteOrder(o.id);
  if (o.status !== 'open') return null;
  return (
    <div className="bs-actions">
      {complete.error && <ErrorAlert error={complete.error} />}
      <Button
        appearance="secondary-action-button"
        busy={complete.isPending}
        onClick={() => complete.mutate()}
      >
        {t('ct.orders.complete')}
      </Button>
    </div>
  );
}
