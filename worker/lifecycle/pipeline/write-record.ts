/**
 * The write every create and transition ends with (docs/architecture.md, how a transition works):
 * the domain guard, then the record's own writes (its row and audit event), the files its form
 * names, the effects and the notifications, committed in one batch that reads the record and its timeline back.
 */
import type { Write } from '../../db/batch';
import { carryNotification } from '../../db/notifications';
import { recordWithTimelineRead, type RecordWithTimeline } from '../../db/records';
import type { FormDefinition } from '../../../forms/engine/types';
import { enqueueNotified, sendFromRequest } from '../notifications/enqueue-notified';
import { notificationsOn } from '../notifications/notifications-switch';
import { recordFileWrites } from '../record-files';
import type { Deps, TransitionContext } from '../types';
import { commitWrites, type BatchConflicts } from './commit-writes';

export interface RecordWrite {
  /** the record as before the write (a new one as it will be inserted) and the data to write */
  ctx: TransitionContext;
  /** checks beyond actor, scope, state and version; throws an AppError to refuse before anything is written */
  guard?: (ctx: TransitionContext) => Promise<void>;
  /** the record's row and its audit event, built once the guard passed */
  writes: () => Promise<Write[]>;
  /** the form whose file fields the data may name (null: the write submits no form) */
  form: FormDefinition | null;
  /** further writes that commit atomically with the record's */
  effects?: (ctx: TransitionContext) => Promise<Write[]>;
  /** who is told (消息中心, outbox): written in the same batch, so a write that fails tells no one;
   *  not built at all while the operator has switched notifications off (`NOTIFICATIONS = "off"`) */
  notifications?: () => Write[];
  conflicts: BatchConflicts;
}

/** The record and its timeline as the batch left them; undefined when the record is gone. */
export async function writeRecord(deps: Deps, w: RecordWrite): Promise<RecordWithTimeline | undefined> {
  const { ctx } = w;
  await w.guard?.(ctx);
  const files = w.form ? await recordFileWrites(deps, w.form, ctx.data, ctx.record.id) : [];
  // the audit event's insert carries the first notification: a notifying write runs no more statements than a silent one
  const notified = carryNotification(await w.writes(), notificationsOn(deps.env) ? (w.notifications?.() ?? []) : []);
  const statements = [...notified.writes, ...files, ...((await w.effects?.(ctx)) ?? []), ...notified.rest];
  const written = await commitWrites(deps.db, statements, recordWithTimelineRead(deps.db, ctx.record.id), w.conflicts);
  // committed: the e-mail and SMS of its notifications go to the queue after the answer
  if (deps.waitUntil && sendFromRequest(deps.env)) deps.waitUntil(enqueueNotified(deps.env.NOTIFY_QUEUE, statements));
  return written;
}
