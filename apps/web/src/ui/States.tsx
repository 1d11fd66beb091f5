import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { useT } from '../i18n/LocaleProvider';

/** The page's one h1: focusable so navigation can move focus to it. */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <Heading level={1} tabIndex={-1} className="bs-h1">
      {children}
    </Heading>
  );
}

export function Loading() {
  const { t } = useT();
  return (
    <Paragraph role="status" className="bs-loading">
      {t('common.loading')}
    </Paragraph>
  );
}

/** Every list shows this when it is empty: what is (not) there and what to do next. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="bs-empty">
      <Paragraph>{children}</Paragraph>
      {action}
    </div>
  );
}

export function ErrorPage({ status }: { status: 403 | 404 }) {
  const { t } = useT();
  return (
    <>
      <PageHeading>{t(status === 403 ? 'error.403.title' : 'error.404.title')}</PageHeading>
      <Paragraph>{t(status === 403 ? 'error.403.text' : 'error.404.text')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('error.backHome')}</RouterLink>
      </Paragraph>
    </>
  );
}

export function NotFoundPage() {
  return <ErrorPage status={404} />;
}

/** A failed request: 404/403 get their own page, anything else a message. */
export function QueryError({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 404) return <ErrorPage status={404} />;
  if (error instanceof ApiError && error.status === 403) return <ErrorPage status={403} />;
  return <ErrorAlert error={error} />;
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useT();
  if (!error) return null;
  const message =
    error instanceof ApiError
      ? error.status === 0
        ? t('common.networkError')
        : t('common.error', { message: error.message })
      : t('common.error', { message: String(error) });
  return (
    <Alert type="error" role="alert">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}

export function Notice({ children, type = 'ok' }: { children: ReactNode; type?: 'ok' | 'info' | 'warning' }) {
  return (
    <Alert type={type} role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}

/** A router link styled as an NL Design System link. */
export function RouterLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="utrecht-link utrecht-link--html-a">
      {children}
    </Link>
  );
}
