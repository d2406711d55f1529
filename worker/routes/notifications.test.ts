/**
 * 消息中心: each event tells exactly the people concerned, in the transition's own batch; each
 * account lists, counts and marks read only its own messages.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { count } from '../test/fixtures';
import { demo, invitationIn, onlineAgreementIn } from '../test/scenarios';

async function messagesOf(accountId: string, recordId: string) {
  const rows = await env.DB.prepare(
    'SELECT event, title, body FROM notifications WHERE account_id = ? AND record_id = ? ORDER BY created_at, id',
  )
    .bind(accountId, recordId)
    .all<{ event: string; title: string; body: string }>();
  return rows.results;
}

describe('消息中心', () => {
  it('a student sees a new invitation unread, opens its link and marks it read; the count drops', async () => {
    const invitation = await invitationIn('sent');
    const student = invitation.student;
    const list = await student.get('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        title: '收到职位邀约',
        category: 'invitation',
        event: 'invitations.send',
        recordKind: 'invitations',
        recordId: invitation.id,
        link: `/r/invitations/${invitation.id}`,
        readAt: null,
        body: expect.stringContaining('南京云帆信息科技有限公司向您发出职位邀约（后端开发工程师）'),
      }),
    ]);
    const body = JSON.stringify(list.body);
    expect(body).not.toContain(invitation.fixture.idNumber);
    expect(body).not.toContain(invitation.fixture.mobile);
    expect((await student.get('/api/notifications/unread-count')).body).toEqual({ unread: 1 });

    const id = list.body.items[0].id;
    // not the employer's to mark: 404, and the student's stays unread
    const employer = await demo('employer');
    const foreign = await employer.post(`/api/notifications/${id}/read`, {});
    expect(foreign.status).toBe(404);
    expect(foreign.body.error).toMatchObject({ code: 'not_found', message: '消息不存在' });
    expect((await student.get('/api/notifications/unread-count')).body.unread).toBe(1);

    const read = await student.post(`/api/notifications/${id}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, readAt: expect.any(String), unread: 0 });
    // reading again keeps the first read time
    expect((await student.post(`/api/notifications/${id}/read`, {})).body.readAt).toBe(read.body.readAt);
    expect((await student.get('/api/notifications')).body).toMatchObject({ unread: 0, items: [{ id, readAt: read.body.readAt }] });
  });

  it('the actor is not told of their own step; the employer hears the rejection with its reason', async () => {
    const invitation = await invitationIn('sent');
    const employerAccount = 'acc-employer';
    expect(await messagesOf(employerAccount, invitation.id)).toEqual([]);
    const rejected = await invitation.student.post(`/api/invitations/${invitation.id}/reject`, {
      version: invitation.version,
      reason: '岗位与本人意向不符',
    });
    expect(rejected.status).toBe(200);
    expect(await messagesOf(employerAccount, invitation.id)).toEqual([
      {
        event: 'invitations.reject',
        title: '学生已拒绝邀约',
        body: '测试学生拒绝了您的职位邀约（后端开发工程师）。原因：岗位与本人意向不符',
      },
    ]);
    expect((await messagesOf('acc-' + invitation.fixture.studentId, invitation.id)).map((m) => m.event)).toEqual(['invitations.send']);
  });

  it('unread first, then newest first', async () => {
    const agreement = await onlineAgreementIn('school_review');
    const student = agreement.student;
    const first = (await student.get('/api/notifications')).body.items;
    // send, then the college approval: newest first
    expect(first.map((n: { title: string }) => n.title)).toEqual(['协议书学院审核通过', '收到职位邀约']);
    const older = first[1].id;
    await student.post(`/api/notifications/${first[0].id}/read`, {});
    const after = (await student.get('/api/notifications')).body.items;
    expect(after.map((n: { id: string }) => n.id)).toEqual([older, first[0].id]);
    expect(after.map((n: { readAt: string | null }) => n.readAt === null)).toEqual([true, false]);
    const all = await student.post('/api/notifications/read-all', {});
    expect(all.body).toEqual({ marked: 1, unread: 0 });
  });

  it('a reviewer returning an agreement tells both parties, with the reason', async () => {
    const agreement = await onlineAgreementIn('college_review');
    const college = await demo('college');
    const res = await college.post(`/api/agreements/${agreement.id}/reject`, { version: agreement.version, reason: '薪酬填写有误' });
    expect(res.status).toBe(200);
    const expected = {
      event: 'agreements.reject',
      title: '协议书被退回',
      body: '测试学生与南京云帆信息科技有限公司的就业协议书被退回。原因：薪酬填写有误',
    };
    expect(await messagesOf('acc-' + agreement.fixture.studentId, agreement.id)).toEqual([expected]);
    expect(await messagesOf('acc-employer', agreement.id)).toEqual([expected]);
    expect(await messagesOf('acc-college', agreement.id)).toEqual([]);
  });

  it('two reviewers racing on one agreement: only the winner notifies anyone, the loser writes nothing', async () => {
    const college = await demo('college');
    for (let run = 0; run < 5; run++) {
      const agreement = await onlineAgreementIn('college_review');
      const before = await count('notifications', 'record_id = ?', agreement.id);
      const [approve, reject] = await Promise.all([
        college.post(`/api/agreements/${agreement.id}/approve`, { version: agreement.version }),
        college.post(`/api/agreements/${agreement.id}/reject`, { version: agreement.version, reason: '薪酬填写有误' }),
      ]);
      expect([approve.status, reject.status].sort()).toEqual([200, 409]);
      const winner = approve.status === 200 ? 'agreements.approve' : 'agreements.reject';
      const rows = await env.DB.prepare('SELECT DISTINCT event FROM notifications WHERE record_id = ?')
        .bind(agreement.id)
        .all<{ event: string }>();
      expect(rows.results.map((r) => r.event)).toEqual([winner]);
      // one message to the student, one to the employer
      expect(await count('notifications', 'record_id = ?', agreement.id)).toBe(before + 2);
    }
  });
});
