import { Button, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { parseMoney, todayInNl } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { TextField } from '../../ui/Fields';
import { FormError, Notice, RouterLink } from '../../ui/States';
import { useSendInvoice } from './api';
import { OrderList } from './OrderList';

/** The social enterprise's orders: invoicing an open one. */
export function EnterpriseOrdersPage() {
  const { t } = useT();
  return (
    <OrderList
      heading={t('se.orders.title')}
      lead={t('se.orders.lead')}
      empty={t('se.orders.empty')}
      next={<RouterLink to="/enterprise/quote-requests">{t('se.qrs.title')}</RouterLink>}
      actions={(o) => <InvoiceForm o={o} />}
    />
  );
}

/**
 * The dates an invoice may carry: within the contract period and not after today (in the Netherlands), as the API
 * checks them. `min` is after `max` while the contract has not started.
 */
function invoiceBounds(o: Schemas['OrderResponseDto'], today: string): { min?: string; max: string } {
  const period = o.contractPeriod;
  if (!period) return { max: today };
  return { min: period.startDate, max: period.endDate < today ? period.endDate : today };
}

function InvoiceForm({ o }: { o: Schemas['OrderResponseDto'] }) {
  const { t, money, date, locale, fieldErrors, term } = useT();
  const today = todayInNl();
  const bounds = invoiceBounds(o, today);
  const notStarted = bounds.min !== undefined && bounds.min > today;
  const [number, setNumber] = useState('');
  const [invoiceDate, setInvoiceDate] = useState(today);
  const [amount, setAmount] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const send = useSendInvoice(o.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(amount, locale);
    const errs: Record<string, string> = {};
    if (cents === null) errs.amountCents = t('tender.f.value.invalid');
    if (!number.trim()) errs.invoiceNumber = t('register.required');
    // The same checks as the API, worded with the dates (never the API's English).
    if (!invoiceDate) errs.invoiceDate = t('register.required');
    else if (invoiceDate > today) errs.invoiceDate = t('se.invoice.dateAfterToday', { today: date(today) });
    else if (
      o.contractPeriod &&
      (invoiceDate < o.contractPeriod.startDate || invoiceDate > o.contractPeriod.endDate)
    )
      errs.invoiceDate = t('se.invoice.dateOutsideContract', {
        start: date(o.contractPeriod.startDate),
        end: date(o.contractPeriod.endDate),
      });
    setLocal(errs);
    if (cents === null || Object.keys(errs).length) return;
    send.mutate(
      { invoiceNumber: number.trim(), invoiceDate, amountCents: cents },
      {
        onSuccess: () => {
          setNumber('');
          setAmount('');
        },
      },
    );
  };
  const errors = { ...fieldErrors(send.error), ...local };
  if (o.status !== 'open') return null;
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      <Heading level={3}>{t('se.invoice.send')}</Heading>
      <FormError error={send.error} />
      {send.data && (
        <Notice>
          {t('se.invoice.sent', {
            amount: money(send.data.contribution.claimedValueCents),
            status: term('contributionStatus', send.data.contribution.status),
          })}
        </Notice>
      )}
      {notStarted && o.contractPeriod && (
        <Notice>{t('se.invoice.notStarted', { start: date(o.contractPeriod.startDate) })}</Notice>
      )}
      <div className="bs-row">
        <TextField
          label={t('se.invoice.number')}
          value={number}
          onChange={setNumber}
          error={errors.invoiceNumber}
        />
        <TextField
          label={t('se.invoice.date')}
          type="date"
          value={invoiceDate}
          onChange={setInvoiceDate}
          error={errors.invoiceDate}
          min={bounds.min}
          max={bounds.max}
        />
        <TextField
          label={t('se.invoice.amount')}
          value={amount}
          onChange={setAmount}
          error={errors.amountCents}
          inputMode="decimal"
        />
      </div>
      <div className="bs-actions">
        <Button type="submit" appearance="primary-action-button" busy={send.isPending}>
          {t('se.invoice.send')}
        </Button>
      </div>
    </form>
  );
}
