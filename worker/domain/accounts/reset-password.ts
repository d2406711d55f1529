/**
 * 重置密码: whoever looks after an account gives it a new one-time password — a student's college or
 * school reviewer, the centre for an employer, the admin for reviewers. The password is shown once,
 * must be changed at next sign-in, every session of the account ends, and an audit event (under the
 * subject `account:<id>`) says who reset whom — never the password.
 */
import type { Actor } from '../../auth/actor';
import { hashInitialPassword, randomInitialPassword } from '../../auth/password';
import { runBatch, type Write } from '../../db/batch';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/records';
import {
  accountByUsername,
  employerAccount,
  resetPasswordWrites,
  studentAccount,
  studentAccountsOfSchool,
  type AccountRow,
} from '../../db/password-resets';
import { badRequest, conflict, forbidden, invalid, notFound } from '../../http/errors';
import { subjectAuditWrites } from '../../lifecycle/audit';
import { passwordResetNotification } from '../../lifecycle/notifications/account-notifications';

export interface Credential {
  username: string;
  name: string;
  password: string;
}

const REVIEWER_ROLES = ['college', 'school', 'province', 'center'];
const notYours = () => notFound('账号不存在或您无权重置其密码');

/** The writes of one reset, and the password to show once. */
async function resetOne(db: Db, actor: Actor, target: AccountRow, at: string): Promise<{ writes: Write[]; credential: Credential }> {
  const password = randomInitialPassword();
  const writes: Write[] = [
    ...resetPasswordWrites(db, target.id, await hashInitialPassword(password)),
    ...(await subjectAuditWrites(db, {
      recordId: `account:${target.id}`,
      kind: 'accounts',
      action: 'reset-password',
      fromState: null,
      toState: 'must_change_password',
      actor,
      reason: `重置 ${target.displayName}（${target.username}）的密码`,
      data: { username: target.username, role: target.role, resetBy: actor.username },
      at,
    })),
  ];
  return { writes, credential: { username: target.username, name: target.displayName, password } };
}

async function run(db: Db, writes: Write[]) {
  try {
    await runBatch(db, writes);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('该账号的密码刚刚被他人重置，请刷新后重试');
    throw err;
  }
}

async function resetAccount(db: Db, actor: Actor, target: AccountRow): Promise<Credential> {
  const at = new Date().toISOString();
  const { writes, credential } = await resetOne(db, actor, target, at);
  // one person's reset tells them (a school's bulk reset hands out first passwords: no message)
  await run(db, [...writes, ...passwordResetNotification(db, target.id, actor, at)]);
  return credential;
}

/** A student's college reviewer (own college) or school reviewer (own school). */
export async function resetStudentPassword(db: Db, actor: Actor, studentId: string): Promise<Credential> {
  if (actor.role !== 'college' && actor.role !== 'school') throw forbidden('学生密码由所在学院或学校就业部门重置');
  const found = await studentAccount(db, studentId);
  if (!found) throw notYours();
  const inScope = actor.role === 'school' ? found.schoolId === actor.schoolId : found.collegeId === actor.collegeId;
  if (!inScope) throw notYours();
  return resetAccount(db, actor, found.account);
}

/** The centre, for an employer's account. */
export async function resetEmployerPassword(db: Db, actor: Actor, employerId: string): Promise<Credential> {
  if (actor.role !== 'center') throw forbidden('用人单位密码由省就业中心重置');
  const target = await employerAccount(db, employerId);
  if (!target) throw notYours();
  return resetAccount(db, actor, target);
}

/** The admin, for a reviewer's account (college, school, province, centre). */
export async function resetReviewerPassword(db: Db, actor: Actor, username: string): Promise<Credential> {
  if (actor.role !== 'admin') throw forbidden('审核账号的密码由平台管理员重置');
  const target = await accountByUsername(db, username);
  if (!target || !REVIEWER_ROLES.includes(target.role)) throw notYours();
  return resetAccount(db, actor, target);
}

/** each reset reads its audit chain and writes three statements: 100 stays well inside a request's query budget */
export const MAX_BULK_RESETS = 100;

/**
 * A school issues new one-time passwords for a list of its students (student ids or ID numbers):
 * all or nothing — a key that names none of its students refuses the whole list.
 */
export async function resetSchoolStudentPasswords(db: Db, actor: Actor, keys: string[]): Promise<Credential[]> {
  if (actor.role !== 'school' || !actor.schoolId) throw forbidden('批量重置密码由学校就业部门操作');
  const wanted = [...new Set(keys.map((k) => k.trim()).filter(Boolean))];
  if (wanted.length === 0)
    throw badRequest('missing_field', '请选择要重置密码的学生', [{ path: 'students', code: 'required', message: '必填' }]);
  if (wanted.length > MAX_BULK_RESETS)
    throw badRequest('too_many', `一次最多重置 ${MAX_BULK_RESETS} 名学生的密码`, [
      { path: 'students', code: 'maxItems', message: `最多 ${MAX_BULK_RESETS} 名` },
    ]);
  const found = await studentAccountsOfSchool(db, actor.schoolId, wanted);
  const known = new Set(found.flatMap((f) => [f.studentId, f.idNumber]));
  const missing = wanted.filter((k) => !known.has(k) && !known.has(k.toUpperCase()));
  if (missing.length) {
    throw invalid(
      `${missing.length} 名学生不是本校学生或不存在，未重置任何密码`,
      missing.slice(0, 20).map((k) => ({ path: 'students', code: 'not_found', message: `未找到：${k}` })),
      'not_found',
    );
  }
  const at = new Date().toISOString();
  const writes: Write[] = [];
  const credentials: Credential[] = [];
  for (const { account } of found) {
    const one = await resetOne(db, actor, account, at);
    writes.push(...one.writes);
    credentials.push(one.credential);
  }
  await run(db, writes);
  return credentials;
}
