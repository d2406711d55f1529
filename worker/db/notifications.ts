/**
 * 消息中心 and its outbox (docs/architecture.md, notifications). The writes here join the batch of
 * the event that causes them, so a write that fails or loses its version race notifies nobody.
 * Recipients are resolved inside that batch by INSERT … SELECT over accounts — no read before the
 * write — and each notification id is `<event id>:<account id>`, so an event's rows (and their
 * outbox rows, `<notification id>:<channel>`) are one key range.
 */
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Write } from './batch';
import type { Db } from './client';
import { notifications, type NotificationRow } from './schema';

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
 * The one statement of a notification: the audience's accounts, each branch an indexed lookup
 * (accounts by student, employer, role + organisation) that a NULL parameter switches off, minus
 * the actor; five branches at most, D1's limit of terms in a compound SELECT. Its text never
 * changes, so it is built once per isolate, and D1 finds it compiled.
 * The insert's trigger `notification_outbox_rows` (migration 0016) writes the e-mail and SMS
 * outbox rows of each row it inserts, so one statement in the batch carries both.
 */
const NOTIFY_SQL = `INSERT OR IGNORE INTO notifications (id, account_id, category, event, title, body, record_kind, record_id, dedupe_key, created_at)
SELECT ?1 || id, id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM (
  SELECT id FROM accounts WHERE student_id = ?10 AND role = 'student'
  UNION ALL SELECT id FROM accounts WHERE employer_id = ?11 AND role = 'employer'
  UNION ALL SELECT id FROM accounts WHERE role = 'college' AND school_id = ?12 AND college_id = ?13
  UNION ALL SELECT id FROM accounts WHERE role = 'school' AND school_id = ?14
  UNION ALL SELECT id FROM accounts WHERE role IN (?15, ?16) OR id = ?17
) WHERE id IS NOT ?18`;

/**
 * The write of one notification to an audience: the in-app rows, and through the insert's trigger
 * their e-mail and SMS outbox rows where the recipient has an address and has not turned the
 * channel off for the category. Nothing when the audience names no one.
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

/** A notification's statement, naming its event: once committed, the event's outbox rows can be queued. */
export interface NotificationWrite {
  toSQL(): { sql: string; params: unknown[] };
  notifiedEvent: string;
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
