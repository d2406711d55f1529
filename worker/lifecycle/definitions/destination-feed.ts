/**
 * The agreement path feeds 毕业去向登记 (docs/architecture.md, 毕业去向登记): the school's approval
 * of an agreement registers the graduate's destination as 10 签就业协议形式就业 with the agreement's
 * employer — creating the record, or moving the graduate's own one (待就业, 升学 …) there without
 * retyping — and points it at the agreement (parent_id); its review is the dispatch record's. A
 * completed termination reopens it for the student to register again. The old version stays in the
 * record's audit trail and timeline.
 */
import type { Write } from '../../db/batch';
import { childRecordsOf } from '../../db/child-records';
import type { Db } from '../../db/client';
import { abortUnlessChanged, moveRecordWrite } from '../../db/records';
import { destinationOf } from '../../db/student-records';
import { latestForm } from '../../form-registry/registry';
import { auditWrites } from '../audit';
import { openChildRecord, str, type AgreementApproval, type Author } from './shared';

/** The state a destination written by an approved agreement stands in. */
export const SIGNED = 'agreement';

/** The writes that register the agreement's student as 签就业协议形式就业 (code 10). */
export async function registerSignedDestination(ctx: AgreementApproval): Promise<Write[]> {
  const { db, record: agreement, data: agreementData, actor, now } = ctx;
  const data = { destination: '10', employerName: str(agreementData.employerName), creditCode: str(agreementData.creditCode) };
  const note = '协议书学校审核通过，毕业去向登记为签就业协议形式就业';
  const existing = await destinationOf(db, agreement.studentId ?? '', agreement.cohort ?? 0);
  if (!existing) {
    const form = await latestForm(db, 'destination');
    // a registration racing this insert loses to it on one_destination, or this approval loses (409)
    return openChildRecord(db, agreement, { kind: 'destinations', form, state: SIGNED, data, reason: note }, actor, now);
  }
  return [
    moveRecordWrite(db, existing.id, { version: existing.version, to: SIGNED, set: { data, parentId: agreement.id, mode: null }, now }),
    // the student changed it meanwhile: the approval is refused as stale rather than lose either
    abortUnlessChanged(db),
    ...(await auditWrites(db, {
      recordId: existing.id,
      kind: 'destinations',
      action: 'sign',
      fromState: existing.state,
      toState: SIGNED,
      actor,
      reason: note,
      data,
      at: now,
      head: existing.auditHead,
    })),
  ];
}

/** A completed termination reopens the destination its agreement registered. */
export async function reopenDestinationOf(db: Db, agreementId: string, actor: Author, now: string): Promise<Write[]> {
  const signed = await childRecordsOf(db, agreementId, 'destinations', { in: [SIGNED] });
  const out: Write[] = [];
  for (const d of signed) {
    out.push(
      moveRecordWrite(db, d.id, { from: [SIGNED], to: 'reopened', now }),
      ...(await auditWrites(db, {
        recordId: d.id,
        kind: 'destinations',
        action: 'terminate',
        fromState: SIGNED,
        toState: 'reopened',
        actor,
        reason: '协议书已解约，请重新登记毕业去向',
        data: d.data,
        at: now,
        head: d.auditHead,
      })),
    );
  }
  return out;
}
