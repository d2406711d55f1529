/**
 * The one query behind the public /verify/:code page. It reads only what that page may show —
 * never the whole record data, so an ID number or phone cannot leak through it by accident.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { records, schools } from './schema';

export interface VerifiedAgreement {
  state: string;
  number: string | null;
  studentName: string | null;
  employerName: string | null;
  schoolName: string | null;
  /** when the school approved it (the latest approval), ISO time */
  approvedAt: string | null;
}

export async function agreementByVerifyCode(db: Db, code: string): Promise<VerifiedAgreement | undefined> {
  return db
    .select({
      state: records.state,
      number: records.number,
      studentName: sql<string | null>`json_extract(${records.data}, '$.name')`,
      employerName: sql<string | null>`json_extract(${records.data}, '$.employerName')`,
      schoolName: schools.name,
      approvedAt: sql<
        string | null
      >`(SELECT max(at) FROM audit_events WHERE audit_events.record_id = ${records.id} AND audit_events.to_state = 'approved')`,
    })
    .from(records)
    .leftJoin(schools, eq(schools.id, records.schoolId))
    .where(and(eq(records.verifyCode, code), eq(records.kind, 'agreements')))
    .get();
}
