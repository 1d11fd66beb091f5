import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { certificationName, term, termInSentence, type GlossaryList } from '@glossary';
import { ApiError, fieldErrors, type ParamWording } from '../api/client';
import { errorMessage, fieldLabel, knowsRule, ruleMessage } from '../api/error-words';
import type { FeatureMessageId } from './feature-messages';
import { formatDate, formatMoney, formatNumber, type Locale } from './format';
import { nlMessages, type MessageId, type Messages } from './messages';

const STORAGE_KEY = 'buysocial.locale';

interface LocaleState {
  locale: Locale;
  setLocale: (l: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'nl', setLocale: () => undefined });

export function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

/** Dutch is in the home page's bundle; English is a chunk of its own, fetched once when it is first needed. */
const loaded: Partial<Record<Locale, Messages>> = { nl: nlMessages };

export async function loadMessages(locale: Locale): Promise<void> {
  if (!loaded[locale]) loaded[locale] = (await import('./messages-en')).en;
}

/** The signed-in screens' words (both languages, one chunk), once loaded; LocaleProvider re-renders with them. */
let features: Record<Locale, Record<FeatureMessageId, string>> | null = null;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Fetches the features' messages (once); App.tsx awaits it beside a signed-in screen's code. */
export async function loadFeatureMessages(): Promise<void> {
  if (features) return;
  features = (await import('./feature-messages')).featureMessages;
  listeners.forEach((l) => l());
}

/**
 * Dutch by default; English when chosen, remembered in this browser. `<html lang>` follows. main.tsx loads the
 * initial language's messages before the first render; a later choice switches once its messages are in.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    return loaded[l] ? l : 'nl';
  });
  const wanted = useRef(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    wanted.current = l;
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    // Not reachable (offline): the page stays in its language. A quicker second choice wins over a slow first.
    loadMessages(l).then(
      () => {
        if (wanted.current === l) setLocaleState(l);
      },
      () => undefined,
    );
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  const featureMessages = useSyncExternalStore(subscribe, () => features);
  const messages = useMemo(() => {
    const core = loaded[locale] ?? nlMessages;
    return featureMessages ? { ...core, ...featureMessages[locale] } : core;
  }, [locale, featureMessages]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} messages={messages} defaultLocale="nl">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export const useLocale = (): LocaleState => useContext(LocaleContext);

/**
 * Translation and formatting in one hook: `t('nav.home')`, `money(123456)`, `date('2026-01-01')`; and the API's
 * errors in the visitor's language by their codes only (api/error-words.ts; a feature may word a code in its
 * messages as `apiError.<code>`), never by the API's English `detail` or `reason`.
 */
export function useT() {
  const intl = useIntl();
  const { locale } = useLocale();
  return useMemo(() => {
    const has = (id: string): boolean => Object.prototype.hasOwnProperty.call(intl.messages, id);
    const wording = (id: string): string | undefined => (has(id) ? intl.formatMessage({ id }) : undefined);
    const apiMessage = (err: unknown): string | undefined =>
      err instanceof ApiError ? (wording(`apiError.${err.code}`) ?? errorMessage(err, locale)) : undefined;
    // The rule's words; else, for the one field of a business rule (EMAIL_TAKEN on `email`), that rule's words.
    const param: ParamWording = (p, err) =>
      (!knowsRule(p.code, locale) && err.invalidParams.length === 1 ? apiMessage(err) : undefined) ??
      ruleMessage(p, locale);
    return {
      locale,
      t: (id: MessageId, values?: Record<string, string | number>) => intl.formatMessage({ id }, values),
      /** Whether the app has words for `id` (a value the API names that the app may not know yet). */
      has,
      num: (n: number, digits = 1) => formatNumber(n, locale, digits),
      money: (cents: number | null | undefined) => formatMoney(cents, locale),
      date: (value: string | null | undefined) => formatDate(value, locale),
      /** A code's word from the product's one glossary (libs/common/src/glossary.ts): `term('psoLevel', 'trede_3')`. */
      term: (list: GlossaryList, code: string | null | undefined) => term(list, code, locale),
      /** The same word inside a sentence (first letter lower-cased). */
      termLower: (list: GlossaryList, code: string | null | undefined) => termInSentence(list, code, locale),
      /** "PSO trede 3" / "PSO step 3". */
      certName: (type: string, level?: string | null) => certificationName(type, level, locale),
      /** The error's message in this language by its `code`, or undefined when the app has none. */
      apiMessage,
      /** Field path → message for the API's `invalidParams`, in this language. */
      fieldErrors: (err: unknown) => fieldErrors(err, param),
      /** Every bad field as "Omschrijving (regel 1): Dit veld is verplicht", for the list above a form. */
      paramSentences: (err: unknown) =>
        err instanceof ApiError
          ? err.invalidParams.map((p) => `${fieldLabel(p.name, locale)}: ${param(p, err)}`)
          : [],
    };
  }, [intl, locale]);
}
