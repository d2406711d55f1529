/**
 * Reminders of the scheduled run (docs/architecture.md, notifications), each written once however
 * often the run comes by (a `dedupe_key` per recipient):
 *  - a student's invitation whose answer deadline ends within 24 hours (`deadline:<invitation>`);
 *  - each reviewer audience (a college's or school's reviewers, the province, the centre) whose
 *    items have waited longer than REVIEW_WAIT_DAYS: one digest a day (`digest:<Beijing date>`),
 *    not one message per item. Which state waits on whom is read from the lifecycle definitions;
 *  - as a cohort's 毕业去向登记 deadline nears (DESTINATION_REMINDER_DAYS beside the rules: 14 and 3
 *    days), each graduate without a registered destination, and each counsellor one digest of how
 *    many of their college's graduates that is (`destination:<cohort>:<days>`), in the daily run.
 */
import { runBatch, type Write } from '../../db/batch';
import type { Db } from '../../db/client';
import { notificationWrites, type AudienceOf } from '../../db/notifications';
import { destinationSettingsOf } from '../../db/destination-settings';
import { unregisteredByCollege, unregisteredGraduatesWrite } from '../../db/destination-reminders';
import { sentInvitationsDueOn, waitingSince } from '../../db/reminder-reads';
import { beijingToday } from '../../lib/dates';
import { newId } from '../../lib/encoding';
import { render, valuesOf } from '../../lifecycle/notifications/render';
import { DESTINATION_REMINDER_DAYS } from '../../lifecycle/notifications/rules';
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
  const due = await sentInvitationsDueOn(db, [today, tomorrow]);
  return due
    .filter((r) => r.deadline && deadlineEnd(r.deadline) > now.getTime() && deadlineEnd(r.deadline) - now.getTime() <= DAY_MS)
    .flatMap((r) =>
      notificationWrites(
        db,
        {
          eventId: newId(),
          category: 'invitation',
          event: 'reminder.deadline',
          title: '邀约即将到期',
          body: render('{employer}的职位邀约（{job}）将于 {deadline} 24 时截止应约，请尽快处理。', valuesOf(r, {})),
          recordKind: 'invitations',
          recordId: r.id,
          dedupeKey: `deadline:${r.id}`,
          now: now.toISOString(),
        },
        { studentId: r.studentId },
      ),
    );
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
        for (const state of t.from)
          if (!out.some((o) => o.kind === l.kind && o.state === state && o.role === role))
            out.push({ kind: l.kind, state, role: role as Reviewer });
      }
    }
  }
  return out;
}

async function reviewerDigests(db: Db, now: Date): Promise<Write[]> {
  const waiting = waitingStates();
  const before = new Date(now.getTime() - REVIEW_WAIT_DAYS * DAY_MS).toISOString();
  const groups = await waitingSince(db, waiting, before);
  // per audience: how many of each kind
  const digests = new Map<string, { audience: AudienceOf; counts: Map<string, number> }>();
  for (const g of groups) {
    for (const w of waiting.filter((x) => x.kind === g.kind && x.state === g.state)) {
      const key = w.role === 'college' ? `college:${g.schoolId}:${g.collegeId}` : w.role === 'school' ? `school:${g.schoolId}` : w.role;
      const audience: AudienceOf =
        w.role === 'college'
          ? { collegeReviewers: true, schoolId: g.schoolId, collegeId: g.collegeId }
          : w.role === 'school'
            ? { schoolReviewers: true, schoolId: g.schoolId }
            : w.role === 'center'
              ? { center: true }
              : { province: true };
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
    return notificationWrites(
      db,
      {
        eventId: newId(),
        category: 'reminder',
        event: 'reminder.digest',
        title: `${total} 条事项等待审核超过 ${REVIEW_WAIT_DAYS} 天`,
        body: `以下事项已等待您审核超过 ${REVIEW_WAIT_DAYS} 天：${parts}。请在待办列表中尽快处理。`,
        recordKind: null,
        recordId: null,
        dedupeKey: `digest:${day}`,
        now: now.toISOString(),
      },
      audience,
    );
  });
}

/**
 * The cohorts whose 毕业去向登记 deadline (the province's setting, else 31 August of the graduation
 * year) is at most 14 days away: the graduates still to register, and one digest per college. A
 * cohort's deadline falls in its graduation year or, set late, the year after: the cohorts of last
 * year, this year and next are all that can be near.
 */
async function destinationDeadlineReminders(db: Db, now: Date): Promise<Write[]> {
  const today = beijingToday(now.getTime());
  const year = Number(today.slice(0, 4));
  const writes: Write[] = [];
  for (const cohort of [year - 1, year, year + 1]) {
    const { changeDeadline } = await destinationSettingsOf(db, cohort);
    const daysLeft = Math.round((Date.parse(changeDeadline) - Date.parse(today)) / DAY_MS);
    if (daysLeft < 0) continue;
    // the nearest threshold reached: at 2 days left that is the 3-day one (the 14-day one is past)
    const threshold = [...DESTINATION_REMINDER_DAYS].reverse().find((d) => daysLeft <= d);
    if (threshold === undefined) continue;
    const dedupeKey = `destination:${cohort}:${threshold}`;
    const at = now.toISOString();
    writes.push(
      unregisteredGraduatesWrite({
        cohort,
        eventId: newId(),
        dedupeKey,
        now: at,
        title: '毕业去向登记即将截止',
        body: `${cohort} 届毕业去向登记将于 ${changeDeadline} 截止（还有 ${daysLeft} 天），您还没有完成登记，请尽快登录填写并提交审核。`,
      }),
    );
    for (const g of await unregisteredByCollege(db, cohort)) {
      writes.push(
        ...notificationWrites(
          db,
          {
            eventId: newId(),
            category: 'reminder',
            event: 'reminder.destination-digest',
            title: `${g.n} 名毕业生尚未登记毕业去向`,
            body: `本院 ${cohort} 届有 ${g.n} 名毕业生尚未完成毕业去向登记，登记将于 ${changeDeadline} 截止（还有 ${daysLeft} 天），请督促他们尽快登记。`,
            recordKind: null,
            recordId: null,
            dedupeKey,
            now: at,
          },
          { collegeReviewers: true, schoolId: g.schoolId, collegeId: g.collegeId },
        ),
      );
    }
  }
  return writes;
}

/** The digests go out in the 08:00 hour, Beijing time (four runs of the 15-minute cron; the first writes them). */
export const DIGEST_HOUR = 8;
const beijingHour = (now: Date) => (now.getUTCHours() + 8) % 24;

/** Writes the reminders due at `now` (the scheduled run; tests call it with a fixed time). */
export async function sendReminders(db: Db, now = new Date()): Promise<void> {
  const daily =
    beijingHour(now) === DIGEST_HOUR ? [...(await reviewerDigests(db, now)), ...(await destinationDeadlineReminders(db, now))] : [];
  const writes = [...(await deadlineReminders(db, now)), ...daily];
  // a batch per 50 statements keeps each well inside D1's limits
  for (let i = 0; i < writes.length; i += 50) await runBatch(db, writes.slice(i, i + 50));
}
