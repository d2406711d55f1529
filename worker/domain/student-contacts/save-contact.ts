/**
 * A student saves their contact details (at first sign-in, or later from 基本信息): the students
 * row, and an audit event naming what changed, in one batch. The event chains under the subject
 * `contact:<studentId>`, which has no record row (like a form definition).
 */
import type { Actor } from '../../auth/actor';
import { runBatch } from '../../db/batch';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/records';
import { contactWrite, findStudentContact, identityConfirmedWrite, type StudentContact } from '../../db/student-contacts';
import { conflict, notFound } from '../../http/errors';
import { subjectAuditWrites } from '../../lifecycle/audit';

const LABELS: Record<keyof StudentContact, string> = { mobile: '手机号码', email: '电子邮箱', qq: 'QQ', wechat: '微信' };

export async function saveStudentContact(
  db: Db,
  actor: Actor,
  contact: StudentContact,
  at: string,
  options: { confirmIdentity?: boolean } = {},
): Promise<{ changed: string[] }> {
  if (!actor.studentId) throw notFound('学生信息不存在');
  const before = await findStudentContact(db, actor.studentId);
  if (!before) throw notFound('学生信息不存在');
  const changed = (Object.keys(LABELS) as Array<keyof StudentContact>)
    .filter((k) => (before[k] ?? null) !== contact[k])
    .map((k) => LABELS[k]);
  const action = options.confirmIdentity ? 'confirm-identity' : 'change-contact';
  const reason = options.confirmIdentity ? '初次进入：确认身份与联系方式' : `修改：${changed.join('、') || '无变化'}`;
  try {
    await runBatch(db, [
      contactWrite(db, actor.studentId, contact, at),
      ...(options.confirmIdentity ? [identityConfirmedWrite(db, actor.accountId, at)] : []),
      ...(await subjectAuditWrites(db, {
        recordId: `contact:${actor.studentId}`,
        kind: 'student-contacts',
        action,
        fromState: null,
        toState: 'saved',
        actor,
        reason,
        data: contact,
        at,
      })),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('联系方式刚刚在别处被修改，请刷新后重试');
    throw err;
  }
  return { changed };
}
