/**
 * The one call the write of a transition or a creation makes (docs/architecture.md, notifications):
 * the statements that notify whoever the rules name, appended to that write's own D1 batch.
 */
import type { Actor } from '../../auth/actor';
import type { Write } from '../../db/batch';
import type { Db } from '../../db/client';
import { notificationWrites, type AudienceOf } from '../../db/notifications';
import type { RecordRow } from '../../db/schema';
import { newId } from '../../lib/encoding';
import { render, valuesOf } from './render';
import { rulesFor, type Audience, type NotifyRule } from './rules';

/** What happened to the record: the action, the states it left and reached, why, when, by whom. */
export interface RecordEvent {
  action: string;
  /** the timeline's name of the step (学院审核通过) */
  label: string;
  from: string | null;
  to: string;
  /** the record as the batch writes it (its data after the step) */
  record: Pick<RecordRow, 'id' | 'kind' | 'data' | 'studentId' | 'employerId' | 'schoolId' | 'collegeId' | 'deadline' | 'number'>;
  actor: Pick<Actor, 'accountId' | 'displayName'>;
  reason: string | null;
  now: string;
}

export function audienceOf(record: RecordEvent['record'], recipients: readonly Audience[], except: string | null): AudienceOf {
  return {
    studentId: recipients.includes('student') ? record.studentId : null,
    employerId: recipients.includes('employer') ? record.employerId : null,
    schoolId: record.schoolId,
    collegeId: record.collegeId,
    collegeReviewers: recipients.includes('college'),
    schoolReviewers: recipients.includes('school'),
    center: recipients.includes('center'),
    except,
  };
}

/** The writes of one rule for one event (also used for records closed by another's effect). */
export function ruleWrites(db: Db, rule: NotifyRule, e: RecordEvent): Write[] {
  const values = valuesOf(e.record, { reason: e.reason, step: e.label, actor: e.actor.displayName });
  return notificationWrites(
    db,
    {
      eventId: newId(),
      category: rule.category,
      event: `${rule.kind}.${rule.action}`,
      title: render(rule.title, values),
      body: render(rule.body, values),
      recordKind: e.record.kind,
      recordId: e.record.id,
      now: e.now,
    },
    audienceOf(e.record, rule.recipients, e.actor.accountId),
  );
}

/** Every notification the rules attach to this event, as statements for the event's own batch. */
export function notificationStatements(db: Db, e: RecordEvent): Write[] {
  return rulesFor(e.record.kind, e.action, e.from, e.to).flatMap((rule) => ruleWrites(db, rule, e));
}
