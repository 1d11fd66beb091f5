import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { api, call } from '../../api/client';
import { keys } from '../../api/query-keys';
import { useLocale } from '../../i18n/LocaleProvider';
import type { Locale } from '../../i18n/format';
import { usePreferences, useSavePreferences } from './api';

/**
 * The web app's language for a signed-in user: once per sign-in the page takes the language of the user's
 * preference (so a new browser speaks it); a choice made in the page (the header's language button) is saved as
 * the preference, so the next visit or a reload does not switch it back. Returns that choice's handler.
 */
export function useLanguageChoice(userId: string | null): (l: Locale) => void {
  const { locale, setLocale } = useLocale();
  const qc = useQueryClient();
  const prefs = usePreferences(Boolean(userId));
  const save = useSavePreferences();
  const { mutate } = save;
  // The user whose preference the page has followed (or who chose in the page): once per sign-in.
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (!userId || !prefs.data || applied.current === userId) return;
    applied.current = userId;
    if (prefs.data.language !== locale) setLocale(prefs.data.language);
  }, [userId, prefs.data, locale, setLocale]);
  return useCallback(
    (l: Locale) => {
      setLocale(l);
      if (!userId) return;
      // The choice wins over a preference still on its way.
      applied.current = userId;
      void qc
        .ensureQueryData({ queryKey: keys.preferences, queryFn: () => call(api.GET('/me/preferences')) })
        .then(
          (p) => mutate({ language: l, email: p.email }),
          () => undefined,
        );
    },
    [userId, setLocale, qc, mutate],
  );
}
