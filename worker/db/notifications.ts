/**
 * 消息中心 and its outbox (docs/architecture.md, notifications). The writes here join the batch of
 * the event that causes them, so a write that fails or loses its version race notifies nobody.
 * Recipients are resolved inside that batch by INSERT … SELECT over accounts — no read before the
 * write — and each notification id is `<event id>:<account id>`, so an event's rows (and their
 * outbox rows, `<notification id>:<channel>`) are one key range.
 */
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { renderWrite, type Write } from './batch';
import type { Db } from './client';
import { auditEvents, notifications, type NotificationRow } from './schema';

/** Who receives it, relative to a record (any subset), minus the actor of the event. */
export interface AudienceOf {
  studentId?: string | null;
  employerId?: string | null;
  /** the record's college reviewers: needs `schoolId` too */
  collegeId?: string | null;
  schoolId?: string | null;
  schoolReviewers?: boolean;
  collegeReviewers?: boolean;
  center?: boolean;
  province?: boolean;
  accountId?: string | null;
  except?: string | null;
}

export interface NotificationDraft {
  /** unique per event (newId()); the rows are `<eventId>:<accountId>` */
  eventId: string;
  category: string;
  event: string;
  title: string;
  body: string;
  recordKind: string | null;
  recordId: string | null;
  /** once per recipient and key (a reminder): a second insert with the same key is ignored */
  dedupeKey?: string | null;
  now: string;
}

/**
 * The one statement of a notification: an INSERT into the view `notification_requests`, whose
 * trigger (migration 0017) writes a row for each of the audience's accounts — each branch an
 * indexed lookup that a NULL parameter switches off — minus the actor. Their e-mail and SMS rows
 * are not written here: the sweep writes them from the committed rows (`writeNewDeliveries`,
 * db/outbox.ts, migration 0018). Its text never changes, so D1 finds it compiled.
 */
/** what the notification says, then who it is to (the audience's branches), then who it is not to */
const MESSAGE_COLUMNS = [
  'id_prefix',
  'category',
  'event',
  'title',
  'body',
  'about_kind',
  'about_record',
  'dedupe_key',
  'created_at',
] as const;
const AUDIENCE_COLUMNS = [
  'to_student',
  'to_employer',
  'to_college_school',
  'to_college',
  'to_school',
  'to_role',
  'to_role2',
  'to_account',
] as const;
const NOTIFY_COLUMNS = [...MESSAGE_COLUMNS, ...AUDIENCE_COLUMNS, 'except_account'].join(', ');
const placeholdersFrom = (first: number, count: number) => Array.from({ length: count }, (_, i) => `?${String(first + i)}`).join(', ');
const NOTIFY_SQL = `INSERT INTO notification_requests (${NOTIFY_COLUMNS}) VALUES (${placeholdersFrom(1, 18)})`;

/**
 * The write of one notification to an audience: its in-app rows, each the outbox entry of the
 * e-mail and SMS that follow (where the recipient has an address and has not turned the channel
 * off for the category). Nothing when the audience names no one.
 */
export function notificationWrites(_db: Db, n: NotificationDraft, a: AudienceOf): Write[] {
  const college = a.collegeReviewers && a.schoolId && a.collegeId ? [a.schoolId, a.collegeId] : [null, null];
  const school = a.schoolReviewers && a.schoolId ? a.schoolId : null;
  if (!a.studentId && !a.employerId && !college[0] && !school && !a.center && !a.province && !a.accountId) return [];
  const params = [
    n.eventId + ':',
    n.category,
    n.event,
    n.title,
    n.body,
    n.recordKind,
    n.recordId,
    n.dedupeKey ?? null,
    n.now,
    a.studentId ?? null,
    a.employerId ?? null,
    college[0],
    college[1],
    school,
    a.center ? 'center' : null,
    a.province ? 'province' : null,
    a.accountId ?? null,
    a.except ?? null,
  ];
  const write: NotificationWrite = { toSQL: () => ({ sql: NOTIFY_SQL, params }), notifiedEvent: n.eventId };
  return [write];
}

/** A notification's statement, naming its event: once committed, the event can be queued (its rows written and sent by the consumer). */
export interface NotificationWrite {
  toSQL(): { sql: string; params: unknown[] };
  notifiedEvent: string;
}

/** An audit event as its insert writes it (every column, in the table's order). */
type AuditEventValues = Required<Omit<typeof auditEvents.$inferInsert, 'at'>> & { at: string };

const AUDIT_COLUMNS = [
  ['id', 'id'],
  ['recordId', 'record_id'],
  ['kind', 'kind'],
  ['action', 'action'],
  ['fromState', 'from_state'],
  ['toState', 'to_state'],
  ['actorId', 'actor_id'],
  ['actorRole', 'actor_role'],
  ['actorName', 'actor_name'],
  ['reason', 'reason'],
  ['dataDigest', 'data_digest'],
  ['snapshot', 'snapshot'],
  ['at', 'at'],
  ['prevHash', 'prev_hash'],
  ['hash', 'hash'],
] as const satisfies readonly (readonly [keyof AuditEventValues, string])[];

/**
 * An audit event's insert and the notification its change causes, as one statement: an INSERT
 * into the view `audit_events_notifying` (migration 0017), whose trigger inserts the event and
 * then the notification as `notificationWrites` would. A notifying transition so runs as many
 * statements as a silent one.
 */
