import { Button, Heading } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { RadioGroup, SelectField } from '../../ui/Fields';
import { FormError, Notice, QueryState } from '../../ui/States';
import { usePreferences, useSavePreferences, type Preferences } from './api';

/** The account page's preferences: the language (of the web app, notifications, mail) and how often to mail. */
export function PreferencesSection() {
  const { t } = useT();
  const prefs = usePreferences();
  return (
    <section aria-labelledby="pf-title">
      <Heading level={2} id="pf-title">
        {t('pf.title')}
      </Heading>
      <QueryState query={prefs}>{(p) => <PreferencesForm initial={p} />}</QueryState>
    </section>
  );
}

function PreferencesForm({ initial }: { initial: Preferences }) {
  const { t, term } = useT();
  const { setLocale } = useLocale();
  const save = useSavePreferences();
  const [language, setLanguage] = useState(initial.language);
  const [email, setEmail] = useState(initial.email);
  useEffect(() => {
    setLanguage(initial.language);
    setEmail(initial.email);
  }, [initial.language, initial.email]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ language, email }, { onSuccess: (p) => setLocale(p.language) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <FormError error={save.error} />
      {save.isSuccess && <Notice>{t('pf.saved')}</Notice>}
      <SelectField
        label={t('pf.language')}
        description={t('pf.language.help')}
        value={language}
        onChange={(v) => setLanguage(v as Preferences['language'])}
        options={(['nl', 'en'] as const).map((l) => ({ value: l, label: term('language', l) }))}
      />
      <RadioGroup
        legend={t('pf.email')}
        value={email}
        onChange={(v) => setEmail(v as Preferences['email'])}
        options={(['immediately', 'daily', 'off'] as const).map((v) => ({
          value: v,
          label: t(`pf.email.${v}`),
        }))}
      />
      <Button type="submit" appearance="primary-action-button" disabled={save.isPending}>
        {t('pf.save')}
      </Button>
    </form>
  );
}
