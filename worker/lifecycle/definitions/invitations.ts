/**
 * 职位邀约 (docs/architecture.md, the lifecycles): the employer adds an approved student to its pending list (draft), fills
 * the invitation, sends it; the student accepts (which creates the online agreement) or rejects;
 * the employer may edit or withdraw it before an answer; past its deadline it lapses (已逾期).
 */
import { maskIdNumber } from '../../../forms/engine';
import { numberAgreement } from '../../db/agreement-numbers';
import { insertRecord } from '../../db/records';
import { findStudentRecord } from '../../db/student-records';
import { findEmployer, findSchool, findStudent } from '../../db/students';
import { badRequest, conflict, forbidden, invalid } from '../../http/errors';
import { addDays, beijingToday } from '../../lib/dates';
import { newId } from '../../lib/encoding';
import { auditWrites, NEW_RECORD } from '../audit';
import type { Lifecycle, TransitionContext } from '../types';
import { AGREEMENT_COMPANY_FIELDS } from '../company-fields';
import { activeAgreementOf, str, studentPrefill } from './shared';
import { ADMIN_SEES_MASKED } from '../disclosure';

export const DEFAULT_ANSWER_DAYS = 5;

async function refuseIfSigned(ctx: Pick<TransitionContext, 'db'>, studentId: string | null) {
  if (studentId && (await activeAgreementOf(ctx.db, studentId))) {
    throw conflict('该学生已有生效的协议书，需先解约才能再次签约', 'active_agreement');
  }
}

function refuseIfLapsed(ctx: TransitionContext): Promise<void> {
  const deadline = str(ctx.data.deadline);
  if (deadline && deadline < beijingToday())
    return Promise.reject(invalid('应约截止日期不能早于今天', [{ path: 'deadline', code: 'min', message: '不能早于今天' }]));
  return Promise.resolve();
}

/** 应约: the agreement is born from the invitation as the student saw it, numbered, in 待学院审核. */
async function createAgreement(ctx: TransitionContext) {
  const { db, record, actor, now } = ctx;
  const school = await findSchool(db, record.schoolId ?? '');
  const agreementId = newId();
  const agreement = {
    id: agreementId,
    kind: 'agreements',
    state: 'college_review',
    version: 1,
    data: ctx.data,
    formKey: record.formKey,
    formVersion: record.formVersion,
    studentId: record.studentId,
    schoolId: record.schoolId,
    collegeId: record.collegeId,
    employerId: record.employerId,
    cohort: record.cohort,
    parentId: record.id,
    mode: 'online',
    number: null,
    deadline: null,
    createdBy: actor.accountId,
    createdAt: now,
    updatedAt: now,
  };
  return [
    insertRecord(db, agreement),
    ...numberAgreement(db, agreementId, school?.code ?? '00000', record.cohort ?? 0),
    ...(await auditWrites(db, {
      recordId: agreementId,
      kind: 'agreements',
      action: 'create',
      fromState: null,
      toState: 'college_review',
      actor,
      reason: '学生应约，生成协议书',
      data: ctx.data,
      at: now,
      head: NEW_RECORD,
    })),
  ];
}

const NOT_VERIFIED = '单位信息尚未通过就业中心审核，暂不能发起邀约';

