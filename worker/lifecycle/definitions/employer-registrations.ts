/**
 * 用人单位注册审核 (issue #4): an employer registers itself (POST /api/employers), the provincial
 * employment centre verifies it; only a verified employer may look students up and invite them.
 * A returned registration is corrected by the employer and submitted again. A verified employer
 * that changes its company details asks the centre again (`change`); the employers row — and so
 * every record's company fields (company-fields.ts) — keeps the verified details until approval.
 */
import { creditCodeTaken, updateEmployer } from '../../db/employers';
import { conflict } from '../../http/errors';
import type { Lifecycle, TransitionContext } from '../types';
import { str } from './shared';

/** The registration's form values as the employers row stores them. */
export function employerColumns(data: Record<string, unknown>) {
  return {
    name: str(data.employerName),
    creditCode: str(data.creditCode).toUpperCase(),
    unitNature: str(data.unitNature),
    industry: str(data.industry),
    region: str(data.employerRegion),
    address: str(data.employerAddress) || null,
    contactName: str(data.contactName) || null,
    contactPhone: str(data.contactPhone) || null,
  };
}

/** A corrected code must not be one another employer already registered. */
async function creditCodeFree(ctx: TransitionContext) {
  if (await creditCodeTaken(ctx.db, employerColumns(ctx.data).creditCode, ctx.record.employerId ?? '')) {
    throw conflict('该统一社会信用代码已被其他单位注册', 'credit_code_taken');
  }
}

/** The employers row follows the registration; only the centre's approval sets `verified`. */
const syncEmployer = (verified: boolean) => (ctx: TransitionContext) =>
  Promise.resolve([updateEmployer(ctx.db, ctx.record.employerId ?? '', { ...employerColumns(ctx.data), verified })]);

export const employerRegistrations: Lifecycle = {
  kind: 'employer-registrations',
  label: '用人单位注册',
  form: 'employer',
  // common reasons offered when rejecting (退回/驳回); the admin may replace the list (reason_lists)
  reasons: ['统一社会信用代码与单位名称不符', '单位性质或行业选择有误', '单位所在地或地址有误', '联系人或联系电话无效'],
  readers: ['employer', 'center', 'admin'],
  states: {
    pending: { label: '待中心审核', tone: 'wait' },
    verified: {
      label: '审核通过',
      tone: 'ok',
      next: '单位信息已通过审核，可以查找学生并发出邀约。',
    },
    returned: { label: '已退回修改', tone: 'bad' },
    change_pending: { label: '变更待中心审核', tone: 'wait' },
    change_returned: { label: '变更已退回', tone: 'bad' },
  },
  // written by the registration itself (POST /api/employers, before there is an account)
  events: [{ action: 'create', label: '单位注册，提交审核' }],
  transitions: [
    {
      action: 'approve',
      label: '审核通过',
      from: ['pending', 'change_pending'],
      to: 'verified',
      by: ['center'],
      style: 'primary',
      effects: syncEmployer(true),
    },
    { action: 'reject', label: '退回修改', from: ['pending'], to: 'returned', by: ['center'], needsReason: true, style: 'danger' },
    {
      action: 'reject',
      label: '退回变更',
      from: ['change_pending'],
      to: 'change_returned',
      by: ['center'],
      needsReason: true,
      style: 'danger',
    },
    {
      action: 'change',
      label: '申请变更单位信息',
      from: ['verified', 'change_returned'],
      to: 'change_pending',
      by: ['employer'],
      step: 'register',
      style: 'primary',
      confirm: '变更将提交就业中心审核；审核通过前，邀约和协议书仍使用已审核的单位信息。确认提交？',
      guard: creditCodeFree,
    },
    {
      action: 'resubmit',
      label: '修改后重新提交',
      from: ['returned'],
      to: 'pending',
      by: ['employer'],
      step: 'register',
      style: 'primary',
      guard: creditCodeFree,
      effects: syncEmployer(false),
    },
  ],
  summary(record) {
    const d = record.data;
    return { title: str(d.employerName), subtitle: [str(d.creditCode), str(d.contactName)].filter(Boolean).join(' · ') };
  },
};
