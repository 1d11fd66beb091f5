// Notifications (one chunk): the notifications page.
export { NotificationsPage } from './NotificationsPage';
