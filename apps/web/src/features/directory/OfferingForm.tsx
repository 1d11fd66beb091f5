import { Button, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { moneyInput, parseDecimal, parseMoney } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { TextField } from '../../ui/Fields';
import { FormError, Notice } from '../../ui/States';
import { useSaveOffering } from './api';
import { CpvPicker } from './CpvPicker';

type Offering = Schemas['OfferingDto'];

/** Create (no offering) or edit one: CPV codes picked from the list, delivery point, price, labour share, capacity. */
export function OfferingForm({ offering, onDone }: { offering?: Offering; onDone?: () => void }) {
  const { t, locale, fieldErrors } = useT();
  const [title, setTitle] = useState(offering?.title ?? '');
  const [description, setDescription] = useState(offering?.description ?? '');
  const [codes, setCodes] = useState<string[]>(offering?.cpvCodes ?? []);
  // Labels of the codes picked here (stored offerings carry codes only).
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [postcode, setPostcode] = useState(offering?.deliveryPostcode ?? '');
  const [radius, setRadius] = useState(
    offering?.deliveryRadiusKm != null ? String(offering.deliveryRadiusKm) : '',
  );
  const [price, setPrice] = useState(moneyInput(offering?.priceIndicationCents, locale));
  const [unit, setUnit] = useState(offering?.unit ?? '');
  const [share, setShare] = useState(
    offering?.labourShare != null
      ? String(offering.labourShare).replace('.', locale === 'nl' ? ',' : '.')
      : '',
  );
  const [capacity, setCapacity] = useState(moneyInput(offering?.capacityCentsPerMonth, locale));
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useSaveOffering(offering);
  const saved = () => {
    if (!offering) {
      setTitle('');
      setDescription('');
      setCodes([]);
    }
    onDone?.();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!title.trim()) errs.title = t('register.required');
    if (!codes.length) errs.cpvCodes = t('se.offering.cpvNone');
    const priceCents = price.trim() ? parseMoney(price, locale) : null;
    if (price.trim() && priceCents === null) errs.priceIndicationCents = t('tender.f.value.invalid');
    const capacityCents = capacity.trim() ? parseMoney(capacity, locale) : null;
    if (capacity.trim() && capacityCents === null) errs.capacityCentsPerMonth = t('tender.f.value.invalid');
    if (share.trim() && parseDecimal(share) === null) errs.labourShare = t('se.offering.invalidNumber');
    if (radius.trim() && parseDecimal(radius) === null)
      errs.deliveryRadiusKm = t('se.offering.invalidNumber');
    setLocal(errs);
    if (Object.keys(errs).length) return;
    save.mutate(
      {
        title: title.trim(),
        description: description.trim(),
        cpvCodes: codes,
        priceIndicationCents: priceCents,
        unit: unit.trim() || null,
        labourShare: parseDecimal(share),
        deliveryPostcode: postcode.trim() || null,
        deliveryRadiusKm: parseDecimal(radius),
        capacityCentsPerMonth: capacityCents,
      },
      { onSuccess: saved },
    );
  };
  const errors = { ...fieldErrors(save.error), ...local };
  const cpvError = errors.cpvCodes ?? Object.entries(errors).find(([k]) => k.startsWith('cpvCodes'))?.[1];
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      <Heading level={offering ? 3 : 2}>
        {offering ? t('se.offering.edit', { title: offering.title }) : t('se.offering.new')}
      </Heading>
      <FormError error={save.error} />
      {save.isSuccess && !offering && <Notice>{t('se.offering.created')}</Notice>}
      <TextField
        label={t('se.offering.title')}
        value={title}
        onChange={setTitle}
        error={errors.title}
        required
      />
      <TextField
        label={t('se.offering.description')}
        value={description}
        onChange={setDescription}
        error={errors.description}
        multiline
      />
      <fieldset className="bs-fieldset utrecht-form-fieldset">
        <legend>{t('se.offering.cpv')}</legend>
        {codes.length > 0 && (
          <ul className="bs-chips">
            {codes.map((c) => (
              <li key={c}>
                <span className="bs-cpv__code">{c}</span>
                {labels[c] ? ` ${labels[c]}` : ''}
                <Button
                  type="button"
                  appearance="subtle-button"
                  aria-label={t('se.offering.cpvRemove', { code: c })}
                  onClick={() => setCodes(codes.filter((x) => x !== c))}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
        <CpvPicker
          label={t('se.offering.cpvAdd')}
          value={null}
          error={cpvError}
          onChange={(c) => {
            if (!c || codes.includes(c.code)) return;
            setCodes([...codes, c.code]);
            setLabels({ ...labels, [c.code]: locale === 'nl' ? c.labelNl : c.labelEn });
          }}
        />
      </fieldset>
      <div className="bs-row">
        <TextField
          label={`${t('se.offering.postcode')} ${t('common.optional')}`}
          value={postcode}
          onChange={setPostcode}
          error={errors.deliveryPostcode}
          autoComplete="postal-code"
        />
        <TextField
          label={`${t('se.offering.radius')} ${t('common.optional')}`}
          value={radius}
          onChange={setRadius}
          error={errors.deliveryRadiusKm}
          inputMode="numeric"
        />
      </div>
      <div className="bs-row">
        <TextField
          label={`${t('se.offering.price')} ${t('common.optional')}`}
          value={price}
          onChange={setPrice}
          error={errors.priceIndicationCents}
          inputMode="decimal"
        />
        <TextField
          label={`${t('se.offering.unit')} ${t('common.optional')}`}
          value={unit}
          onChange={setUnit}
          error={errors.unit}
        />
      </div>
      <div className="bs-row">
        <TextField
          label={`${t('se.offering.labourShare')} ${t('common.optional')}`}
          description={t('se.offering.labourShare.help')}
          value={share}
          onChange={setShare}
          error={errors.labourShare}
          inputMode="decimal"
        />
        <TextField
          label={`${t('se.offering.capacity')} ${t('common.optional')}`}
          value={capacity}
          onChange={setCapacity}
          error={errors.capacityCentsPerMonth}
          inputMode="decimal"
        />
      </div>
      <div className="bs-actions">
        <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
          {offering ? t('se.offering.save') : t('se.offering.create')}
        </Button>
        {offering && onDone && (
          <Button type="button" appearance="secondary-action-button" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
