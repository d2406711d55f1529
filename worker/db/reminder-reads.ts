/** What the scheduled reminders read (worker/domain/notifications/send-reminders.ts). */
import { and, count, eq, inArray, lt, or } from 'drizzle-orm';
import type { Db } from './client';
import { records, type RecordRow } from './schema';

/** Sent invitations whose answer deadline (YYYY-MM-DD) is one of `days`. */
export async function sentInvitationsDueOn(db: Db, days: string[]): Promise<RecordRow[]> {
  return db
    .select()
    .from(records)
    .where(and(eq(records.kind, 'invitations'), eq(records.state, 'sent'), inArray(records.deadline, days)));
}

export interface WaitingGroup {
  kind: string;
  state: string;
  schoolId: string | null;
  collegeId: string | null;
  n: number;
}

/** How many records wait in each of the (kind, state) pairs, per school and college, untouched since `before`. */
export async function waitingSince(db: Db, waiting: readonly { kind: string; state: string }[], before: string): Promise<WaitingGroup[]> {
  return db
    .select({ kind: records.kind, state: records.state, schoolId: records.schoolId, collegeId: records.collegeId, n: count() })
    .from(records)
    .where(and(or(...waiting.map((w) => and(eq(records.kind, w.kind), eq(records.state, w.state)))), lt(records.updatedAt, before)))
    .groupBy(records.kind, records.state, records.schoolId, records.collegeId);
}
