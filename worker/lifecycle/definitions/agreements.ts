/**
 * 协议书 (DESIGN §3.3). Online agreements are born from an accepted invitation; offline ones are
 * entered by the student (线下签约). Both go 待学院审核 → 待学校审核 → 学校审核通过. A reject ends an
 * online agreement (the employer may invite again) but returns an offline one to the student.
 */
import { maskIdNumber } from '../../../forms/engine';
import type { RecordRow } from '../../db/schema';
import { findSchool, findStudent } from '../../db/students';
import { conflict, forbidden, invalid } from '../../http/errors';
import type { Lifecycle, TransitionContext } from '../types';
import { activeAgreementOf, numberAgreement, str, studentPrefill } from './shared';
import { openDispatch } from './dispatches';
import { AGREEMENT_COMPANY_FIELDS } from '../company-fields';
import { ADMIN_SEES_MASKED } from '../disclosure';

const isOnline = (r: RecordRow) => r.mode === 'online';
const isOffline = (r: RecordRow) => r.mode === 'offline';

export const agreements: Lifecycle = {
  kind: 'agreements',
  label: '就业协议书',
  form: 'agreement',
  readers: ['student', 'employer', 'college', 'school', 'center', 'admin'],
  states: {
    college_review: { label: '待学院审核', tone: 'wait' },
    school_review: { label: '待学校审核', tone: 'wait' },
    approved: { label: '学校审核通过', tone: 'ok' },
    rejected: { label: '审核未通过', tone: 'bad' },
    returned: { label: '退回修改', tone: 'bad' },
    terminated: { label: '已解约', tone: 'bad' },
  },
  disclosure: [ADMIN_SEES_MASKED],
  // online agreements have an employer; an offline one's company is as the student typed it from paper
  fromEmployer: AGREEMENT_COMPANY_FIELDS,
  create: {
    roles: ['student'],
    step: 'offline',
    state: 'college_review',
    label: '录入线下协议书',
    async link({ db, actor, body }) {
      if (body.mode !== 'offline') throw invalid('学生只能录入线下协议书（mode: "offline"）', [{ path: 'mode', code: 'code', message: '必须为 offline' }]);
      const student = await findStudent(db, actor.studentId ?? '');
      if (!student) throw forbidden();
      if (student.sourceState !== 'approved') {
        throw invalid('您的生源信息尚未“省级通过”，暂不能签约', [], 'student_not_approved');
      }
      if (await activeAgreementOf(db, student.id)) throw conflict('您已有生效的协议书，需先解约才能再次签约', 'active_agreement');
      const prefill = await studentPrefill(db, student);
      return { studentId: student.id, schoolId: student.schoolId, collegeId: student.collegeId, employerId: null, cohort: student.cohort, mode: 'offline', prefill };
    },
    async effects(ctx: TransitionContext) {
      const school = await findSchool(ctx.db, ctx.record.schoolId ?? '');
      return numberAgreement(ctx.db, ctx.record.id, school?.code ?? '00000', ctx.record.cohort ?? 0);
    },
  },
  transitions: [
    // 线下签约: while no reviewer has acted the student may change it directly (seed §六.2).
    { action: 'edit', label: '修改协议书', from: ['college_review'], by: ['student'], step: 'offline', when: isOffline },
    { action: 'resubmit', label: '修改后重新提交', from: ['returned'], to: 'college_review', by: ['student'], step: 'offline', when: isOffline, style: 'primary', confirm: '确认已按退回意见修改并重新提交学院审核？' },
    { action: 'approve', label: '学院审核通过', from: ['college_review'], to: 'school_review', by: ['college'], style: 'primary' },
    { action: 'reject', label: '退回', from: ['college_review'], to: 'rejected', by: ['college'], needsReason: true, style: 'danger', when: isOnline },
    { action: 'reject', label: '退回学生修改', from: ['college_review'], to: 'returned', by: ['college'], needsReason: true, style: 'danger', when: isOffline },
    {
      action: 'approve', label: '学校审核通过', from: ['school_review'], to: 'approved', by: ['school'], step: 'review', style: 'primary',
      effects: (ctx) => openDispatch(ctx.db, ctx.record, ctx.data, ctx.actor, ctx.now),
    },
    { action: 'reject', label: '退回', from: ['school_review'], to: 'rejected', by: ['school'], needsReason: true, style: 'danger', when: isOnline },
    { action: 'reject', label: '退回学生修改', from: ['school_review'], to: 'returned', by: ['school'], needsReason: true, style: 'danger', when: isOffline },
  ],
  summary(record, viewer) {
    const d = record.data;
    const student = viewer.role === 'student' ? str(d.name) : `${str(d.name)}（${maskIdNumber(str(d.idNumber))}）`;
    return { title: `${student} — ${str(d.employerName)}`, subtitle: isOnline(record) ? '线上签约' : '线下签约' }; // the number is a column of its own
  },
};

