/**
 * 去向跟进: the counsellor's list of their graduates by 毕业去向登记 state (未登记 and 待就业 first,
 * filterable by major) and the short follow-up note they keep per student (who, when, what).
 */
import { codeLabel } from '../../../forms/engine';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import {
  FOLLOW_UP_PAGE,
  followUpCounts,
  followUpMajors,
  followUpRows,
  insertNote,
  studentInScope,
  type FollowUpScope,
} from '../../db/destination-follow-up';
import { forbidden, invalid, notFound } from '../../http/errors';
import { newId } from '../../lib/encoding';
import { lifecycleOf } from '../../lifecycle/registry';
import type { Unchecked } from '../../middleware/contract-body';
import type { FollowUpNoteBodySchema } from '../../../contract/destinations';
import type * as v from 'valibot';

export const NOTE_MAX = 200;

export function followUpScope(actor: Actor): FollowUpScope {
  if (actor.role === 'college' && actor.schoolId && actor.collegeId) return { schoolId: actor.schoolId, collegeId: actor.collegeId };
  if (actor.role === 'school' && actor.schoolId) return { schoolId: actor.schoolId, collegeId: null };
  throw forbidden();
}

/** What the list says of a graduate's destination: 未登记, 待就业, or the record's state. */
function statusOf(state: string | null, destination: string | null): { status: string; statusLabel: string } {
  if (!state) return { status: 'unregistered', statusLabel: '未登记' };
  const label = lifecycleOf('destinations').states[state]?.label ?? state;
  if (destination === '70' && state === 'registered') return { status: 'waiting', statusLabel: '待就业' };
  return { status: state, statusLabel: label };
}

export async function followUpList(db: Db, actor: Actor, query: { major?: string; page?: number }) {
  const scope = followUpScope(actor);
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const [rows, majors, counts] = await Promise.all([
    followUpRows(db, scope, { major: query.major, offset: (page - 1) * FOLLOW_UP_PAGE }),
    followUpMajors(db, scope),
    followUpCounts(db, scope, { major: query.major }),
  ]);
  return {
    majors,
    // over the whole scope (and major), every page
    counts,
    page,
    hasMore: rows.length > FOLLOW_UP_PAGE,
    items: rows.slice(0, FOLLOW_UP_PAGE).map((r) => ({
      studentId: r.studentId,
      name: r.name,
      studentNo: r.studentNo,
      major: r.major,
      cohort: r.cohort,
      recordId: r.recordId,
      destination: r.destination,
      destinationLabel: r.destination ? codeLabel(null, 'destination', r.destination) : null,
      ...statusOf(r.state, r.destination),
      note: r.noteText ? { text: r.noteText, by: r.noteAuthor, at: r.noteAt } : null,
    })),
  };
}

/** `given` is the request body, read only once the student is known to be in scope. */
export async function addFollowUpNote(
  db: Db,
  actor: Actor,
  studentId: string,
  given: PromiseLike<Unchecked<v.InferOutput<typeof FollowUpNoteBodySchema>>>,
) {
  const scope = followUpScope(actor);
  // someone else's student is not there at all, before anything about the note is said
  if (!(await studentInScope(db, scope, studentId))) throw notFound('学生不存在或不在您的范围内');
  const body = await given;
  const text = typeof body.text === 'string' ? body.text.trim() : '';
  if (!text || Array.from(text).length > NOTE_MAX) {
    throw invalid(
      '跟进记录未保存',
      [{ path: 'text', code: text ? 'maxLength' : 'required', message: text ? `不超过 ${NOTE_MAX} 字` : '请填写跟进情况' }],
      'validation',
    );
  }
  const note = { id: newId(), studentId, authorId: actor.accountId, authorName: actor.displayName, text, at: new Date().toISOString() };
  await insertNote(db, note);
  return { text: note.text, by: note.authorName, at: note.at };
}
