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

const messages = (accountId: string, event: string) => env.DB.prepare('SELECT title, body, record_id, dedupe_key FROM notifications WHERE account_id = ? AND event = ? ORDER BY created_at')
  .bind(accountId, event).all<{ title: string; body: string; record_id: string | null; dedupe_key: string }>().then((r) => r.results);

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
    expect(await messages(account, 'reminder.deadline')).toEqual([{
      title: '邀约即将到期', body: `南京云帆信息科技有限公司的职位邀约（后端开发工程师）将于 ${deadline} 24 时截止应约，请尽快处理。`,
      record_id: invitation.id, dedupe_key: `deadline:${invitation.id}`,
    }]);
  });

  it('gives every reviewer of a college one digest a day of what waited longer than 3 days, not one message per item', async () => {
    await onlineAgreementIn('college_review');
    await onlineAgreementIn('college_review');
    await env.DB.prepare("INSERT INTO accounts (id, username, password_hash, role, display_name, school_id, college_id) VALUES ('acc-college-b', 'college_b_digest', 'x', 'college', '第二位学院审核员', 'sch-1', 'col-1')").run();
    // 08:30 Beijing, four days on
    const day = beijingToday(Date.now() + 4 * DAY);
    const at = new Date(`${day}T00:30:00Z`);
    await sendReminders(db, at);
    await sendReminders(db, new Date(at.getTime() + 15 * 60_000));
    for (const account of ['acc-college', 'acc-college-b']) {
      const digest = await messages(account, 'reminder.digest');
      expect(digest).toHaveLength(1);
      expect(digest[0]).toMatchObject({ record_id: null, dedupe_key: `digest:${day}`, title: expect.stringMatching(/^\d+ 条事项等待审核超过 3 天$/) });
      expect(digest[0]!.body).toMatch(/就业协议书 \d+ 条/);
    }
    // the other college of the school has nothing waiting from these
    expect(await messages('acc-college2', 'reminder.digest')).toEqual([]);
    // the next day: a new digest
    await sendReminders(db, new Date(at.getTime() + DAY));
    expect(await messages('acc-college', 'reminder.digest')).toHaveLength(2);
  });

  it('read who waits on what from the lifecycles', () => {
    expect(waitingStates()).toEqual(expect.arrayContaining([
      { kind: 'agreements', state: 'college_review', role: 'college' },
      { kind: 'agreements', state: 'school_review', role: 'school' },
      { kind: 'dispatches', state: 'center_review', role: 'center' },
      { kind: 'source-records', state: 'school_approved', role: 'province' },
    ]));
  });
});
