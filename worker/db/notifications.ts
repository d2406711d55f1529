/**
 * 消息中心 and its outbox (docs/architecture.md, notifications). The writes here join the batch of
 * the event that causes them, so a write that fails or loses its version race notifies nobody.
 * Recipients are resolved inside that batch by INSERT … SELECT over accounts — no read before the
 * write — and each notification id is `<event id>:<account id>`, which lets the outbox insert
 * that follows find exactly this event's rows by a key range.
 */
import { and, asc, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
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

function audienceIds(a: AudienceOf): SQL | null {
  const branches: SQL[] = [];
  if (a.studentId) branches.push(sql`SELECT id FROM accounts WHERE student_id = ${a.studentId} AND role = 'student'`);
  if (a.employerId) branches.push(sql`SELECT id FROM accounts WHERE employer_id = ${a.employerId} AND role = 'employer'`);
  if (a.collegeReviewers && a.schoolId && a.collegeId) {
    branches.push(sql`SELECT id FROM accounts WHERE role = 'college' AND school_id = ${a.schoolId} AND college_id = ${a.collegeId}`);
  }
  if (a.schoolReviewers && a.schoolId) branches.push(sql`SELECT id FROM accounts WHERE role = 'school' AND school_id = ${a.schoolId}`);
  if (a.center) branches.push(sql`SELECT id FROM accounts WHERE role = 'center'`);
  if (a.province) branches.push(sql`SELECT id FROM accounts WHERE role = 'province'`);
  if (a.accountId) branches.push(sql`SELECT id FROM accounts WHERE id = ${a.accountId}`);
  return branches.length ? sql.join(branches, sql` UNION ALL `) : null;
}

/**
 * The writes of one notification to an audience: the in-app rows, then their e-mail and SMS outbox
 * rows where the recipient has an address and has not turned the channel off for the category.
 */
export function notificationWrites(db: Db, n: NotificationDraft, audience: AudienceOf): Write[] {
  const ids = audienceIds(audience);
  if (!ids) return [];
  const prefix = n.eventId + ':';
  return [
    sql`INSERT OR IGNORE INTO notifications (id, account_id, category, event, title, body, record_kind, record_id, dedupe_key, created_at)
      SELECT ${prefix} || a.id, a.id, ${n.category}, ${n.event}, ${n.title}, ${n.body}, ${n.recordKind}, ${n.recordId}, ${n.dedupeKey ?? null}, ${n.now}
      FROM accounts a WHERE a.id IN (${ids}) AND a.id IS NOT ${audience.except ?? null}`,
    sql`INSERT OR IGNORE INTO notification_outbox (id, notification_id, account_id, channel, address, subject, body, state, attempts, created_at)
      SELECT id || ':' || channel, id, account_id, channel, address, title, body, 'pending', 0, created_at FROM (
        SELECT n.id, n.account_id, n.title, n.body, n.created_at, c.channel,
          CASE c.channel WHEN 'email' THEN COALESCE(s.email, a.email) ELSE COALESCE(s.phone, e.contact_phone, a.phone) END AS address
        FROM notifications n
        JOIN accounts a ON a.id = n.account_id
        LEFT JOIN students s ON s.id = a.student_id
        LEFT JOIN employers e ON e.id = a.employer_id
        JOIN (SELECT 'email' AS channel UNION ALL SELECT 'sms') c
        WHERE n.id >= ${prefix} AND n.id < ${n.eventId + ';'}
          AND NOT EXISTS (SELECT 1 FROM notification_opt_outs o WHERE o.account_id = n.account_id AND o.category = n.category AND o.channel = c.channel)
      ) WHERE address IS NOT NULL AND address <> ''`,
  ];
}

export type NotificationView = Pick<NotificationRow, 'id' | 'category' | 'event' | 'title' | 'body' | 'recordKind' | 'recordId' | 'createdAt' | 'readAt'>;

const VIEW = {
  id: notifications.id, category: notifications.category, event: notifications.event, title: notifications.title, body: notifications.body,
  recordKind: notifications.recordKind, recordId: notifications.recordId, createdAt: notifications.createdAt, readAt: notifications.readAt,
};

/** The account's messages, unread first, newest first within each. */
export function listNotifications(db: Db, accountId: string, limit: number): Promise<NotificationView[]> {
  return db.select(VIEW).from(notifications).where(eq(notifications.accountId, accountId))
    .orderBy(asc(sql`${notifications.readAt} IS NOT NULL`), desc(notifications.createdAt), desc(notifications.id)).limit(limit);
}

export async function unreadCount(db: Db, accountId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the account's own message read (the first read time stays); undefined when it is not theirs. */
export async function markRead(db: Db, accountId: string, id: string, at: string): Promise<NotificationView | undefined> {
  const [row] = await db.update(notifications).set({ readAt: sql`COALESCE(${notifications.readAt}, ${at})` })
    .where(and(eq(notifications.id, id), eq(notifications.accountId, accountId))).returning(VIEW);
  return row;
}

export async function markAllRead(db: Db, accountId: string, at: string): Promise<number> {
  const rows = await db.update(notifications).set({ readAt: at })
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.readAt))).returning({ id: notifications.id });
  return rows.length;
}
