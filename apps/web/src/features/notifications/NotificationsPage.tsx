import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useT } from '../../i18n/LocaleProvider';
import { Lead } from '../../ui/Bits';
import { FormError, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useMarkRead, useNotifications, type Notification } from './api';

/** The signed-in user's notifications: each opens its object; one or all can be marked read. */
export function NotificationsPage() {
  const { t } = useT();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const list = useNotifications(onlyUnread);
  const mark = useMarkRead();
  return (
    <>
      <PageHeading>{t('nt.title')}</PageHeading>
      <Lead>{t('nt.lead')}</Lead>
      <FormError error={mark.error} />
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={() => setOnlyUnread(!onlyUnread)}>
          {onlyUnread ? t('nt.showAll') : t('nt.onlyUnread')}
        </Button>
        <Button
          appearance="secondary-action-button"
          disabled={mark.isPending || list.data?.unreadCount === 0}
          onClick={() => mark.mutate({ all: true })}
        >
          {t('nt.markAll')}
        </Button>
      </ButtonGroup>
      <QueryState
        query={list}
        page
        isEmpty={(d) => d.items.length === 0}
        empty={onlyUnread ? t('nt.emptyUnread') : t('nt.empty')}
      >
        {(d) => (
          <ul className="bs-notifications">
            {d.items.map((n) => (
              <NotificationItem
                key={n.id}
                n={n}
                onRead={() => mark.mutate({ ids: [n.id] })}
                busy={mark.isPending}
              />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

function NotificationItem({ n, onRead, busy }: { n: Notification; onRead: () => void; busy: boolean }) {
  const { t, date } = useT();
  const unread = !n.readAt;
  return (
    <li className={unread ? 'bs-notification bs-notification--unread' : 'bs-notification'}>
      <Heading level={2} className="bs-notification__title">
        {n.title}
        <span className="bs-visually-hidden"> ({unread ? t('nt.unread') : t('nt.read')})</span>
      </Heading>
      <Paragraph>{n.body}</Paragraph>
      <Paragraph className="bs-notification__meta">
        {t('nt.when', { date: date(n.createdAt) })}
        {n.link && (
          <>
            {' · '}
            <span onClick={unread ? onRead : undefined}>
              <RouterLink to={n.link}>{t('nt.open')}</RouterLink>
            </span>
          </>
        )}
      </Paragraph>
      {unread && (
        <Button appearance="subtle-button" disabled={busy} onClick={onRead}>
          {/* The name starts with the visible words (WCAG 2.5.3), then which notification. */}
          {t('nt.markOne')}
          <span className="bs-visually-hidden">: {n.title}</span>
        </Button>
      )}
    </li>
  );
}