export const invitations: Lifecycle = {
  kind: 'invitations',
  label: '职位邀约',
  form: 'agreement',
  // common reasons offered when rejecting (退回/驳回); the admin may replace the list (reason_lists)
  reasons: ['已与其他单位签约', '岗位与本人意向不符', '薪酬待遇不合适', '工作地点不合适', '继续升学深造'],
  readers: ['student', 'employer', 'college', 'school', 'admin'],
  states: {
    draft: { label: '待签约名单', tone: 'neutral', visibleTo: ['employer', 'admin'] },
    sent: { label: '待应约', tone: 'wait' },
    accepted: {
      label: '已应约',
      tone: 'ok',
      next: '学生已应约，协议书已生成并进入学院审核。',
    },
    rejected: {
      label: '已拒绝',
      tone: 'bad',
      next: '学生已拒绝本邀约。单位可以向其他学生发起邀约。',
    },
    expired: {
      label: '已逾期',
      tone: 'neutral',
      next: '已过应约截止日期，邀约失效。单位可以重新发起邀约。',
    },
    withdrawn: {
      label: '已撤回',
      tone: 'neutral',
      next: '单位已撤回本邀约。',
    },
    // closed by the school's approval of the student's agreement elsewhere (close-other-invitations.ts)
    closed: {
      label: '学生已与其他单位签约',
      tone: 'neutral',
      next: '学生与其他单位的协议书已生效，本邀约已自动关闭。',
    },
  },
  events: [{ action: 'close', label: '学生已与其他单位签约，邀约自动关闭' }],
  // Until the student accepts, the employer knows the student only as the lookup showed them; the
  // agreement made on acceptance carries the full values.
  disclosure: [
    ADMIN_SEES_MASKED,
    { roles: ['employer'], states: 'every', fields: { idNumber: 'masked', mobile: 'masked', email: 'masked' } },
  ],
  fromEmployer: AGREEMENT_COMPANY_FIELDS,
  create: {
    roles: ['employer'],
    entry: { from: 'lookup' },
    ready(actor) {
      if (!actor.employerVerified) throw forbidden(NOT_VERIFIED);
    },
    step: 'invite',
    state: 'draft',
    draft: true,
    label: '加入待签约名单',
    async link({ db, actor, body }) {
      const studentId = typeof body.studentId === 'string' ? body.studentId : '';
      if (!studentId) throw badRequest('missing_field', '请选择学生', [{ path: 'studentId', code: 'required', message: '必填' }]);
      const employer = await findEmployer(db, actor.employerId ?? '');
      if (!employer) throw forbidden();
      if (!employer.verified) throw forbidden(NOT_VERIFIED);
      const student = await findStudent(db, studentId);
      if (!student || student.sourceState !== 'approved') {
        throw invalid(
          '该学生的生源信息尚未“省级通过”，不能签约',
          [{ path: 'studentId', code: 'not_approved', message: '生源信息未省级通过' }],
          'student_not_approved',
        );
      }
      await refuseIfSigned({ db }, student.id);
      const open = await findStudentRecord(db, {
        studentId: student.id,
        kind: 'invitations',
        employerId: employer.id,
        states: ['draft', 'sent'],
      });
      if (open) throw conflict('已向该学生发起过邀约，请在待签约名单或待应约中查看', 'duplicate');
      const prefill = await studentPrefill(db, student);
      Object.assign(prefill, {
        employerName: employer.name,
        creditCode: employer.creditCode,
        unitNature: employer.unitNature,
        industry: employer.industry,
        employerRegion: employer.region,
        employerAddress: employer.address ?? undefined,
        contactName: employer.contactName ?? undefined,
        contactPhone: employer.contactPhone ?? undefined,
        deadline: addDays(beijingToday(), DEFAULT_ANSWER_DAYS),
      });
      return {
        studentId: student.id,
        schoolId: student.schoolId,
        collegeId: student.collegeId,
        employerId: employer.id,
        cohort: student.cohort,
        prefill,
      };
    },
  },
  transitions: [
    { action: 'save', label: '保存', from: ['draft'], by: ['employer'], step: 'invite', draft: true },
    {
      action: 'send',
      label: '发送邀约',
      from: ['draft'],
      to: 'sent',
      by: ['employer'],
      step: 'invite',
      style: 'primary',
      confirm: '请确认邀约内容无误。发送后学生将收到邀约，在应约前您仍可修改或撤回。',
      guard: refuseIfLapsed,
    },
    { action: 'edit', label: '修改邀约', from: ['sent'], by: ['employer'], step: 'invite', guard: refuseIfLapsed },
    {
      action: 'withdraw',
      label: '撤回邀约',
      from: ['draft', 'sent'],
      to: 'withdrawn',
      by: ['employer'],
      style: 'danger',
      confirm: '确定撤回该邀约？',
    },
    {
      action: 'accept',
      label: '接受邀约',
      from: ['sent'],
      to: 'accepted',
      by: ['student'],
      step: 'accept',
      style: 'primary',
      confirm: '请再次核对职位、薪酬和违约金等条款。接受后将生成就业协议书并提交学院审核，同一时间只能有一份有效协议。确认接受？',
      guard: (ctx) => refuseIfSigned(ctx, ctx.record.studentId),
      effects: createAgreement,
      creates: 'agreements',
    },
    { action: 'reject', label: '拒绝邀约', from: ['sent'], to: 'rejected', by: ['student'], needsReason: true, style: 'danger' },
  ],
  derive: (data) => ({ deadline: typeof data.deadline === 'string' ? data.deadline : null }),
  lapse: {
    from: ['sent'],
    to: 'expired',
    action: 'expire',
    label: '逾期未应约',
    when: (record, today) => record.deadline !== null && record.deadline < today,
  },
  summary(record, viewer) {
    const d = record.data;
    const who = viewer.role === 'student' ? str(d.employerName) : `${str(d.name)}（${maskIdNumber(str(d.idNumber))}）`;
    return { title: `${who} · ${str(d.jobTitle) || '职位邀约'}`, subtitle: `应约截止 ${record.deadline ?? '—'}` };
  },
};
