/** 消息中心: GET /api/notifications, the unread count, marking read. */
import type * as v from 'valibot';
import type { CategoryPreferenceSchema, LocalMailSchema, NotificationItemSchema, OutboxRowSchema } from '../../../contract/notifications';
import { api } from './client';

export type NotificationItem = v.InferOutput<typeof NotificationItemSchema>;

export function loadNotifications(signal?: AbortSignal): Promise<{ items: NotificationItem[]; unread: number }> {
  return api('/api/notifications', { signal });
}

export function loadUnreadCount(signal?: AbortSignal): Promise<{ unread: number }> {
  return api('/api/notifications/unread-count', { signal });
}

/** Marks one read; the answer carries the new unread count (`invalidateAfterNotificationsRead` gives it to the header). */
export function markNotificationRead(id: string): Promise<NotificationItem & { unread: number }> {
  return api<NotificationItem & { unread: number }>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} });
}

export function markAllNotificationsRead(): Promise<{ marked: number; unread: number }> {
  return api<{ marked: number; unread: number }>('/api/notifications/read-all', { method: 'POST', body: {} });
}

export type CategoryPreference = v.InferOutput<typeof CategoryPreferenceSchema>;

export function loadPreferences(signal?: AbortSignal): Promise<{ preferences: CategoryPreference[] }> {
  return api('/api/notifications/preferences', { signal });
}

export function savePreferences(
  preferences: Pick<CategoryPreference, 'category' | 'email' | 'sms'>[],
): Promise<{ preferences: CategoryPreference[] }> {
  return api('/api/notifications/preferences', { method: 'PUT', body: { preferences } });
}

/** The admin's watch over e-mail and SMS (addresses masked). */
export type OutboxRowView = v.InferOutput<typeof OutboxRowSchema>;
export type LocalMailView = v.InferOutput<typeof LocalMailSchema>;

export function loadOutbox(signal?: AbortSignal): Promise<{ dead: OutboxRowView[]; pending: OutboxRowView[] }> {
  return api('/api/admin/outbox', { signal });
}
export function retryOutboxRow(id: string): Promise<{ id: string; state: string }> {
  return api(`/api/admin/outbox/${encodeURIComponent(id)}/retry`, { method: 'POST', body: {} });
}
export function loadLocalMailbox(signal?: AbortSignal): Promise<{ items: LocalMailView[] }> {
  return api('/api/admin/local-mailbox', { signal });
}
