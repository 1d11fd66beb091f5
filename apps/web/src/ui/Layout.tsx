import {
  Link as UtrechtLink,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
} from '@utrecht/component-library-react';
import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, type Role } from '../auth/AuthProvider';
import { NotificationBadge } from '../features/notifications/NotificationBadge';
import { useLanguageChoice } from '../features/notifications/language';
import { useLocale, useT } from '../i18n/LocaleProvider';
import type { MessageId } from '../i18n/messages';
import { Loading } from './States';

interface NavItem {
  to: string;
  label: MessageId;
  roles?: Role[];
  /** Shown to everybody but these roles (they have their own entry). */
  notFor?: Role[];
  end?: boolean;
}

const NAV: NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/tenders', label: 'nav.tenders' },
  { to: '/meeting-days', label: 'nav.meetingDays', notFor: ['procurement_officer'] },
  { to: '/challenges', label: 'nav.challenges', end: true },
  { to: '/initiatives', label: 'nav.initiatives', end: true },
  { to: '/officer/policies', label: 'nav.policies', roles: ['procurement_officer'] },
  { to: '/officer/tenders', label: 'nav.officerTenders', roles: ['procurement_officer'] },
  { to: '/officer/obligations', label: 'nav.obligations', roles: ['procurement_officer'] },
  { to: '/officer/review', label: 'nav.review', roles: ['procurement_officer'] },
  { to: '/officer/certifications', label: 'nav.certifications', roles: ['procurement_officer'] },
  { to: '/officer/reports', label: 'nav.reports', roles: ['procurement_officer'] },
  { to: '/officer/dashboard', label: 'nav.dashboard', roles: ['procurement_officer'] },
  { to: '/officer/imports/eforms', label: 'nav.imports', roles: ['procurement_officer'] },
  { to: '/officer/meeting-days', label: 'nav.meetingDays', roles: ['procurement_officer'] },
  { to: '/officer/challenges', label: 'nav.officerChallenges', roles: ['procurement_officer'] },
  { to: '/contractor/proposals', label: 'nav.proposals', roles: ['contractor'] },
  { to: '/contractor/obligations', label: 'nav.myObligations', roles: ['contractor'] },
  { to: '/contractor/quotes', label: 'nav.quotes', roles: ['contractor'] },
  { to: '/contractor/orders', label: 'nav.orders', roles: ['contractor'] },
  { to: '/contractor/reports', label: 'nav.reports', roles: ['contractor'] },
  { to: '/enterprise/profile', label: 'nav.seProfile', roles: ['social_enterprise'] },
  { to: '/enterprise/offerings', label: 'nav.offerings', roles: ['social_enterprise'] },
  { to: '/enterprise/opportunities', label: 'nav.opportunities', roles: ['social_enterprise'] },
  { to: '/enterprise/quote-requests', label: 'nav.quoteRequests', roles: ['social_enterprise'] },
  { to: '/enterprise/orders', label: 'nav.enterpriseOrders', roles: ['social_enterprise'] },
  { to: '/enterprise/proposals', label: 'nav.proposals', roles: ['social_enterprise'] },
];

/** Moves focus to the page's heading after a client-side navigation, so screen readers announce the new page. */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById('main');
    const focus = (): boolean => {
      const h1 = main?.querySelector<HTMLElement>('h1');
      h1?.focus();
      return Boolean(h1);
    };
    if (focus() || !main) return;
    // The heading may come with the page's data or its lazily loaded code: focus it as soon as it appears.
    const observer = new MutationObserver(() => {
      if (focus()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    const stop = window.setTimeout(() => observer.disconnect(), 5000);
    return () => {
      observer.disconnect();
      window.clearTimeout(stop);
    };
  }, [pathname]);
}

export function Layout() {
  const { t } = useT();
  const { locale } = useLocale();
  const { me, status, signOut } = useAuth();
  const chooseLanguage = useLanguageChoice(status === 'signed_in' ? (me?.id ?? null) : null);
  const navigate = useNavigate();
  useFocusHeadingOnNavigate();
  const items = NAV.filter(
    (n) => (!n.roles || (me && n.roles.includes(me.role))) && !(me && n.notFor?.includes(me.role)),
  );

  return (
    <div className="bs-page">
      <SkipLink href="#main">{t('skip.toContent')}</SkipLink>
      <PageHeader className="bs-header">
        <div className="bs-header__bar">
          <NavLink to="/" className="bs-brand">
            {t('app.name')}
          </NavLink>
          <div className="bs-header__tools">
            <button
              type="button"
              className="bs-lang"
              lang={locale === 'nl' ? 'en' : 'nl'}
              title={t('lang.switchTitle')}
              onClick={() => chooseLanguage(locale === 'nl' ? 'en' : 'nl')}
            >
              {t('lang.switch')}
            </button>
            {status === 'signed_in' ? (
              <>
                <NotificationBadge />
                <NavLink to="/account" className="bs-header__link">
                  {t('nav.account')}
                </NavLink>
                <button
                  type="button"
                  className="bs-header__link bs-linkbutton"
                  onClick={() => {
                    signOut();
                    navigate('/');
                  }}
                >
                  {t('nav.signOut')}
                </button>
              </>
            ) : status === 'anonymous' ? (
              <>
                <NavLink to="/sign-in" className="bs-header__link">
                  {t('nav.signIn')}
                </NavLink>
                <NavLink to="/register" className="bs-header__link">
                  {t('nav.register')}
                </NavLink>
              </>
            ) : null}
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="bs-nav">
          <ul className="bs-nav__list">
            {items.map((n) => (
              <li key={n.to}>
                <NavLink
                  to={n.to}
                  end={n.end}
                  className={({ isActive }) => `bs-nav__link${isActive ? ' bs-nav__link--active' : ''}`}
                >
                  {t(n.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </PageHeader>
      <main id="main" tabIndex={-1} className="bs-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <PageFooter className="bs-footer">
        <Paragraph>
          {t('footer.text')} · <UtrechtLink href="/api/docs">{t('footer.api')}</UtrechtLink>
        </Paragraph>
      </PageFooter>
    </div>
  );
}
