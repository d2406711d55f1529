/**
 * Who may see which record: the one place scope is decided, both for a single record (in code)
 * and for lists (as SQL). docs/architecture.md, roles and scope: a student sees own records, an employer its own, a college
 * or school reviewer its students, the province/centre/admin the whole province.
 */
import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import { records, type RecordRow } from '../db/schema';

export function inScope(actor: Actor, record: Pick<RecordRow, 'studentId' | 'employerId' | 'collegeId' | 'schoolId'>): boolean {
  switch (actor.role) {
    case 'student':
      return actor.studentId !== null && record.studentId === actor.studentId;
    case 'employer':
      return actor.employerId !== null && record.employerId === actor.employerId;
    case 'college':
      return actor.collegeId !== null && record.collegeId === actor.collegeId;
    case 'school':
      return actor.schoolId !== null && record.schoolId === actor.schoolId;
    case 'province':
    case 'center':
    case 'admin':
      return true;
  }
}

/** The same rule as a WHERE clause; `undefined` means no restriction. */
export function scopeCondition(actor: Actor): SQL | undefined {
  const none = eq(records.id, '');
  switch (actor.role) {
    case 'student':
      return actor.studentId ? eq(records.studentId, actor.studentId) : none;
    case 'employer':
      return actor.employerId ? eq(records.employerId, actor.employerId) : none;
    case 'college':
      return actor.collegeId ? eq(records.collegeId, actor.collegeId) : none;
    case 'school':
      return actor.schoolId ? eq(records.schoolId, actor.schoolId) : none;
    case 'province':
    case 'center':
    case 'admin':
      return undefined;
  }
}
