import { NavLink } from 'react-router';
import { useT } from '../../i18n/LocaleProvider';
import { useUnreadCount } from './api';

/**
 * The header's link to the notifications page with the unread count. Its accessible name is its visible text plus
 * words only a screen reader hears ("Meldingen 3 ongelezen"), so a voice user who says what is shown hits it (WCAG
 * 2.5.3, axe `label-content-name-mismatch`): no aria-label that would replace the visible words.
 */
export function NotificationBadge() {
  const { t } = useT();
  const unread = useUnreadCount(true);
  const n = unread.data ?? 0;
  return (
    <NavLink to="/notifications" className="bs-header__link bs-badge-link">
      {t('nav.notifications')}
      {n > 0 && (
        <>
          {' '}
          <span className="bs-badge">{n > 99 ? '99+' : n}</span>
          <span className="bs-visually-hidden"> {t('notifications.unread')}</span>
        </>
      )}
    </NavLink>
  );
}
