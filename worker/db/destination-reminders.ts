/**
 * The 毕业去向登记 deadline reminders' SQL (worker/domain/notifications/send-reminders.ts): which
 * graduates of a cohort have not registered a destination, counted per college, and the one
 * INSERT … SELECT that tells each of them (their e-mail and SMS rows follow with the sweep, db/outbox.ts).
 * Not registered: 省级通过 and no destination record, or one sent back to them (已退回, 待重新登记);
 * a record in review waits on the reviewers, not on the student.
 */
import type { Write } from './batch';
import type { Db } from './client';

const UNREGISTERED = `s.cohort = ?1 AND s.source_state = 'approved'
  AND NOT EXISTS (SELECT 1 FROM records r WHERE r.kind = 'destinations' AND r.student_id = s.id AND r.state NOT IN ('returned', 'reopened'))`;

export interface UnregisteredCount {
  schoolId: string;
  collegeId: string;
  n: number;
}

export async function unregisteredByCollege(db: Db, cohort: number): Promise<UnregisteredCount[]> {
  const rows = await db.$client
    .prepare(`SELECT s.school_id AS schoolId, s.college_id AS collegeId, COUNT(*) AS n FROM students s
    WHERE ${UNREGISTERED} GROUP BY s.school_id, s.college_id`)
    .bind(cohort)
    .all<UnregisteredCount>();
  return rows.results;
}

/** One message to every unregistered graduate of the cohort with an account; once per account and `dedupeKey`. */
export function unregisteredGraduatesWrite(m: {
  cohort: number;
  eventId: string;
  title: string;
  body: string;
  dedupeKey: string;
  now: string;
}): Write {
  const params = [m.cohort, m.eventId + ':', m.title, m.body, m.dedupeKey, m.now];
  return {
    toSQL: () => ({
      sql: `INSERT OR IGNORE INTO notifications (id, account_id, category, event, title, body, record_kind, record_id, dedupe_key, created_at)
        SELECT ?2 || a.id, a.id, 'destination', 'reminder.destination-deadline', ?3, ?4, NULL, NULL, ?5, ?6
        FROM students s JOIN accounts a ON a.student_id = s.id AND a.role = 'student' WHERE ${UNREGISTERED}`,
      params,
    }),
  };
}
