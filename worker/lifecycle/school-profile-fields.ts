/**
 * The school's own part of a record (学校就业主管部门, 联系人, 电话, 地址, 邮编) is the same on every
 * agreement of a school, so it is kept once as the school's profile (学校信息). Lifecycles name the
 * step the school fills and the profile column each field comes from (`fromSchoolProfile`); when
 * the school reviewer opens a record in that step, the fields still empty on the record are
 * offered from the profile (the record view's `prefill`). Nothing is written until the reviewer
 * submits, and what they type on a record stays on that record.
 */
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { findSchoolProfile, type SchoolProfileColumn } from '../db/school-profiles';
import type { RecordRow } from '../db/schema';
import type { Lifecycle } from './types';

/** The school fields of the agreement form's 学校意见 section. */
export const AGREEMENT_SCHOOL_PROFILE_FIELDS = {
  schoolAuthority: 'authority',
  schoolContact: 'contact',
  schoolPhone: 'phone',
  schoolAddress: 'address',
  schoolPostcode: 'postcode',
} as const satisfies Record<string, SchoolProfileColumn>;

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * The values the school's profile offers for the record's empty school fields, when `actor` is the
 * record's school reviewer filling the lifecycle's school step now; `{}` otherwise.
 */
export async function schoolProfilePrefill(
  db: Db,
  lifecycle: Pick<Lifecycle, 'fromSchoolProfile'>,
  record: Pick<RecordRow, 'schoolId' | 'data'>,
  actor: Actor,
  step: string | null,
): Promise<Record<string, string>> {
  const from = lifecycle.fromSchoolProfile;
  if (!from || step !== from.step || actor.role !== 'school' || !actor.schoolId || record.schoolId !== actor.schoolId) return {};
  const empty = Object.entries(from.fields).filter(([field]) => isEmpty(record.data[field]));
  if (empty.length === 0) return {};
  const profile = (await findSchoolProfile(db, actor.schoolId))?.profile;
  if (!profile) return {};
  const out: Record<string, string> = {};
  for (const [field, column] of empty) {
    const value = profile[column];
    if (!isEmpty(value)) out[field] = value as string;
  }
  return out;
}
