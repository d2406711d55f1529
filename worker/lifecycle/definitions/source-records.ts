/** 生源信息核对 (docs/architecture.md, the lifecycles): 学校导入 → 学生核对 → 学校审核 → 省级审核. */
import { maskIdNumber } from '../../../forms/engine';
import { mirrorSourceRecord } from '../../db/students';
import type { Lifecycle, TransitionContext } from '../types';
import { ADMIN_SEES_MASKED } from '../disclosure';

/**
 * The students row mirrors the record's state, for the employer lookup, and its phone until the
 * student has confirmed or changed their contact details (基本信息): from then on those are theirs.
 */
function mirrorStudent(ctx: TransitionContext, state: string) {
  const { data } = ctx;
  const phone = typeof data.mobile === 'string' ? data.mobile : null;
  return Promise.resolve([mirrorSourceRecord(ctx.db, ctx.record.studentId ?? '', state, phone)]);
}

const mirrorAs = (state: string) => (ctx: TransitionContext) => mirrorStudent(ctx, state);

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export const sourceRecords: Lifecycle = {
  kind: 'source-records',
  label: '生源信息',
  form: 'source',
  // common reasons offered when rejecting (退回/驳回); the admin may replace the list (reason_lists)
  reasons: ['身份证号与姓名不一致', '考生号或学号有误', '生源所在地填写有误', '培养方式或定向委培单位有误', '联系方式或家庭地址不完整'],
  readers: ['student', 'college', 'school', 'province', 'center', 'admin'],
  showsCorrectionsToParties: true,
  states: {
    imported: { label: '学校导入', tone: 'neutral' },
    submitted: { label: '学生已核对', tone: 'wait' },
    school_approved: { label: '学校审核通过', tone: 'wait' },
    approved: {
      label: '省级通过',
      tone: 'ok',
      next: '生源信息已省级通过，可以网上签约：等待单位发起邀约，或录入线下协议书。',
    },
    returned: { label: '已退回', tone: 'bad' },
  },
  disclosure: [ADMIN_SEES_MASKED],
  // written by the school's roster import: the first one creates the record, a later one updates it
  events: [
    { action: 'import', label: '学校重新导入', when: (_record, event) => event.fromState !== null },
    { action: 'import', label: '学校导入' },
  ],
  transitions: [
    {
      action: 'save',
      label: '保存',
      from: ['imported', 'returned'],
      by: ['student'],
      step: 'student',
      effects: (ctx) => mirrorStudent(ctx, ctx.record.state),
    },
    {
      action: 'submit',
      label: '提交核对',
      from: ['imported', 'returned'],
      to: 'submitted',
      by: ['student'],
      step: 'student',
      style: 'primary',
      confirm: '确认生源信息无误并提交学校审核？提交后在审核完成前不能修改。',
      effects: mirrorAs('submitted'),
    },
    {
      action: 'correct',
      label: '学校修改',
      from: ['imported', 'returned'],
      by: ['school'],
      step: 'import',
      effects: (ctx) => mirrorStudent(ctx, ctx.record.state),
    },
    {
      action: 'approve',
      label: '学校审核通过',
      from: ['submitted'],
      to: 'school_approved',
      by: ['school'],
      style: 'primary',
      effects: mirrorAs('school_approved'),
    },
    {
      action: 'reject',
      label: '退回学生',
      from: ['submitted'],
      to: 'returned',
      by: ['school'],
      needsReason: true,
      style: 'danger',
      effects: mirrorAs('returned'),
    },
    {
      action: 'approve',
      label: '省级审核通过',
      from: ['school_approved'],
      to: 'approved',
      by: ['province'],
      style: 'primary',
      effects: mirrorAs('approved'),
    },
    {
      action: 'reject',
      label: '退回学生',
      from: ['school_approved'],
      to: 'returned',
      by: ['province'],
      needsReason: true,
      style: 'danger',
      effects: mirrorAs('returned'),
    },
  ],
  summary(record, viewer) {
    const d = record.data;
    const id = str(d.idNumber);
    return {
      title: `${str(d.name)}${d.studentNo ? `（${str(d.studentNo)}）` : ''}`,
      subtitle: [str(d.college), str(d.major), viewer.role === 'student' ? id : maskIdNumber(id)].filter(Boolean).join(' · '),
    };
  },
};
