/**
 * 派遣信息上报 (docs/architecture.md, the lifecycles): created 未确认 when the school approves an agreement, prefilled through
 * the mappings declared in dispatch.json; the student corrects it, uploads photos of the stamped
 * agreement, saves (draft) and submits → 学院 → 学校 → 中心 → approved (label from configuration).
 * Any reject returns it to the student; a completed termination voids it.
 */
import { applyMappings, maskIdNumber } from '../../../forms/engine';
import type { Write } from '../../db/batch';
import { childRecordsOf } from '../../db/child-records';
import type { Db } from '../../db/client';
import { moveRecordWrite } from '../../db/records';
import { latestForm } from '../../form-registry/registry';
import { auditWrites } from '../audit';
import type { Lifecycle } from '../types';
import { openChildRecord, str, type AgreementApproval, type Author } from './shared';
import { ADMIN_SEES_MASKED } from '../disclosure';

/** The writes that open the student's dispatch record for an approved agreement. */
export async function openDispatch(ctx: AgreementApproval): Promise<Write[]> {
  const { db, record: agreement, data: agreementData, actor, now } = ctx;
  const form = await latestForm(db, 'dispatch');
  const data = { ...applyMappings(form.definition, 'agreement', agreementData), destination: '10' } as Record<string, unknown>;
  return openChildRecord(
    db,
    agreement,
    { kind: 'dispatches', form, state: 'unconfirmed', data, reason: '协议书学校审核通过，生成派遣信息' },
    actor,
    now,
  );
}

/** A completed termination voids the dispatch record of that agreement, whatever its state. */
export async function voidDispatchesOf(db: Db, agreementId: string, actor: Author, reason: string, now: string): Promise<Write[]> {
  const open = await childRecordsOf(db, agreementId, 'dispatches', { notIn: ['voided'] });
  const out: Write[] = [];
  for (const d of open) {
    out.push(
      moveRecordWrite(db, d.id, { from: [d.state], to: 'voided', now }),
      ...(await auditWrites(db, {
        recordId: d.id,
        kind: 'dispatches',
        action: 'void',
        fromState: d.state,
        toState: 'voided',
        actor,
        reason,
        data: d.data,
        at: now,
        head: d.auditHead,
      })),
    );
  }
  return out;
}

export const dispatches: Lifecycle = {
  kind: 'dispatches',
  label: '派遣信息',
  form: 'dispatch',
  // common reasons offered when rejecting (退回/驳回); the admin may replace the list (reason_lists)
  reasons: ['证明材料照片不清晰', '证明材料与毕业去向不符', '档案转寄单位或地址有误', '户口迁移地址有误', '报到单位信息有误'],
  readers: ['student', 'college', 'school', 'center', 'admin'],
  states: {
    unconfirmed: { label: '未确认', tone: 'neutral' },
    college_review: { label: '待学院审核', tone: 'wait' },
    school_review: { label: '待学校审核', tone: 'wait' },
    center_review: { label: '待中心审核', tone: 'wait' },
    approved: {
      label: '报到证待打印',
      tone: 'ok',
      next: '派遣信息已通过省就业中心审核。报到证由学校就业部门统一打印发放，请留意学校通知，携带本人身份证到学校就业部门领取。',
    },
    returned: { label: '已退回', tone: 'bad' },
    voided: {
      label: '已作废',
      tone: 'neutral',
      next: '协议书已解约，本派遣信息作废；重新签约并审核通过后会生成新的派遣信息。',
    },
  },
  disclosure: [ADMIN_SEES_MASKED],
  // written by other records: the school's approval of the agreement, a completed termination
  events: [
    { action: 'create', label: '生成派遣信息' },
    { action: 'void', label: '派遣信息作废' },
  ],
  transitions: [
    { action: 'save', label: '保存', from: ['unconfirmed', 'returned'], by: ['student'], step: 'student', draft: true },
    {
      action: 'submit',
      label: '保存并送审',
      from: ['unconfirmed', 'returned'],
      to: 'college_review',
      by: ['student'],
      step: 'student',
      style: 'primary',
      confirm: '请确认派遣信息无误并已上传盖章完毕的协议书照片。送审后在审核完成前不能修改。',
    },
    { action: 'approve', label: '学院审核通过', from: ['college_review'], to: 'school_review', by: ['college'], style: 'primary' },
    { action: 'reject', label: '退回学生', from: ['college_review'], to: 'returned', by: ['college'], needsReason: true, style: 'danger' },
    { action: 'approve', label: '学校审核通过', from: ['school_review'], to: 'center_review', by: ['school'], style: 'primary' },
    { action: 'reject', label: '退回学生', from: ['school_review'], to: 'returned', by: ['school'], needsReason: true, style: 'danger' },
    { action: 'approve', label: '中心审核通过', from: ['center_review'], to: 'approved', by: ['center'], style: 'primary' },
    { action: 'reject', label: '退回学生', from: ['center_review'], to: 'returned', by: ['center'], needsReason: true, style: 'danger' },
  ],
  summary(record, viewer, student) {
    const d = record.data;
    const who = viewer.role === 'student' || !student ? '' : `${student.name}（${maskIdNumber(student.idNumber)}）`;
    return {
      title: who ? `${who} — ${str(d.employerName)}` : str(d.employerName) || '派遣信息',
      subtitle: str(d.employerName) ? '就业' : '',
    };
  },
};
