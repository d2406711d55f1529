/**
 * 签约解除 / 解约 (docs/architecture.md, the lifecycles). Online: the student or the employer applies with the termination
 * form, the other party consents (or declines), then 学院 → 学校 → completed. Offline: the student
 * applies with a scan of the 解约函, then 学院 → 学校 → completed. Completion terminates the
 * agreement (the student may sign again) and voids its dispatch record; a reviewer's reject leaves
 * the agreement as it was.
 */
import { maskIdNumber } from '../../../forms/engine';
import type { Actor } from '../../auth/actor';
import { findRecord } from '../../db/records';
import type { RecordRow } from '../../db/schema';
import { conflict, forbidden, notFound } from '../../http/errors';
import type { Lifecycle, TransitionContext } from '../types';
import { voidDispatchesOf } from './dispatches';
import { reopenDestinationOf } from './destination-feed';
import { ADMIN_SEES_MASKED } from '../disclosure';
import { agreementIdOf, agreementLinks, hasOpenChild, moveAgreement, ownAgreement, str } from './shared';

const TERMINABLE = ['college_review', 'school_review', 'approved'];
export const OPEN_TERMINATION_STATES = ['consent_pending', 'college_review', 'school_review'];

const isOffline = (r: RecordRow) => r.data.mode === 'offline';
const isOnline = (r: RecordRow) => r.data.mode === 'online';
/** The consenting party is whichever of student and employer did not apply. */
const otherParty = (r: RecordRow, actor: Actor) => isOnline(r) && r.data.initiator !== actor.role;

async function terminateAgreement(ctx: TransitionContext) {
  const { db, record, actor, now } = ctx;
  const agreement = await findRecord(db, record.parentId ?? '');
  if (!agreement || agreement.kind !== 'agreements') throw notFound('协议书不存在');
  return [
    ...(await moveAgreement(
      db,
      agreement,
      { from: TERMINABLE, to: 'terminated', action: 'terminate', reason: '解约审核通过，恢复学生网签资格' },
      actor,
      now,
    )),
    ...(await voidDispatchesOf(db, agreement.id, actor, '协议书已解约', now)),
    ...(await reopenDestinationOf(db, agreement.id, actor, now)),
  ];
}

export const terminations: Lifecycle = {
  kind: 'terminations',
  label: '解约申请',
  form: 'termination',
  // common reasons offered when rejecting (退回/驳回); the admin may replace the list (reason_lists)
  reasons: ['解约函缺失或不清晰', '解约原因说明不充分', '缺少对方同意解约的证明', '违约责任约定不明确'],
  readers: ['student', 'employer', 'college', 'school', 'admin'],
  states: {
    consent_pending: { label: '待对方同意', tone: 'wait' },
    declined: {
      label: '对方不同意',
      tone: 'bad',
      next: '对方不同意解约，协议书继续有效。如仍需解约，请与对方协商后重新申请。',
    },
    college_review: { label: '待学院审核', tone: 'wait' },
    school_review: { label: '待学校审核', tone: 'wait' },
    completed: {
      label: '解约完成',
      tone: 'ok',
      next: '解约完成，学生恢复网签资格，可以重新签约。',
    },
    rejected: {
      label: '审核未通过',
      tone: 'bad',
      next: '解约申请未通过审核，协议书继续有效。',
    },
  },
  disclosure: [ADMIN_SEES_MASKED],
  create: {
    roles: ['student', 'employer'],
    entry: { from: 'record' },
    offeredOn: { kind: 'agreements', label: '申请解约', param: 'agreementId' },
    step: 'apply',
    state: 'consent_pending',
    label: '申请解约',
    async link({ db, actor, body, from }) {
      const agreementId = agreementIdOf(body, '请指定要解约的协议书');
      // someone else's agreement is not there at all, whatever its state
      const agreement = await ownAgreement(db, actor, agreementId, from);
      if (agreement.mode === 'offline' && actor.role !== 'student') throw forbidden('线下协议书由学生上传解约函申请解约');
      if (!TERMINABLE.includes(agreement.state)) throw conflict('该协议书当前不能解约', 'invalid_state');
      if (await hasOpenChild(db, agreement.id, 'terminations', OPEN_TERMINATION_STATES, from))
        throw conflict('该协议书已有正在办理的解约申请', 'duplicate');
      const mode = agreement.mode === 'offline' ? 'offline' : 'online';
      return {
        ...agreementLinks(agreement),
        // 线下解约 goes straight to the college: there is no other party online to consent.
        initialState: mode === 'offline' ? 'college_review' : 'consent_pending',
        prefill: {
          agreementNo: agreement.number ?? '',
          mode,
          initiator: actor.role,
          name: str(agreement.data.name),
          employerName: str(agreement.data.employerName),
        },
      };
    },
  },
  transitions: [
    {
      action: 'consent',
      label: '同意解约',
      from: ['consent_pending'],
      to: 'college_review',
      by: ['student', 'employer'],
      step: 'consent',
      when: otherParty,
      style: 'primary',
      confirm: '同意后解约申请将提交学院审核。确认同意解约？',
    },
    {
      action: 'decline',
      label: '不同意解约',
      from: ['consent_pending'],
      to: 'declined',
      by: ['student', 'employer'],
      needsReason: true,
      when: otherParty,
      style: 'danger',
    },
    {
      action: 'approve',
      label: '学院审核通过',
      from: ['college_review'],
      to: 'school_review',
      by: ['college'],
      step: 'review',
      style: 'primary',
    },
    { action: 'reject', label: '驳回', from: ['college_review'], to: 'rejected', by: ['college'], needsReason: true, style: 'danger' },
    {
      action: 'approve',
      label: '学校审核通过（解约完成）',
      from: ['school_review'],
      to: 'completed',
      by: ['school'],
      step: 'review',
      style: 'primary',
      effects: terminateAgreement,
      confirm: '审核通过后协议书将解除，学生恢复网签资格，派遣信息作废。确认？',
    },
    { action: 'reject', label: '驳回', from: ['school_review'], to: 'rejected', by: ['school'], needsReason: true, style: 'danger' },
  ],
  summary(record, viewer, student) {
    const d = record.data;
    const who =
      viewer.role === 'student'
        ? str(d.employerName)
        : `${student?.name ?? str(d.name)}${student ? `（${maskIdNumber(student.idNumber)}）` : ''}`;
    return { title: `${who} · 解约`, subtitle: `${str(d.agreementNo)} · ${isOffline(record) ? '线下' : '线上'}` };
  },
};
