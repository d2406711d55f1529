/**
 * Common reasons to pick when rejecting (退回/驳回): the lifecycle's default list (`reasons` in its
 * definition) unless the admin has saved one of its own (`reason_lists`). The reviewer picks one,
 * types one, or both; the stored reason is what was picked and typed.
 */
import type { Db } from '../db/client';
import { findReasonList } from '../db/reason-lists';
import { badRequest, invalid } from '../http/errors';
import type { Lifecycle, Transition } from './types';

export const MAX_REASON = 500;

/** Transitions that offer the list: the rejects (退回/驳回), not a party's own 不同意. */
export function offersReasons(t: Pick<Transition, 'action' | 'needsReason'>): boolean {
  return Boolean(t.needsReason) && t.action === 'reject';
}

/** The saved list, parsed; a row that does not hold a list of texts counts as none. */
export function parseSavedList(json: string | null | undefined): string[] | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.every((x) => typeof x === 'string') ? value : null;
  } catch {
    return null;
  }
}

export async function rejectReasons(db: Db, lifecycle: Lifecycle): Promise<{ reasons: string[]; custom: boolean }> {
  const saved = parseSavedList((await findReasonList(db, lifecycle.kind))?.reasons);
  return saved ? { reasons: saved, custom: true } : { reasons: [...(lifecycle.reasons ?? [])], custom: false };
}

function text(body: Record<string, unknown>, key: string, what: string): string {
  const raw = Object.hasOwn(body, key) ? body[key] : undefined;
  if (raw !== undefined && raw !== null && typeof raw !== 'string') {
    throw badRequest('bad_field', `${what}必须是文字`, [{ path: key, code: 'type', message: '必须是文字' }]);
  }
  return typeof raw === 'string' ? raw.trim() : '';
}

/**
 * The reason of a transition from the body: `reasonChoice` (one of the offered reasons) and/or
 * `reason` (free text). A choice not in the list, or a reject with neither, is refused (422);
 * `list` is read only when a choice was made.
 */
export async function readReason(
  transition: Pick<Transition, 'action' | 'needsReason'>,
  body: Record<string, unknown>,
  list: () => Promise<string[]>,
): Promise<string | null> {
  const typed = text(body, 'reason', '原因');
  const choice = text(body, 'reasonChoice', '所选原因');
  if (typed.length > MAX_REASON) {
    throw invalid(`原因不能超过 ${MAX_REASON} 个字`, [{ path: 'reason', code: 'maxLength', message: `不能超过 ${MAX_REASON} 个字` }]);
  }
  if (choice) {
    if (!offersReasons(transition) || !(await list()).includes(choice)) {
      throw invalid(
        '所选原因不在可选列表中，请重新选择或直接填写原因',
        [{ path: 'reasonChoice', code: 'notListed', message: '不在可选原因中' }],
        'reason_not_listed',
      );
    }
  }
  if (transition.needsReason && !choice && !typed) {
    throw invalid('请选择或填写退回/拒绝的原因', [{ path: 'reason', code: 'required', message: '请选择或填写原因' }], 'reason_required');
  }
  const reason = choice && typed ? `${choice}：${typed}` : choice || typed;
  return reason === '' ? null : reason;
}
