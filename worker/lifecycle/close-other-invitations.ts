/**
 * What closes on its own says so (docs/architecture.md, the lifecycles): when a student's agreement
 * takes effect (学校审核通过), every other open invitation to that student closes in the same batch
 * — 「学生已与其他单位签约」, a state of the invitation lifecycle — and its employer is told at once
 * instead of waiting for the deadline.
 */
import type { Write } from '../db/batch';
import { moveRecordWrite } from '../db/records';
import { studentRecords } from '../db/student-records';
import { auditWrites } from './audit';
import { ruleWrites } from './notifications/notification-statements';
import { rulesFor } from './notifications/rules';
import type { TransitionContext } from './types';

export const CLOSED_SIGNED_ELSEWHERE = 'closed';
export const CLOSE_ACTION = 'close';
export const CLOSE_LABEL = '学生已与其他单位签约，邀约自动关闭';
const OPEN = ['draft', 'sent'];

export async function closeOtherInvitations(ctx: Pick<TransitionContext, 'db' | 'record' | 'actor' | 'now'>): Promise<Write[]> {
  const { db, record, actor, now } = ctx;
  if (!record.studentId) return [];
  const open = await studentRecords(db, { studentId: record.studentId, kind: 'invitations', states: OPEN });
  const out: Write[] = [];
  for (const inv of open) {
    out.push(
      // guarded by the state read: an invitation the employer changed meanwhile fails the whole approval (409, retry)
      moveRecordWrite(db, inv.id, { from: [inv.state], version: inv.version, to: CLOSED_SIGNED_ELSEWHERE, now }),
      ...(await auditWrites(db, {
        recordId: inv.id,
        kind: 'invitations',
        action: CLOSE_ACTION,
        fromState: inv.state,
        toState: CLOSED_SIGNED_ELSEWHERE,
        actor,
        reason: CLOSE_LABEL,
        data: inv.data,
        at: now,
        head: inv.auditHead,
      })),
      ...rulesFor('invitations', CLOSE_ACTION, inv.state, CLOSED_SIGNED_ELSEWHERE).flatMap((rule) =>
        ruleWrites(db, rule, {
          action: CLOSE_ACTION,
          label: CLOSE_LABEL,
          from: inv.state,
          to: CLOSED_SIGNED_ELSEWHERE,
          record: inv,
          actor,
          reason: null,
          now,
        }),
      ),
    );
  }
  return out;
}