const AUDIT_NOTIFYING_SQL = `INSERT INTO audit_events_notifying (${AUDIT_COLUMNS.map(([, c]) => c).join(', ')}, ${NOTIFY_COLUMNS}) VALUES (${placeholdersFrom(1, AUDIT_COLUMNS.length + 18)})`;

/**
 * The same for an audience of one branch — the record's student, or its employer — through a view
 * whose trigger holds that branch alone (migration 0018). Local D1 compiles every statement of
 * every batch anew, and the five-branch audience made a notifying approval's statement cost as
 * much to compile again as to run (docs/performance.md); most events tell the student alone.
 */
const SINGLE_BRANCH_VIEWS = { to_student: 'audit_events_notifying_student', to_employer: 'audit_events_notifying_employer' } as const;
const singleBranchSql = (view: string, branch: string) =>
  `INSERT INTO ${view} (${AUDIT_COLUMNS.map(([, c]) => c).join(', ')}, ${MESSAGE_COLUMNS.join(', ')}, ${branch}, except_account) VALUES (${placeholdersFrom(1, AUDIT_COLUMNS.length + MESSAGE_COLUMNS.length + 2)})`;
const SINGLE_BRANCH_SQL = Object.fromEntries(
  Object.entries(SINGLE_BRANCH_VIEWS).map(([branch, view]) => [branch, singleBranchSql(view, branch)]),
);

/** The audit event's values and the notification's, as the carrying statement binds them. */
function carriedStatement(auditValues: unknown[], notificationParams: unknown[]): { sql: string; params: unknown[] } {
  const message = notificationParams.slice(0, MESSAGE_COLUMNS.length);
  const audience = notificationParams.slice(MESSAGE_COLUMNS.length, MESSAGE_COLUMNS.length + AUDIENCE_COLUMNS.length);
  const except = notificationParams[MESSAGE_COLUMNS.length + AUDIENCE_COLUMNS.length];
  const named = AUDIENCE_COLUMNS.filter((_, i) => audience[i] !== null && audience[i] !== undefined);
  const only = named.length === 1 ? named[0] : undefined;
  const sql = only === undefined ? undefined : SINGLE_BRANCH_SQL[only];
  if (only === undefined || sql === undefined) return { sql: AUDIT_NOTIFYING_SQL, params: [...auditValues, ...notificationParams] };
  return { sql, params: [...auditValues, ...message, audience[AUDIENCE_COLUMNS.indexOf(only)], except] };
}

/** A write that can take one notification into its own statement. */
export interface CarriesNotification {
  carry(notification: NotificationWrite): NotificationWrite;
}

/** The insert of an audit event (`insert`, as rendered elsewhere), able to carry the notification its change causes. */
export function auditEventInsert(db: Db, insert: Write, event: AuditEventValues): Write & CarriesNotification {
  return {
    toSQL: () => renderWrite(db, insert),
    carry: (notification) => ({
      toSQL: () =>
        carriedStatement(
          AUDIT_COLUMNS.map(([key]) => event[key]),
          notification.toSQL().params,
        ),
      notifiedEvent: notification.notifiedEvent,
    }),
  };
}

const carries = (w: Write): w is Write & CarriesNotification => 'carry' in w && typeof w.carry === 'function';
const isNotification = (w: Write): w is NotificationWrite => 'notifiedEvent' in w && typeof w.notifiedEvent === 'string';

/**
 * A change's own writes with the first of its notifications carried by its audit event's insert
 * (one statement fewer), and the notifications left over, to be appended as statements of their own.
 */
export function carryNotification(writes: readonly Write[], notifications: readonly Write[]): { writes: Write[]; rest: Write[] } {
  const carrier = writes.findIndex(carries);
  const carried = notifications.findIndex(isNotification);
  const carrierWrite = writes[carrier];
  const carriedWrite = notifications[carried];
  if (!carrierWrite || !carriedWrite || !carries(carrierWrite) || !isNotification(carriedWrite))
    return { writes: [...writes], rest: [...notifications] };
  return {
    writes: writes.map((w, i) => (i === carrier ? carrierWrite.carry(carriedWrite) : w)),
    rest: notifications.filter((_, i) => i !== carried),
  };
}

/** The events whose notifications these writes carry (for the queue once the batch committed). */
export function notifiedEvents(writes: readonly Write[]): string[] {
  return writes.flatMap((w) => ('notifiedEvent' in w && typeof w.notifiedEvent === 'string' ? [w.notifiedEvent] : []));
}

export type NotificationView = Pick<
  NotificationRow,
  'id' | 'category' | 'event' | 'title' | 'body' | 'recordKind' | 'recordId' | 'createdAt' | 'readAt'
>;

const VIEW = {
  id: notifications.id,
  category: notifications.category,
  event: notifications.event,
  title: notifications.title,
  body: notifications.body,
  recordKind: notifications.recordKind,
  recordId: notifications.recordId,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

/** The account's messages, unread first, newest first within each. */
export function listNotifications(db: Db, accountId: string, limit: number): Promise<NotificationView[]> {
  return db
    .select(VIEW)
    .from(notifications)
    .where(eq(notifications.accountId, accountId))
    .orderBy(asc(sql`${notifications.readAt} IS NOT NULL`), desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

export async function unreadCount(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the account's own message read (the first read time stays); undefined when it is not theirs. */
export async function markRead(db: Db, accountId: string, id: string, at: string): Promise<NotificationView | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`COALESCE(${notifications.readAt}, ${at})` })
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId)))
    .returning(VIEW);
  return row;
}

export async function markAllRead(db: Db, accountId: string, at: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
