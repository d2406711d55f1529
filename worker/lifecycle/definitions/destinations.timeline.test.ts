/**
 * 毕业去向登记's 办理记录: every step of the table named as the table names it — both of the school's
 * approvals (to 已登记, or on to the centre), a change, a reopening — and a reason only where one was given.
 */
import { env } from 'cloudflare:workers';
import { describe, it } from 'vitest';
import { TestClient } from '../../test/client';
import { studentWithSourceRecord } from '../../test/fixtures';
import { demo } from '../../test/scenarios';
import { TimelineWalk, type Seen } from '../../test/timeline-walk';
import { destinations } from './destinations';

describe('毕业去向登记 办理记录', () => {
  it('names each of its transitions as the table does', async () => {
    const walk = new TimelineWalk(destinations);
    const fixture = await studentWithSourceRecord('approved');
    const student = { client: await TestClient.as(fixture.username), role: 'student' as const };
    const college = { client: await demo('college'), role: 'college' as const };
    const school = { client: await demo('school'), role: 'school' as const };
    const center = { client: await demo('center'), role: 'center' as const };
    const data = { destination: '70', notEmployedReason: '正在求职' };

    let d: Seen = (await student.client.post('/api/destinations', { data })).body;
    d = await walk.take(college, d, 'reject', { reason: '情况说明过于简单' });
    d = await walk.take(student, d, 'submit', { data });
    d = await walk.take(college, d, 'approve');
    d = await walk.take(school, d, 'reject', { reason: '去向选择有误，请重新选择' });
    d = await walk.take(student, d, 'submit', { data });
    d = await walk.take(college, d, 'approve');
    d = await walk.take(school, d, 'approve', {}, 'registered');

    // the province names 70 for the centre: the change goes on to it after the school
    await env.DB.prepare(
      "INSERT INTO destination_settings (cohort, change_deadline, center_codes, updated_at, updated_by) VALUES (2027, '2027-08-31', '[\"10\",\"70\"]', '2026-12-01', 'acc-province')",
    ).run();
    d = await walk.take(student, d, 'change', { data: { ...data, notEmployedReason: '仍在求职，已参加三场招聘会' } });
    d = await walk.take(college, d, 'approve');
    d = await walk.take(school, d, 'approve', {}, 'center_review');
    d = await walk.take(center, d, 'reject', { reason: '证明材料不清晰或不完整' });
    d = await walk.take(student, d, 'submit', { data });
    d = await walk.take(college, d, 'approve');
    d = await walk.take(school, d, 'approve', {}, 'center_review');
    d = await walk.take(center, d, 'approve');
    d = await walk.take(school, d, 'reopen', { reason: '学生申请变更为升学' });
    await walk.take(student, d, 'submit', { data });
    walk.expectEveryTransitionTaken();
    await env.DB.prepare('DELETE FROM destination_settings').run();
  });
});
