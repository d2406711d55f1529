/**
 * What closes on its own says so: the school's approval of a student's agreement closes every other
 * open invitation to that student in the same batch, and each employer is told at once.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { studentWithSourceRecord, verifiedEmployer } from '../test/fixtures';
import { demo } from '../test/scenarios';
import { sendInvitation } from '../test/signing';

describe("an agreement taking effect closes the student's other invitations", () => {
  it("the other employer's sent invitation and another's draft close as 学生已与其他单位签约, each employer told", async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const employer = await demo('employer');
    const chosen = await sendInvitation(employer, s.studentId);
    const other = await verifiedEmployer('苏州远航电子有限公司');
    const otherClient = await TestClient.as(other.username);
    const otherSent = await sendInvitation(otherClient, s.studentId);
    const third = await verifiedEmployer('常州青禾食品有限公司');
    const thirdDraft = await (await TestClient.as(third.username)).post('/api/invitations', { studentId: s.studentId, data: {} });
    expect(thirdDraft.status).toBe(201);

    const accepted = await student.post(`/api/invitations/${chosen.id}/accept`, { version: chosen.version, data: {} });
    expect(accepted.status).toBe(200);
    const agreementId = (await student.get('/api/agreements')).body.items[0].id;
    await (await demo('college')).post(`/api/agreements/${agreementId}/approve`, { version: 1 });
    // still open while the agreement waits for the school
    expect((await student.get(`/api/invitations/${otherSent.id}`)).body.state).toBe('sent');

    const approved = await (await demo('school')).post(`/api/agreements/${agreementId}/approve`, { version: 2, data: {} });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');

    const closed = await otherClient.get(`/api/invitations/${otherSent.id}`);
    expect(closed.body).toMatchObject({ state: 'closed', stateLabel: '学生已与其他单位签约', version: (otherSent.version as number) + 1 });
    expect(closed.body.timeline.at(-1)).toMatchObject({ action: 'close', from: 'sent', to: 'closed' });
    expect(closed.body.actions).toEqual([]);
    const draft = await env.DB.prepare('SELECT state FROM records WHERE id = ?').bind(thirdDraft.body.id).first<{ state: string }>();
    expect(draft!.state).toBe('closed');
    // the accepted invitation stays 已应约
    expect((await student.get(`/api/invitations/${chosen.id}`)).body.state).toBe('accepted');

    const told = await otherClient.get('/api/notifications');
    expect(told.body.items).toEqual([
      expect.objectContaining({
        title: '邀约已关闭：学生已与其他单位签约',
        body: '测试学生已与其他单位签约，您的职位邀约（后端开发工程师）已自动关闭。',
        recordId: otherSent.id,
        link: `/r/invitations/${otherSent.id}`,
        readAt: null,
      }),
    ]);
    const thirdTold = await (await TestClient.as(third.username)).get('/api/notifications');
    expect(thirdTold.body.items.map((n: { recordId: string; event: string }) => [n.recordId, n.event])).toEqual([
      [thirdDraft.body.id, 'invitations.close'],
    ]);
    // the winning employer hears of its agreement taking effect, not of a closing
    const mine = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM notifications WHERE account_id = 'acc-employer' AND event = 'invitations.close' AND record_id = ?",
    )
      .bind(chosen.id)
      .first<{ n: number }>();
    expect(mine!.n).toBe(0);
  });
});
