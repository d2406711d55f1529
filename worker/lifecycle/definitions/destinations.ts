/**
 * 毕业去向登记 (docs/architecture.md, 毕业去向登记): one record per graduate and cohort, open to every
 * 省级通过 student. The student registers a destination code of the national table with that code's
 * fields and evidence (forms/destination.json) → 学院 → 学校 (→ 中心 for the codes the province
 * names) → 已登记. Any reviewer returns it with a reason; the student corrects and resubmits. Until
 * the cohort's deadline a registered student may change it (a new version, reviewed again); after it
 * only the school reopens one. 签就业协议形式就业 (10) is not registered here: the school's approval
 * of an agreement writes it (destination-feed.ts) and a completed termination reopens it.
 */
import { codeLabel, maskIdNumber } from '../../../forms/engine';
import { destinationSettingsOf } from '../../db/destination-settings';
import { destinationOf } from '../../db/student-records';
import { setRecordMode } from '../../db/records';
import { findStudent } from '../../db/students';
import { conflict, forbidden, invalid } from '../../http/errors';
import { beijingToday } from '../../lib/dates';
import { ADMIN_SEES_MASKED } from '../disclosure';
import type { Lifecycle, TransitionContext } from '../types';
import { str } from './shared';

/** Which review chain the submitted code takes: the centre's codes go on to it after the school. */
async function routeReview(ctx: TransitionContext) {
  const { centerCodes } = await destinationSettingsOf(ctx.db, ctx.record.cohort ?? 0);
  const mode = centerCodes.includes(str(ctx.data.destination)) ? 'center' : 'school';
  return [setRecordMode(ctx.db, ctx.record.id, mode)];
}

/** A registered destination changes only until the cohort's deadline (Beijing's today). */
async function beforeDeadline(ctx: TransitionContext) {
  const { changeDeadline } = await destinationSettingsOf(ctx.db, ctx.record.cohort ?? 0);
  if (beijingToday(Date.parse(ctx.now)) > changeDeadline) {
    throw conflict(`毕业去向变更已于 ${changeDeadline} 截止；如确需变更，请联系学校就业部门重新开放登记`, 'deadline_passed');
  }
}

const toCenter = (r: { mode: string | null }) => r.mode === 'center';

export const destinations: Lifecycle = {
  kind: 'destinations',
  label: '毕业去向登记',
  form: 'destination',
  // common reasons offered when rejecting (退回); the admin may replace the list (reason_lists)
  reasons: [
    '证明材料不清晰或不完整',
    '证明材料与所选去向不符',
    '单位或学校名称与证明材料不一致',
    '统一社会信用代码有误',
    '去向选择有误，请重新选择',
  ],
  readers: ['student', 'college', 'school', 'center', 'province', 'admin'],
  // shown to the student on the record and where they register: until then they may change it
  changeDeadline: async (db, cohort) => (await destinationSettingsOf(db, cohort)).changeDeadline,
  states: {
    college_review: { label: '待学院审核', tone: 'wait' },
    school_review: { label: '待学校审核', tone: 'wait' },
    center_review: { label: '待中心审核', tone: 'wait' },
    registered: {
      label: '已登记',
      tone: 'ok',
      next: '毕业去向已登记。去向有变化的，可在学校规定的变更截止日期前提交变更，变更须重新审核。',
    },
    returned: { label: '已退回', tone: 'bad' },
    agreement: {
      label: '签约就业',
      tone: 'ok',
      next: '毕业去向为签就业协议形式就业，以学校审核通过的协议书为准；派遣信息请在「派遣信息」中确认并送审。解约后需重新登记毕业去向。',
    },
    reopened: { label: '待重新登记', tone: 'neutral' },
  },
  disclosure: [ADMIN_SEES_MASKED],
  create: {
    roles: ['student'],
    entry: { from: 'form' },
    step: 'student',
    state: 'college_review',
    label: '登记毕业去向',
    async link({ db, actor }) {
      const student = await findStudent(db, actor.studentId ?? '');
      if (!student) throw forbidden();
      if (student.sourceState !== 'approved') throw invalid('您的生源信息尚未“省级通过”，暂不能登记毕业去向', [], 'student_not_approved');
      const existing = await destinationOf(db, student.id, student.cohort);
      if (existing) throw conflict('您已登记毕业去向，如需变更请在原登记中提交变更', 'duplicate');
      return { studentId: student.id, schoolId: student.schoolId, collegeId: student.collegeId, employerId: null, cohort: student.cohort };
    },
    effects: routeReview,
  },
  // written by other records: an agreement the school approved (code 10), its completed termination
  events: [
    { action: 'create', label: '签约就业，自动登记', when: (_r, e) => e.actorRole === 'school' },
    { action: 'sign', label: '签约就业，自动登记' },
    { action: 'terminate', label: '解约完成，重新登记' },
  ],
  transitions: [
    {
      action: 'submit',
      label: '提交登记',
      from: ['returned', 'reopened'],
      to: 'college_review',
      by: ['student'],
      step: 'student',
      style: 'primary',
      confirm: '确认毕业去向信息无误并提交学院审核？审核完成前不能修改。',
      effects: routeReview,
    },
    {
      action: 'change',
      label: '变更去向',
      from: ['registered'],
      to: 'college_review',
      by: ['student'],
      step: 'student',
      confirm: '变更后须重新经学院、学校审核，原登记保留在办理记录中。确认提交变更？',
      guard: beforeDeadline,
      effects: routeReview,
    },
    { action: 'approve', label: '学院审核通过', from: ['college_review'], to: 'school_review', by: ['college'], style: 'primary' },
    { action: 'reject', label: '退回学生', from: ['college_review'], to: 'returned', by: ['college'], needsReason: true, style: 'danger' },
    {
      action: 'approve',
      label: '学校审核通过',
      from: ['school_review'],
      to: 'registered',
      by: ['school'],
      style: 'primary',
      when: (r) => !toCenter(r),
    },
    {
      action: 'approve',
      label: '学校审核通过，送中心审核',
      from: ['school_review'],
      to: 'center_review',
      by: ['school'],
      style: 'primary',
      when: toCenter,
    },
    { action: 'reject', label: '退回学生', from: ['school_review'], to: 'returned', by: ['school'], needsReason: true, style: 'danger' },
    { action: 'approve', label: '中心审核通过', from: ['center_review'], to: 'registered', by: ['center'], style: 'primary' },
    { action: 'reject', label: '退回学生', from: ['center_review'], to: 'returned', by: ['center'], needsReason: true, style: 'danger' },
    {
      action: 'reopen',
      label: '重新开放登记',
      from: ['registered'],
      to: 'reopened',
      by: ['school'],
      needsReason: true,
      confirm: '重新开放后学生须重新提交毕业去向并经审核。确认？',
    },
  ],
  summary(record, viewer, student) {
    const code = str(record.data.destination);
    const what = codeLabel(null, 'destination', code) ?? '毕业去向';
    const who = viewer.role === 'student' || !student ? '' : `${student.name}（${maskIdNumber(student.idNumber)}）`;
    return { title: who || '毕业去向登记', subtitle: code ? `${code} ${what}` : '' };
  },
};
