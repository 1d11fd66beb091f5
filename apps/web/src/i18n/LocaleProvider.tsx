import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { formatDate, formatMoney, type Locale } from './format';
import { messages, type MessageId } from './messages';

const STORAGE_KEY = 'buysocial.locale';

interface LocaleState {
  locale: Locale;
  setLocale: (l: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'nl', setLocale: () => undefined });

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/** Dutch by default; English when chosen, remembered in this browser. `<html lang>` follows. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} messages={messages[locale]} defaultLocale="nl">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = (): LocaleState => useContext(LocaleContext);

/** Translation and formatting in one hook: `t('nav.home')`, `money(123456)`, `date('2026-01-01')`. */
export function useT() {
  const intl = useIntl();
  const { locale } = useLocale();
  return useMemo(
    () => ({
      locale,
      t: (id: MessageId, values?: Record<string, string | number>) => intl.formatMessage({ id }, values),
      money: (cents: number | null | undefined) => formatMoney(cents, locale),
      date: (value: string | null | undefined) => formatDate(value, locale),
    }),
    [intl, locale],
  );
}
