/**
 * 职位邀约's 办理记录: every step of the table named as the table names it, the student's refusal
 * with the reason typed, and an invitation lapsing at its deadline named by the table, by 系统.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { studentWithSourceRecord } from '../../test/fixtures';
import { demo } from '../../test/scenarios';
import { TestClient } from '../../test/client';
import { jobTerms } from '../../test/signing';
import { expectNoteEntry, TimelineWalk, type Seen } from '../../test/timeline-walk';
import { invitations } from './invitations';

async function invitedStudent() {
  const fixture = await studentWithSourceRecord('approved');
  return { fixture, student: { client: await TestClient.as(fixture.username), role: 'student' as const } };
}

describe('职位邀约 办理记录', () => {
  it('names each of its transitions as the table does, a reason only where one was given', async () => {
    const walk = new TimelineWalk(invitations);
    const employer = { client: await demo('employer'), role: 'employer' as const };
    const invite = async (studentId: string): Promise<Seen> => {
      const draft = await employer.client.post('/api/invitations', { studentId, data: {} });
      expect(draft.status).toBe(201);
      expectNoteEntry(draft.body.timeline[0], { action: 'create', label: invitations.create!.label, role: 'employer', note: null });
      return draft.body;
    };

    // saved, sent, changed, accepted
    const first = await invitedStudent();
    let i = await invite(first.fixture.studentId);
    i = await walk.take(employer, i, 'save', { data: { ...i.data, ...jobTerms() } });
    i = await walk.take(employer, i, 'send', { data: i.data });
    i = await walk.take(employer, i, 'edit', { data: { ...i.data, monthlySalary: 12500 } });
    i = (await first.student.client.get(`/api/invitations/${i.id}`)).body;
    await walk.take(first.student, i, 'accept', { data: {} });

    // withdrawn from the pending list
    const w = await invite((await invitedStudent()).fixture.studentId);
    await walk.take(employer, w, 'withdraw');

    // refused by the student
    const third = await invitedStudent();
    let r = await invite(third.fixture.studentId);
    r = await walk.take(employer, r, 'send', { data: { ...r.data, ...jobTerms() } });
    r = (await third.student.client.get(`/api/invitations/${r.id}`)).body;
    await walk.take(third.student, r, 'reject', { reason: '已决定继续读研' });
    walk.expectEveryTransitionTaken();

    // past its deadline it lapses: the table's lapse label, by 系统, no reason
    const fourth = await invitedStudent();
    let x = await invite(fourth.fixture.studentId);
    x = await walk.take(employer, x, 'send', { data: { ...x.data, ...jobTerms() } });
    await env.DB.prepare("UPDATE records SET deadline = '2020-01-01' WHERE id = ?").bind(x.id).run();
    const lapsed: Seen = (await employer.client.get(`/api/invitations/${x.id}`)).body;
    expect(lapsed.state).toBe('expired');
    expectNoteEntry(lapsed.timeline.at(-1), { action: 'expire', label: invitations.lapse!.label, role: 'system', note: null });
    expect(lapsed.timeline.at(-1)).toMatchObject({ label: '逾期未应约', actorRoleLabel: '系统' });
  });
});
