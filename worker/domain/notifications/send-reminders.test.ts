/**
 * The reminder run, called as the scheduled handler calls it, with a fixed "now": a student's
 * invitation about to lapse (once per invitation) and one daily digest per reviewer audience.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { addDays, beijingToday } from '../../lib/dates';
import { invitationIn, onlineAgreementIn } from '../../test/scenarios';
import { sendReminders, waitingStates } from './send-reminders';

const db = openDb(env.DB);
const DAY = 86_400_000;

const messages = (accountId: string, event: string) =>
  env.DB.prepare('SELECT title, body, record_id, dedupe_key FROM notifications WHERE account_id = ? AND event = ? ORDER BY created_at')
    .bind(accountId, event)
    .all<{ title: string; body: string; record_id: string | null; dedupe_key: string }>()
    .then((r) => r.results);

describe('the reminder run', () => {
  it('reminds the student once when the answer deadline ends within 24 hours', async () => {
    const invitation = await invitationIn('sent');
    const deadline = addDays(beijingToday(), 5);
    const account = 'acc-' + invitation.fixture.studentId;
    // two days before the end: nothing yet
    await sendReminders(db, new Date(Date.parse(deadline + 'T16:00:00Z') - 2 * DAY));
    expect(await messages(account, 'reminder.deadline')).toEqual([]);
    // 20 hours before the end, then again 15 minutes later: one reminder
    const at = new Date(Date.parse(deadline + 'T16:00:00Z') - 20 * 3600_000);
    await sendReminders(db, at);
    await sendReminders(db, new Date(at.getTime() + 15 * 60_000));
    expect(await messages(account, 'reminder.deadline')).toEqual([
      {
        title: '邀约即将到期',
        body: `南京云帆信息科技有限公司的职位邀约（后端开发工程师）将于 ${deadline} 24 时截止应约，请尽快处理。`,
        record_id: invitation.id,
        dedupe_key: `deadline:${invitation.id}`,
      },
    ]);
  });

  it('gives every reviewer of a college one digest a day of what waited longer than 3 days, not one message per item', async () => {
    await onlineAgreementIn('college_review');
    await onlineAgreementIn('college_review');
    await env.DB.prepare(
      "INSERT INTO accounts (id, username, password_hash, role, display_name, school_id, college_id) VALUES ('acc-college-b', 'college_b_digest', 'x', 'college', '第二位学院审核员', 'sch-1', 'col-1')",
    ).run();
    // 08:30 Beijing, four days on
    const day = beijingToday(Date.now() + 4 * DAY);
    const at = new Date(`${day}T00:30:00Z`);
    await sendReminders(db, at);
    await sendReminders(db, new Date(at.getTime() + 15 * 60_000));
    for (const account of ['acc-college', 'acc-college-b']) {
      const digest = await messages(account, 'reminder.digest');
      expect(digest).toHaveLength(1);
      expect(digest[0]).toMatchObject({
        record_id: null,
        dedupe_key: `digest:${day}`,
        title: expect.stringMatching(/^\d+ 条事项等待审核超过 3 天$/),
      });
      expect(digest[0]!.body).toMatch(/就业协议书 \d+ 条/);
    }
    // the other college of the school has nothing waiting from these
    expect(await messages('acc-college2', 'reminder.digest')).toEqual([]);
    // the next day: a new digest
    await sendReminders(db, new Date(at.getTime() + DAY));
    expect(await messages('acc-college', 'reminder.digest')).toHaveLength(2);
  });

  it("as the cohort's 毕业去向登记 deadline nears, tells each unregistered graduate and gives each counsellor one count, once per threshold", async () => {
    // a cohort of its own, so the counts are this test's: deadline 30 June 2031
    const cohort = 2031;
    await env.DB.prepare(
      "INSERT INTO destination_settings (cohort, change_deadline, center_codes, updated_at, updated_by) VALUES (?, '2031-06-30', '[\"10\"]', '2031-01-01T00:00:00Z', 'acc-province')",
    )
      .bind(cohort)
      .run();
    const graduates = { none: 'stu-dl-none', returned: 'stu-dl-returned', registered: 'stu-dl-registered', reviewing: 'stu-dl-reviewing' };
    for (const [k, id] of Object.entries(graduates)) {
      await env.DB.batch([
        env.DB.prepare(
          "INSERT INTO students (id, school_id, college_id, cohort, id_number, name, phone, source_state) VALUES (?, 'sch-1', 'col-1', ?, ?, '去向测试', ?, 'approved')",
        ).bind(id, cohort, `dl-${k}`, `1390000${String(Object.keys(graduates).indexOf(k)).padStart(4, '0')}`),
        env.DB.prepare(
          "INSERT INTO accounts (id, username, password_hash, role, display_name, school_id, college_id, student_id) VALUES (?, ?, 'x', 'student', '去向测试', 'sch-1', 'col-1', ?)",
        ).bind('acc-' + id, `dl-${k}`, id),
      ]);
    }
    for (const [id, state] of [
      [graduates.returned, 'returned'],
      [graduates.registered, 'registered'],
      [graduates.reviewing, 'college_review'],
    ] as const) {
      await env.DB.prepare(`INSERT INTO records (id, kind, state, version, data, form_key, form_version, student_id, school_id, college_id, cohort, created_by)
        VALUES (?, 'destinations', ?, 1, '{}', 'destination', 1, ?, 'sch-1', 'col-1', ?, 'system')`)
        .bind('dest-' + id, state, id, cohort)
        .run();
    }
    const run = (day: string) => sendReminders(db, new Date(`${day}T00:30:00Z`)); // 08:30 Beijing
    const told = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(graduates).map(async ([k, id]) => [
            k,
            (await messages('acc-' + id, 'reminder.destination-deadline')).map((m) => m.dedupe_key),
          ]),
        ),
      );
    const digests = () =>
      messages('acc-college', 'reminder.destination-digest').then((d) =>
        d.filter((m) => m.dedupe_key.startsWith(`destination:${cohort}:`)),
      );

    // 15 days before: nothing yet
    await run('2031-06-15');
    expect((await told()).none).toEqual([]);
    // 14 days before, twice (the run comes by every day and every 15 minutes): once
    await run('2031-06-16');
    await run('2031-06-16');
    await run('2031-06-20');
    expect(await told()).toEqual({
      none: [`destination:${cohort}:14`],
      returned: [`destination:${cohort}:14`],
      registered: [],
      reviewing: [],
    });
    expect(await messages('acc-' + graduates.none, 'reminder.destination-deadline')).toEqual([
      expect.objectContaining({
        title: '毕业去向登记即将截止',
        body: '2031 届毕业去向登记将于 2031-06-30 截止（还有 14 天），您还没有完成登记，请尽快登录填写并提交审核。',
      }),
    ]);
    expect(await digests()).toEqual([
      expect.objectContaining({
        title: '2 名毕业生尚未登记毕业去向',
        dedupe_key: `destination:${cohort}:14`,
        body: '本院 2031 届有 2 名毕业生尚未完成毕业去向登记，登记将于 2031-06-30 截止（还有 14 天），请督促他们尽快登记。',
      }),
    ]);
    // the other college of the school has none of them
    expect(
      (await messages('acc-college2', 'reminder.destination-digest')).filter((m) => m.dedupe_key.startsWith(`destination:${cohort}:`)),
    ).toEqual([]);

    // the returned one registers meanwhile; 3 days before: the last call, to who is left
    await env.DB.prepare("UPDATE records SET state = 'college_review' WHERE id = ?")
      .bind('dest-' + graduates.returned)
      .run();
    await run('2031-06-27');
    await run('2031-06-29');
    expect((await told()).none).toEqual([`destination:${cohort}:14`, `destination:${cohort}:3`]);
    expect((await told()).returned).toEqual([`destination:${cohort}:14`]);
    expect((await digests()).map((d) => d.title)).toEqual(['2 名毕业生尚未登记毕业去向', '1 名毕业生尚未登记毕业去向']);
    // after the deadline: nothing more
    await run('2031-07-01');
    expect((await told()).none).toHaveLength(2);
  });

  it('read who waits on what from the lifecycles', () => {
    expect(waitingStates()).toEqual(
      expect.arrayContaining([
        { kind: 'agreements', state: 'college_review', role: 'college' },
        { kind: 'agreements', state: 'school_review', role: 'school' },
        { kind: 'dispatches', state: 'center_review', role: 'center' },
        { kind: 'source-records', state: 'school_approved', role: 'province' },
      ]),
    );
  });
});
