/**
 * What a write makes stale. A create or a transition on a record changes that record, the lists of
 * its kind (and so the home's counts and cards) and what the user may create next (lifecycles).
 * Queries on screen fetch again at once; the others when they are next shown.
 */
import type { QueryClient } from '@tanstack/react-query';
import { forgetLifecycles } from './lifecycles';
import { queryKeys } from './query-keys';

/**
 * After marking messages read: the header's badge shows the count the answer gave at once (the
 * query cache is the badge's only source), then 消息中心's list and the count are read again.
 */
export function invalidateAfterNotificationsRead(client: QueryClient, unread: number): Promise<void> {
  client.setQueryData(queryKeys.unreadCount(), { unread });
  return client.invalidateQueries({ queryKey: queryKeys.notifications() });
}

export function invalidateAfterRecordWrite(
  client: QueryClient,
  kind: string,
  id?: string,
  created?: { kind: string; id: string } | null,
): Promise<void> {
  forgetLifecycles();
  const keys: (readonly unknown[])[] = [queryKeys.recordsOfKind(kind), ['lifecycles'], ['home'], ['create-setup']];
  if (id) keys.push(queryKeys.record(kind, id));
  if (created) keys.push(queryKeys.recordsOfKind(created.kind));
  return Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey }))).then(() => undefined);
}
