/**
 * What the employer changed since the student last saw it. A student accepts only terms they have
 * seen: when an invitation was edited after the student last opened it, the student's next read
 * lists exactly the changed fields (label, before, after); an amendment lists what it would change
 * in the agreement the student signed. The "before" comes from the audit trail (every event keeps
 * the record data it wrote); the server only remembers which event the student last saw.
 */
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { findRecord, type RecordWithTimeline } from '../db/records';
import { markSeen, seenEventOf } from '../db/terms-seen';
import { formAtVersion } from '../form-registry/registry';
import { disclose } from './disclosure';
import { parseSnapshot } from './changes-by-others';
import { changedFields, readableData } from './record-view';
import type { Lifecycle } from './types';

export interface TermsChange {
  key: string;
  label: string;
  before: unknown;
  after: unknown;
}

/** Only the record's own student has a "last seen"; everyone else gets nothing (undefined). */
function ownStudent(actor: Actor, studentId: string | null): string | null {
  return actor.role === 'student' && actor.studentId !== null && actor.studentId === studentId ? actor.studentId : null;
}

/**
 * The changed fields for the student reading `view` (whose data the answer shows as `shownData`),
 * and, for an invitation, record that the student has now seen its latest version.
 */
export async function termsChangesFor(
  db: Db,
  lifecycle: Lifecycle,
  { record, events }: RecordWithTimeline,
  actor: Actor,
  shownData: Record<string, unknown>,
  now: string,
): Promise<TermsChange[] | undefined> {
  const studentId = ownStudent(actor, record.studentId);
  if (!studentId) return undefined;
  const form = await formAtVersion(db, record.formKey, record.formVersion);
  const shown = (values: Record<string, unknown>) =>
    disclose(lifecycle, form.definition, readableData(form.definition, values, actor), actor.role, record.state);
  const diff = (before: Record<string, unknown>) => changedFields(form.definition, shown(before), shownData);

  if (lifecycle.kind === 'amendments') {
    if (record.state !== 'proposed') return [];
    const agreement = record.parentId ? await findRecord(db, record.parentId) : undefined;
    return agreement ? diff(agreement.data) : [];
  }
  if (lifecycle.kind !== 'invitations') return undefined;

  const latest = events.at(-1);
  if (!latest) return [];
  const seenId = await seenEventOf(db, record.id, studentId);
  if (seenId === latest.id) return [];
  const before = parseSnapshot(events.find((e) => e.id === seenId)?.snapshot);
  await markSeen(db, record.id, studentId, latest.id, now);
  return before ? diff(before) : [];
}
