import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';

export type Notification = Schemas['NotificationDto'];
export type Preferences = Schemas['PreferencesDto'];

/** The signed-in user's notifications (newest first, 50 a page), in the user's language. */
export function useNotifications(unread: boolean) {
  return useQuery({
    queryKey: keys.notifications.list(unread),
    staleTime: 0,
    queryFn: () =>
      call(
        api.GET('/notifications', { params: { query: { limit: 50, unread: unread ? 'true' : undefined } } }),
      ),
  });
}

/** The unread count for the header's badge: polled once a minute while signed in. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: keys.notifications.unread,
    enabled,
    refetchInterval: 60_000,
    queryFn: async () =>
      (await call(api.GET('/notifications', { params: { query: { limit: 1, unread: 'true' } } })))
        .unreadCount,
  });
}

/** Marks some (`ids`) or all notifications read; the lists and the badge follow. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['MarkReadDto']) => call(api.POST('/notifications/read', { body })),
    onSuccess: (r) => {
      qc.setQueryData(keys.notifications.unread, r.unreadCount);
      void qc.invalidateQueries({ queryKey: keys.notifications.all });
    },
  });
}

export function usePreferences(enabled = true) {
  return useQuery({
    queryKey: keys.preferences,
    enabled,
    queryFn: () => call(api.GET('/me/preferences')),
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Preferences) => call(api.PUT('/me/preferences', { body })),
    onSuccess: (p) => {
      qc.setQueryData(keys.preferences, p);
      // Titles and bodies are worded in the chosen language by the API.
      void qc.invalidateQueries({ queryKey: keys.notifications.all });
    },
  });
}
