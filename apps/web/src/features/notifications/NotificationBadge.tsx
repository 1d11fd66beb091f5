import { useEffect, useRef } from 'react';
import { NavLink } from 'react-router';
import { useLocale, useT } from '../../i18n/LocaleProvider';
import { usePreferences, useUnreadCount } from './api';

/**
 * The header's link to the notifications page with the unread count ("3 ongelezen meldingen" for screen readers),
 * and, once per session, the web app's language taken from the user's preference.
 */
export function NotificationBadge() {
  const { t } = useT();
  const unread = useUnreadCount(true);
  const prefs = usePreferences();
  const { locale, setLocale } = useLocale();
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || !prefs.data) return;
    applied.current = true;
    if (prefs.data.language !== locale) setLocale(prefs.data.language);
  }, [prefs.data, locale, setLocale]);
  const n = unread.data ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="bs-header__link bs-badge-link"
      aria-label={t('notifications.badge', { n })}
    >
      {t('nav.notifications')}
      {n > 0 && (
        <span className="bs-badge" aria-hidden="true">
          {n > 99 ? '99+' : n}
        </span>
      )}
    </NavLink>
  );
}
