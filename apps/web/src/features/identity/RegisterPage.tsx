import { Button, Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, type Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { RadioGroup, TextField } from '../../ui/Fields';
import { FormError, Notice, PageHeading } from '../../ui/States';
import { KVK_PATTERN, POSTCODE_OR_PC4_PATTERN } from '../../ui/vocabulary';
import { useRegister } from './api';

type Kind = Schemas['RegisterOrganisationDto']['kind'];

export function RegisterPage() {
  const { t, fieldErrors } = useT();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('social_enterprise');
  const [form, setForm] = useState({
    orgName: '',
    kvk: '',
    postcode: '',
    city: '',
    name: '',
    email: '',
    password: '',
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const register = useRegister();

  /** The API's own rules, checked before sending so the person gets the message at once. */
  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    const req = t('register.required');
    if (!form.orgName.trim()) e['organisation.name'] = req;
    if (!KVK_PATTERN.test(form.kvk.trim())) e['organisation.kvkNumber'] = t('register.kvk.invalid');
    if (!POSTCODE_OR_PC4_PATTERN.test(form.postcode.trim()))
      e['organisation.postcode'] = t('register.postcode.invalid');
    if (!form.name.trim()) e.name = req;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) e.email = t('register.email.invalid');
    if (form.password.length < 10) e.password = t('register.password.short');
    return e;
  };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setLocal(e);
    if (Object.keys(e).length > 0) return;
    register.mutate(
      {
        email: form.email.trim(),
        password: form.password,
        name: form.name.trim(),
        organisation: {
          kind,
          name: form.orgName.trim(),
          kvkNumber: form.kvk.trim(),
          postcode: form.postcode.trim(),
          ...(form.city.trim() ? { city: form.city.trim() } : {}),
        },
      },
      { onSuccess: () => navigate('/account') },
    );
  };

  const errors = { ...fieldErrors(register.error), ...local };
  const conflict =
    register.error instanceof ApiError &&
    ['EMAIL_TAKEN', 'KVK_NUMBER_TAKEN', 'ALREADY_EXISTS'].includes(register.error.code);
  return (
    <>
      <PageHeading>{t('register.title')}</PageHeading>
      <Paragraph appearance="lead">{t('register.lead')}</Paragraph>
      {Object.keys(errors).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
      {conflict ? (
        <Notice type="warning">{t('register.conflict')}</Notice>
      ) : (
        <FormError error={register.error} />
      )}
      <form onSubmit={submit} className="bs-form" noValidate>
        <RadioGroup
          legend={t('register.kind')}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          error={errors['organisation.kind']}
          options={[
            { value: 'social_enterprise', label: t('register.kind.social_enterprise') },
            { value: 'contractor', label: t('register.kind.contractor') },
          ]}
        />
        <Fieldset className="bs-fieldset">
          <FieldsetLegend>{t('register.orgLegend')}</FieldsetLegend>
          <TextField
            label={t('register.orgName')}
            value={form.orgName}
            onChange={set('orgName')}
            error={errors['organisation.name']}
            autoComplete="organization"
            required
          />
          <TextField
            label={t('register.kvk')}
            description={t('register.kvk.help')}
            value={form.kvk}
            onChange={set('kvk')}
            error={errors['organisation.kvkNumber']}
            inputMode="numeric"
            size={10}
            required
          />
          <div className="bs-row">
            <TextField
              label={t('register.postcode')}
              value={form.postcode}
              onChange={set('postcode')}
              error={errors['organisation.postcode']}
              autoComplete="postal-code"
              size={8}
              required
            />
            <TextField
              label={`${t('register.city')} ${t('common.optional')}`}
              value={form.city}
              onChange={set('city')}
              error={errors['organisation.city']}
              autoComplete="address-level2"
            />
          </div>
        </Fieldset>
        <Fieldset className="bs-fieldset">
          <FieldsetLegend>{t('register.personLegend')}</FieldsetLegend>
          <TextField
            label={t('register.name')}
            value={form.name}
            onChange={set('name')}
            error={errors.name}
            autoComplete="name"
            required
          />
          <TextField
            label={t('register.email')}
            type="email"
            value={form.email}
            onChange={set('email')}
            error={errors.email}
            autoComplete="email"
            required
          />
          <TextField
            label={t('register.password')}
            description={t('register.password.help')}
            type="password"
            value={form.password}
            onChange={set('password')}
            error={errors.password}
            autoComplete="new-password"
            required
          />
        </Fieldset>
        <Button appearance="primary-action-button" type="submit" busy={register.isPending}>
          {t('register.submit')}
        </Button>
      </form>
    </>
  );
}
