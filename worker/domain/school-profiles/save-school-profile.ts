/**
 * A school reviewer saves the school's profile (学校信息): the school_profiles row and an audit
 * event naming what changed, in one batch. The event chains under the subject
 * `school-profile:<schoolId>`, which has no record row (like a student's contact details).
 */
import type { Actor } from '../../auth/actor';
import { runBatch } from '../../db/batch';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/records';
import { findSchoolProfile, schoolProfileWrite, type SchoolProfile } from '../../db/school-profiles';
import { conflict, notFound } from '../../http/errors';
import { subjectAuditWrites } from '../../lifecycle/audit';
import { SCHOOL_PROFILE_RULES } from './read-school-profile';

export const schoolProfileSubject = (schoolId: string) => `school-profile:${schoolId}`;

export async function saveSchoolProfile(db: Db, actor: Actor, profile: SchoolProfile, at: string): Promise<{ changed: string[] }> {
  if (!actor.schoolId) throw notFound('学校不存在');
  const before = await findSchoolProfile(db, actor.schoolId);
  if (!before) throw notFound('学校不存在');
  const keys = Object.keys(SCHOOL_PROFILE_RULES) as Array<keyof SchoolProfile>;
  const changed = keys.filter((k) => (before.profile?.[k] ?? null) !== profile[k]).map((k) => SCHOOL_PROFILE_RULES[k].label);
  try {
    await runBatch(db, [
      schoolProfileWrite(db, actor.schoolId, profile, actor.accountId, at),
      ...(await subjectAuditWrites(db, {
        recordId: schoolProfileSubject(actor.schoolId),
        kind: 'school-profiles',
        action: 'change-school-profile',
        fromState: null,
        toState: 'saved',
        actor,
        reason: `修改：${changed.join('、') || '无变化'}`,
        data: profile,
        at,
      })),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('学校信息刚刚在别处被修改，请刷新后重试');
    throw err;
  }
  return { changed };
}
