/**
 * Reminders of the scheduled run (docs/architecture.md, notifications), each written once however
 * often the run comes by (a `dedupe_key` per recipient):
 *  - a student's invitation whose answer deadline ends within 24 hours (`deadline:<invitation>`);
 *  - each reviewer audience (a college's or school's reviewers, the province, the centre) whose
 *    items have waited longer than REVIEW_WAIT_DAYS: one digest a day (`digest:<Beijing date>`),
 *    not one message per item. Which state waits on whom is read from the lifecycle definitions.
 */
import { and, count, eq, inArray, lt, or } from 'drizzle-orm';
import { runBatch, type Write } from '../../db/batch';
import type { Db } from '../../db/client';
import { notificationWrites, type AudienceOf } from '../../db/notifications';
import { records } from '../../db/schema';
import { beijingToday } from '../../lib/dates';
import { newId } from '../../lib/encoding';
import { render, valuesOf } from '../../lifecycle/notifications/render';
import { LIFECYCLES } from '../../lifecycle/registry';
import type { Kind } from '../../lifecycle/types';

export const REVIEW_WAIT_DAYS = 3;
const DAY_MS = 86_400_000;
const REVIEWERS = ['college', 'school', 'province', 'center'] as const;
type Reviewer = (typeof REVIEWERS)[number];

/** The end of an answer deadline (YYYY-MM-DD, end of that day in Beijing) as an instant. */
const deadlineEnd = (deadline: string) => Date.parse(deadline + 'T16:00:00Z');

async function deadlineReminders(db: Db, now: Date): Promise<Write[]> {
  const today = beijingToday(now.getTime());
  const tomorrow = beijingToday(now.getTime() + DAY_MS);
  const due = await db.select().from(records)
    .where(and(eq(records.kind, 'invitations'), eq(records.state, 'sent'), inArray(records.deadline, [today, tomorrow])));
  return due
    .filter((r) => r.deadline && deadlineEnd(r.deadline) > now.getTime() && deadlineEnd(r.deadline) - now.getTime() <= DAY_MS)
    .flatMap((r) => notificationWrites(db, {
      eventId: newId(), category: 'invitation', event: 'reminder.deadline',
      title: '邀约即将到期', body: render('{employer}的职位邀约（{job}）将于 {deadline} 24 时截止应约，请尽快处理。', valuesOf(r, {})),
      recordKind: 'invitations', recordId: r.id, dedupeKey: `deadline:${r.id}`, now: now.toISOString(),
    }, { studentId: r.studentId }));
}

/** Every (kind, state) a reviewer role acts on, from the lifecycle definitions. */
export function waitingStates(): { kind: Kind; state: string; role: Reviewer }[] {
  const out: { kind: Kind; state: string; role: Reviewer }[] = [];
  for (const l of Object.values(LIFECYCLES)) {
    for (const t of l.transitions) {
      // a step that moves the record on (not an in-place correction)
      if (!t.to) continue;
      for (const role of t.by) {
        if (!(REVIEWERS as readonly string[]).includes(role)) continue;
        for (const state of t.from) if (!out.some((o) => o.kind === l.kind && o.state === state && o.role === role)) out.push({ kind: l.kind, state, role: role as Reviewer });
      }
    }
  }
  return out;
}

async function reviewerDigests(db: Db, now: Date): Promise<Write[]> {
  const waiting = waitingStates();
  const before = new Date(now.getTime() - REVIEW_WAIT_DAYS * DAY_MS).toISOString();
  const groups = await db.select({ kind: records.kind, state: records.state, schoolId: records.schoolId, collegeId: records.collegeId, n: count() })
    .from(records)
    .where(and(or(...waiting.map((w) => and(eq(records.kind, w.kind), eq(records.state, w.state)))), lt(records.updatedAt, before)))
    .groupBy(records.kind, records.state, records.schoolId, records.collegeId);
  // per audience: how many of each kind
  const digests = new Map<string, { audience: AudienceOf; counts: Map<string, number> }>();
  for (const g of groups) {
    for (const w of waiting.filter((x) => x.kind === g.kind && x.state === g.state)) {
      const key = w.role === 'college' ? `college:${g.schoolId}:${g.collegeId}` : w.role === 'school' ? `school:${g.schoolId}` : w.role;
      const audience: AudienceOf = w.role === 'college' ? { collegeReviewers: true, schoolId: g.schoolId, collegeId: g.collegeId }
        : w.role === 'school' ? { schoolReviewers: true, schoolId: g.schoolId } : w.role === 'center' ? { center: true } : { province: true };
      const d = digests.get(key) ?? { audience, counts: new Map<string, number>() };
      const label = LIFECYCLES[g.kind as Kind]?.label ?? g.kind;
      d.counts.set(label, (d.counts.get(label) ?? 0) + g.n);
      digests.set(key, d);
    }
  }
  const day = beijingToday(now.getTime());
  return [...digests.values()].flatMap(({ audience, counts }) => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const parts = [...counts].map(([label, n]) => `${label} ${n} 条`).join('、');
    return notificationWrites(db, {
      eventId: newId(), category: 'reminder', event: 'reminder.digest',
      title: `${total} 条事项等待审核超过 ${REVIEW_WAIT_DAYS} 天`, body: `以下事项已等待您审核超过 ${REVIEW_WAIT_DAYS} 天：${parts}。请在待办列表中尽快处理。`,
      recordKind: null, recordId: null, dedupeKey: `digest:${day}`, now: now.toISOString(),
    }, audience);
  });
}

/** The digests go out in the 08:00 hour, Beijing time (four runs of the 15-minute cron; the first writes them). */
export const DIGEST_HOUR = 8;
const beijingHour = (now: Date) => (now.getUTCHours() + 8) % 24;

/** Writes the reminders due at `now` (the scheduled run; tests call it with a fixed time). */
export async function sendReminders(db: Db, now = new Date()): Promise<void> {
  const writes = [...await deadlineReminders(db, now), ...(beijingHour(now) === DIGEST_HOUR ? await reviewerDigests(db, now) : [])];
  // a batch per 50 statements keeps each well inside D1's limits
  for (let i = 0; i < writes.length; i += 50) await runBatch(db, writes.slice(i, i + 50));
}
