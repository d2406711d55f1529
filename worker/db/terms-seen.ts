/** Where a student last was in a record's history: a pointer into the audit trail, never a copy of the data. */
import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import { termsSeen } from './schema';

/** The audit event id the student last saw the record at, or null when they never opened it. */
export async function seenEventOf(db: Db, recordId: string, studentId: string): Promise<string | null> {
  const rows = await db
    .select({ eventId: termsSeen.eventId })
    .from(termsSeen)
    .where(and(eq(termsSeen.recordId, recordId), eq(termsSeen.studentId, studentId)))
    .limit(1);
  return rows[0]?.eventId ?? null;
}

/** Remember that the student has now seen the record as it stood after `eventId`. */
export async function markSeen(db: Db, recordId: string, studentId: string, eventId: string, at: string): Promise<void> {
  await db
    .insert(termsSeen)
    .values({ recordId, studentId, eventId, seenAt: at })
    .onConflictDoUpdate({ target: [termsSeen.recordId, termsSeen.studentId], set: { eventId, seenAt: at } });
}
