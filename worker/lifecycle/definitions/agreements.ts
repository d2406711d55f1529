/**
 * 协议书 (docs/architecture.md, the lifecycles). Online agreements are born from an accepted invitation; offline ones are
 * entered by the student (线下签约). Both go 待学院审核 → 待学校审核 → 学校审核通过. A reject ends an
 * online agreement (the employer may invite again) but returns an offline one to the student.
 */
import { maskIdNumber } from '../../../forms/engine';
import type { RecordRow } from '../../db/schema';
import { findStudent } from '../../db/students';
import { conflict, forbidden, invalid } from '../../http/errors';
import type { Lifecycle, TransitionContext } from '../types';
import { activeAgreementOf, str, studentPrefill } from './shared';
import { openDispatch } from './dispatches';
import { registerSignedDestination } from './destination-feed';
import { closeOtherInvitations } from '../close-other-invitations';
import { previewedNumberWrites } from '../../domain/offline-agreements/previewed-number';
import { AGREEMENT_COMPANY_FIELDS } from '../company-fields';
import { AGREEMENT_SCHOOL_PROFILE_FIELDS } from '../school-profile-fields';
import { ADMIN_SEES_MASKED } from '../disclosure';

const isOnline = (r: RecordRow) => r.mode === 'online';
const isOffline = (r: RecordRow) => r.mode === 'offline';

export const agreements: Lifecycle = {
  kind: 'agreements',
  label: '就业协议书',
  form: 'agreement',
  // common reasons offered when rejecting (退回/驳回); the admin may replace the list (reason_lists)
  reasons: [
    '单位信息与营业执照不符',
    '协议书照片不清晰或缺页',
    '单位未盖章或签字不全',
    '岗位或薪酬信息填写不完整',
    '学生信息有误',
    '档案转寄信息有误',
  ],
  readers: ['student', 'employer', 'college', 'school', 'center', 'admin'],
  states: {
    college_review: { label: '待学院审核', tone: 'wait' },
    school_review: { label: '待学校审核', tone: 'wait' },
    approved: {
      label: '学校审核通过',
      tone: 'ok',
      next: '协议书已生效。请下载电子协议书，A4 单面打印一式四份，单位盖章、学生签字后到学院、学校盖章；然后在「派遣信息」中确认派遣信息并上传盖章后的协议书照片。如需修改协议书内容，须先办理解约再重新签约。',
    },
    rejected: {
      label: '审核未通过',
      tone: 'bad',
      next: '本协议书未通过审核，已结束。网上签约的可由单位重新发起邀约；如有疑问请联系学院就业工作人员。',
    },
    returned: { label: '退回修改', tone: 'bad' },
    terminated: {
      label: '已解约',
      tone: 'bad',
      next: '已解约，学生恢复网签资格，可以重新应约或录入新的协议书。',
    },
  },
  disclosure: [ADMIN_SEES_MASKED],
  // online agreements have an employer; an offline one's company is as the student typed it from paper
  fromEmployer: AGREEMENT_COMPANY_FIELDS,
  // the school's part (学校意见) opens prefilled from its 学校信息 when the school reviews
  fromSchoolProfile: { step: 'review', fields: AGREEMENT_SCHOOL_PROFILE_FIELDS },
  create: {
    roles: ['student'],
    entry: { from: 'form', links: { mode: 'offline' } },
    step: 'offline',
    state: 'college_review',
    label: '录入线下协议书',
    async link({ db, actor, body }) {
      if (body.mode !== 'offline')
        throw invalid('学生只能录入线下协议书（mode: "offline"）', [{ path: 'mode', code: 'code', message: '必须为 offline' }]);
      const student = await findStudent(db, actor.studentId ?? '');
      if (!student) throw forbidden();
      if (student.sourceState !== 'approved') {
        throw invalid('您的生源信息尚未“省级通过”，暂不能签约', [], 'student_not_approved');
      }
      if (await activeAgreementOf(db, student.id)) throw conflict('您已有生效的协议书，需先解约才能再次签约', 'active_agreement');
      const prefill = await studentPrefill(db, student);
      return {
        studentId: student.id,
        schoolId: student.schoolId,
        collegeId: student.collegeId,
        employerId: null,
        cohort: student.cohort,
        mode: 'offline',
        prefill,
      };
    },
    // 预览确认: the student saw the agreement with its number (POST /api/agreements/preview) and confirmed it
    async effects(ctx: TransitionContext) {
      const owner = { studentId: ctx.record.studentId ?? '', schoolId: ctx.record.schoolId ?? '', cohort: ctx.record.cohort ?? 0 };
      return previewedNumberWrites(ctx.db, ctx.record.id, owner, ctx.data);
    },
  },
  // written by other records: accepting an invitation, an agreed amendment, a completed termination
  events: [
    { action: 'create', label: '学生接受邀约', when: isOnline },
    { action: 'amend', label: '学生同意单位修改，重新审核' },
    { action: 'terminate', label: '解约完成' },
  ],
  transitions: [
    // 线下签约: while no reviewer has acted the student may change it directly (线下签约协议书修改: until reviewed, the student edits it).
    { action: 'edit', label: '修改协议书', from: ['college_review'], by: ['student'], step: 'offline', when: isOffline },
    {
      action: 'resubmit',
      label: '修改后重新提交',
      from: ['returned'],
      to: 'college_review',
      by: ['student'],
      step: 'offline',
      when: isOffline,
      style: 'primary',
      confirm: '确认已按退回意见修改并重新提交学院审核？',
    },
    { action: 'approve', label: '学院审核通过', from: ['college_review'], to: 'school_review', by: ['college'], style: 'primary' },
    {
      action: 'reject',
      label: '退回',
      from: ['college_review'],
      to: 'rejected',
      by: ['college'],
      needsReason: true,
      style: 'danger',
      when: isOnline,
    },
    {
      action: 'reject',
      label: '退回学生修改',
      from: ['college_review'],
      to: 'returned',
      by: ['college'],
      needsReason: true,
      style: 'danger',
      when: isOffline,
    },
    {
      action: 'approve',
      label: '学校审核通过',
      from: ['school_review'],
      to: 'approved',
      by: ['school'],
      step: 'review',
      style: 'primary',
      // the dispatch record as before, and the graduate's 毕业去向登记 becomes 10 with this employer;
      effects: async (ctx) => [
        ...(await openDispatch(ctx)),
        ...(await registerSignedDestination(ctx)),
        // the student's other open invitations close, and their employers are told
        ...(await closeOtherInvitations(ctx)),
      ],
    },
    {
      action: 'reject',
      label: '退回',
      from: ['school_review'],
      to: 'rejected',
      by: ['school'],
      needsReason: true,
      style: 'danger',
      when: isOnline,
    },
    {
      action: 'reject',
      label: '退回学生修改',
      from: ['school_review'],
      to: 'returned',
      by: ['school'],
      needsReason: true,
      style: 'danger',
      when: isOffline,
    },
  ],
  summary(record, viewer) {
    const d = record.data;
    const student = viewer.role === 'student' ? str(d.name) : `${str(d.name)}（${maskIdNumber(str(d.idNumber))}）`;
    return { title: `${student} — ${str(d.employerName)}`, subtitle: isOnline(record) ? '线上签约' : '线下签约' }; // the number is a column of its own
  },
};
