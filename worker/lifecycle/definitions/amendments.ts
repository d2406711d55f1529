/**
 * 协议书修改 (docs/architecture.md, the lifecycles): after the student accepted and before the school approved,
 * the employer proposes a change; if the student agrees, the agreement takes the new terms and its
 * review starts again. After school approval nothing changes: terminate, then sign again.
 */
import { maskIdNumber } from '../../../forms/engine';
import { findRecord } from '../../db/records';
import type { RecordRow } from '../../db/schema';
import { conflict, notFound } from '../../http/errors';
import type { Lifecycle, TransitionContext } from '../types';
import { AGREEMENT_COMPANY_FIELDS } from '../company-fields';
import { ADMIN_SEES_MASKED } from '../disclosure';
import { agreementIdOf, agreementLinks, hasOpenChild, moveAgreement, ownAgreement, str } from './shared';

const AMENDABLE = ['college_review', 'school_review'];

/** Only an online agreement still under review takes an amendment. */
function assertAmendable(agreement: RecordRow) {
  if (agreement.mode !== 'online') throw conflict('线下协议书由学生直接修改，不走单位修改流程', 'invalid_state');
  if (!AMENDABLE.includes(agreement.state))
    throw conflict('学校已审核（或协议已结束）的协议书不能修改，请先解约再重新签约', 'invalid_state');
  return agreement;
}

async function amendableAgreement(ctx: Pick<TransitionContext, 'db'>, agreementId: string) {
  const agreement = await findRecord(ctx.db, agreementId);
  if (!agreement || agreement.kind !== 'agreements') throw notFound('协议书不存在');
  return assertAmendable(agreement);
}

/** The agreed terms replace the agreement's and send it back to 待学院审核, in the same batch. */
async function applyAmendment(ctx: TransitionContext) {
  const { db, record, actor, now } = ctx;
  const agreement = await amendableAgreement(ctx, record.parentId ?? '');
  return moveAgreement(
    db,
    agreement,
    { from: AMENDABLE, to: 'college_review', action: 'amend', reason: '学生同意单位的修改，协议书重新进入审核', data: record.data },
    actor,
    now,
  );
}

export const amendments: Lifecycle = {
  kind: 'amendments',
  label: '协议书修改',
  form: 'agreement',
  readers: ['student', 'employer', 'college', 'school', 'admin'],
  states: {
    proposed: { label: '待学生确认', tone: 'wait' },
    agreed: {
      label: '学生已同意',
      tone: 'ok',
      next: '学生已同意，协议书已按修改后的内容重新提交学院审核。',
    },
    declined: {
      label: '学生不同意',
      tone: 'bad',
      next: '学生不同意修改，协议书保持原内容。',
    },
    withdrawn: {
      label: '单位已撤回',
      tone: 'neutral',
      next: '单位已撤回本次修改，协议书保持原内容。',
    },
  },
  disclosure: [ADMIN_SEES_MASKED],
  fromEmployer: AGREEMENT_COMPANY_FIELDS,
  create: {
    roles: ['employer'],
    entry: { from: 'record' },
    offeredOn: { kind: 'agreements', label: '提出协议修改', param: 'agreementId' },
    step: 'invite',
    state: 'proposed',
    label: '单位提出修改',
    async link({ db, actor, body, from }) {
      const agreementId = agreementIdOf(body, '请指定要修改的协议书');
      // another employer's agreement is not there at all, whatever its state
      const agreement = assertAmendable(await ownAgreement(db, actor, agreementId, from));
      if (await hasOpenChild(db, agreement.id, 'amendments', ['proposed'], from))
        throw conflict('该协议书已有待学生确认的修改', 'duplicate');
      return { ...agreementLinks(agreement), prefill: agreement.data };
    },
  },
  transitions: [
    {
      action: 'agree',
      label: '同意修改',
      from: ['proposed'],
      to: 'agreed',
      by: ['student'],
      style: 'primary',
      confirm: '同意后协议书将按修改后的内容重新提交学院审核。确认同意？',
      effects: applyAmendment,
    },
    { action: 'decline', label: '不同意', from: ['proposed'], to: 'declined', by: ['student'], needsReason: true, style: 'danger' },
    {
      action: 'withdraw',
      label: '撤回修改',
      from: ['proposed'],
      to: 'withdrawn',
      by: ['employer'],
      style: 'danger',
      confirm: '确定撤回该修改？',
    },
  ],
  summary(record, viewer) {
    const d = record.data;
    const who = viewer.role === 'student' ? str(d.employerName) : `${str(d.name)}（${maskIdNumber(str(d.idNumber))}）`;
    return { title: `${who} · 协议书修改`, subtitle: str(d.jobTitle) };
  },
};
