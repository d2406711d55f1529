/**
 * 线下签约 预览确认: the number a student's offline agreement will get is reserved when the student
 * previews it, as a `counters` row `agreement-preview:<student>:<digest of the previewed data>`
 * holding the sequence drawn from the school's agreement counter. Previewing again (changed data)
 * keeps the sequence under the new digest; the create uses it only for exactly the previewed data
 * and removes the student's reservations in its batch.
 */
import { sql } from 'drizzle-orm';
import type { Write } from './batch';
import { runBatch } from './batch';
import type { Db } from './client';

const prefix = (studentId: string) => `agreement-preview:${studentId}:`;
export const reservationKey = (studentId: string, digest: string) => prefix(studentId) + digest;
const counterKey = (schoolCode: string, cohort: number) => `agreement:${schoolCode}:${cohort}`;
export const formatAgreementNumber = (schoolCode: string, cohort: number, seq: number) =>
  `${schoolCode}${cohort}${String(seq).padStart(6, '0')}`;

/** The student's reservations: every key between `…:` and `…;` (`;` follows `:`). */
const ofStudent = (studentId: string) => sql`key >= ${prefix(studentId)} AND key < ${`agreement-preview:${studentId};`}`;

export async function reservationOf(db: Db, studentId: string): Promise<{ key: string; value: number } | undefined> {
  const rows = await db.all<{ key: string; value: number }>(
    sql`SELECT key, value FROM counters WHERE ${ofStudent(studentId)} ORDER BY value LIMIT 1`,
  );
  return rows[0];
}

/**
 * Reserves (or keeps) the student's sequence under the digest and answers it. A first preview draws
 * the school's next sequence; a later one moves the student's reservation to the new digest.
 */
export async function reserveNumber(
  db: Db,
  args: { studentId: string; digest: string; schoolCode: string; cohort: number },
): Promise<number> {
  const key = reservationKey(args.studentId, args.digest);
  const held = await reservationOf(db, args.studentId);
  if (held?.key === key) return held.value;
  const writes: Write[] = held
    ? [
        sql`INSERT OR IGNORE INTO counters (key, value) VALUES (${key}, ${held.value})`,
        sql`DELETE FROM counters WHERE ${ofStudent(args.studentId)} AND key <> ${key}`,
      ]
    : [
        sql`INSERT INTO counters (key, value) VALUES (${counterKey(args.schoolCode, args.cohort)}, 1) ON CONFLICT(key) DO UPDATE SET value = value + 1`,
        // two first previews racing for one digest: the first one's sequence stays
        sql`INSERT OR IGNORE INTO counters (key, value) SELECT ${key}, value FROM counters WHERE key = ${counterKey(args.schoolCode, args.cohort)}`,
      ];
  await runBatch(db, writes);
  const now = await db.all<{ value: number }>(sql`SELECT value FROM counters WHERE key = ${key}`);
  return Number(now[0]?.value);
}

export async function reservedSequence(db: Db, studentId: string, digest: string): Promise<number | undefined> {
  const rows = await db.all<{ value: number }>(sql`SELECT value FROM counters WHERE key = ${reservationKey(studentId, digest)}`);
  return rows[0]?.value;
}

/**
 * The create's writes: the record takes the reserved number (and its verification code), unless
 * the reservation is gone by then (a racing create used it: the batch aborts), then the student's
 * reservations go.
 */
export function useReservedNumber(
  db: Db,
  args: { recordId: string; studentId: string; digest: string; schoolCode: string; cohort: number },
): Write[] {
  const key = reservationKey(args.studentId, args.digest);
  return [
    sql`INSERT INTO write_guards (ok) SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM counters WHERE key = ${key})`,
    sql`UPDATE records SET number = (SELECT ${`${args.schoolCode}${args.cohort}`} || printf('%06d', value) FROM counters WHERE key = ${key}),
      verify_code = upper(hex(randomblob(8))) WHERE id = ${args.recordId}`,
    sql`DELETE FROM counters WHERE ${ofStudent(args.studentId)}`,
  ];
}
