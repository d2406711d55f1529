/**
 * The admin replaces a lifecycle's list of reasons to pick when rejecting, or (`reasons: null`)
 * goes back to the lifecycle's default list.
 */
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { deleteReasonList, saveReasonList } from '../../db/reason-lists';
import { forbidden, invalid, notFound, type FieldIssue } from '../../http/errors';
import { offersReasons, rejectReasons } from '../../lifecycle/reject-reasons';
import type { Lifecycle } from '../../lifecycle/types';

export const MAX_REASONS = 20;
export const MAX_REASON_CHARS = 50;

/** Lifecycles whose records can be rejected have a list; others answer 404. */
export function withReasons(lifecycle: Lifecycle): Lifecycle {
  if (!lifecycle.transitions.some(offersReasons)) throw notFound('该类记录没有退回原因');
  return lifecycle;
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden('只有平台管理员可以维护退回原因');
}

/** The list as typed (a list, as the body check made sure), trimmed: 1–20 distinct reasons of 1–50 characters on one line each. */
export function checkReasonList(input: readonly unknown[]): string[] {
  if (input.length > MAX_REASONS) {
    throw invalid(`最多 ${MAX_REASONS} 条原因`, [{ path: 'reasons', code: 'maxItems', message: `最多 ${MAX_REASONS} 条` }]);
  }
  const issues: FieldIssue[] = [];
  const out: string[] = [];
  input.forEach((raw, i) => {
    const path = `reasons.${i}`;
    if (typeof raw !== 'string') return issues.push({ path, code: 'type', message: '必须是文字' });
    const reason = raw.trim();
    if (!reason) return issues.push({ path, code: 'required', message: '原因不能为空' });
    if (reason.length > MAX_REASON_CHARS) return issues.push({ path, code: 'maxLength', message: `不能超过 ${MAX_REASON_CHARS} 个字` });
    if (/[\r\n\t]/.test(reason)) return issues.push({ path, code: 'pattern', message: '不能含换行' });
    if (out.includes(reason)) return issues.push({ path, code: 'duplicate', message: '与前面的原因重复' });
    out.push(reason);
  });
  if (issues.length) throw invalid('退回原因填写有误', issues);
  return out;
}

export async function replaceRejectReasons(db: Db, actor: Actor, lifecycle: Lifecycle, given: readonly unknown[] | null) {
  requireAdmin(actor);
  withReasons(lifecycle);
  if (given === null) {
    await deleteReasonList(db, lifecycle.kind);
  } else {
    const reasons = checkReasonList(given);
    await saveReasonList(db, {
      kind: lifecycle.kind,
      reasons: JSON.stringify(reasons),
      updatedAt: new Date().toISOString(),
      updatedBy: actor.accountId,
    });
  }
  return rejectReasons(db, lifecycle);
}
