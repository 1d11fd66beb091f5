import { Button, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { parseMoney, today } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { TextField } from '../../ui/Fields';
import { ErrorAlert, FormError, Notice } from '../../ui/States';
import { useDeclineRequest, useSendQuote } from './api';

/** The social enterprise's two answers to a request: a quote (amount, validity, message) or declining it. */
export function QuoteAnswerForms({
  r,
  onAnswered,
}: {
  r: Schemas['QuoteRequestResponseDto'];
  onAnswered: () => void;
}) {
  const { t, locale, fieldErrors } = useT();
  const [amount, setAmount] = useState('');
  const [validUntil, setValidUntil] = useState(today(30));
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const quote = useSendQuote(r.id);
  const decline = useDeclineRequest(r.id);
  if (quote.isSuccess) return <Notice>{t('se.quote.sent')}</Notice>;
  if (decline.isSuccess) return <Notice>{t('se.decline.done')}</Notice>;
  const send = (e: FormEvent) => {
    e.preventDefault();
    const cents = parseMoney(amount, locale);
    setLocal(cents === null ? { amountCents: t('tender.f.value.invalid') } : {});
    if (cents === null) return;
    quote.mutate(
      { amountCents: cents, validUntil, ...(message.trim() ? { message: message.trim() } : {}) },
      { onSuccess: onAnswered },
    );
  };
  const errors = { ...fieldErrors(quote.error), ...local };
  return (
    <>
      <form onSubmit={send} className="bs-form bs-answer" noValidate>
        <Heading level={3}>{t('se.quote.title')}</Heading>
        <FormError error={quote.error} />
        <div className="bs-row">
          <TextField
            label={t('se.quote.amount')}
            value={amount}
            onChange={setAmount}
            error={errors.amountCents}
            inputMode="decimal"
            required
          />
          <TextField
            label={t('se.quote.validUntil')}
            type="date"
            value={validUntil}
            onChange={setValidUntil}
            error={errors.validUntil}
          />
        </div>
        <TextField
          label={`${t('se.quote.message')} ${t('common.optional')}`}
          value={message}
          onChange={setMessage}
          error={errors.message}
          multiline
        />
        <div className="bs-actions">
          <Button type="submit" appearance="primary-action-button" busy={quote.isPending}>
            {t('se.quote.send')}
          </Button>
        </div>
      </form>
      <details className="bs-reasons">
        <summary>{t('se.decline.title')}</summary>
        <form
          className="bs-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            decline.mutate(reason.trim() ? { reason: reason.trim() } : {}, { onSuccess: onAnswered });
          }}
        >
          {decline.error && <ErrorAlert error={decline.error} />}
          <TextField
            label={`${t('se.decline.reason')} ${t('common.optional')}`}
            value={reason}
            onChange={setReason}
            error={fieldErrors(decline.error).reason}
          />
          <div className="bs-actions">
            <Button type="submit" appearance="secondary-action-button" hint="danger" busy={decline.isPending}>
              {t('se.decline.send')}
            </Button>
          </div>
        </form>
      </details>
    </>
  );
}
