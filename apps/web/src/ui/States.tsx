import {
  Alert,
  Button,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError } from '../api/client';
import { UNKNOWN_ERROR } from '../api/error-words';
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

/** What a query gives a page: `isPending` until the first answer, then `data` or `error`. */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
}

/**
 * The one way a page shows data it fetches: the loading text while the first answer is on its way, the error
 * when it failed, the empty state (what is not there and what to do next) when `isEmpty` says so, and otherwise
 * `children` with the data. `page`: the query is what the whole page shows, so a 404 or 403 shows that page.
 */
export function QueryState<T>({
  query,
  isEmpty,
  empty,
  emptyAction,
  page,
  children,
}: {
  query: QueryLike<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  emptyAction?: ReactNode;
  page?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return page ? <QueryError error={query.error} /> : <ErrorAlert error={query.error} />;
  const data = query.data as T;
  if (isEmpty?.(data)) return <EmptyState action={emptyAction}>{empty}</EmptyState>;
  return <>{children(data)}</>;
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

/**
 * A failed request or action, worded by the API's `code` (api/error-words.ts), never by its English `detail`. A code
 * the app does not word gets a general sentence and the request's id, which support can find in the logs.
 */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t, apiMessage, paramSentences, locale } = useT();
  if (!error) return null;
  let message: string;
  let reference: string | undefined;
  let fields: string[] = [];
  if (error instanceof ApiError) {
    const worded = apiMessage(error);
    fields = paramSentences(error);
    if (error.status === 0) message = t('common.networkError');
    else if (worded) message = worded;
    else {
      message = error.status >= 500 ? t('error.unexpected') : UNKNOWN_ERROR[locale];
      reference = error.requestId;
    }
  } else {
    // Not an answer of the API (a failed job's English error, a fault of the page): its text is for developers.
    message = t('error.unexpected');
  }
  return (
    <Alert type="error" role="alert">
      <Paragraph>{message}</Paragraph>
      {fields.length > 0 && (
        <UnorderedList>
          {fields.map((f) => (
            <UnorderedListItem key={f}>{f}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {reference && (
        <Paragraph className="bs-muted">{t('error.reference', { requestId: reference })}</Paragraph>
      )}
    </Alert>
  );
}

/**
 * A form's failed request, above the form: what went wrong and, when the API named fields, each of them with its
 * label ("Omschrijving (regel 1): Dit veld is verplicht"); the messages also stand at the fields themselves.
 */
export function FormError({ error }: { error: unknown }) {
  return <ErrorAlert error={error} />;
}

/**
 * What a route shows when its page fails to render. Mostly a page's code that could not be fetched: a release
 * replaced the hashed chunks this tab knows, or the connection dropped; reloading fixes both.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useT();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  if (error instanceof ApiError) return <QueryError error={error} />;
  console.error(error);
  return (
    <>
      <PageHeading>{t('error.load.title')}</PageHeading>
      <Paragraph>{t('error.load.text')}</Paragraph>
      <Button appearance="primary-action-button" type="button" onClick={() => window.location.reload()}>
        {t('error.load.reload')}
      </Button>
    </>
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
