/**
 * GET /api/<kind>/new: the create page opens with what the server will start the record from,
 * and learns of a refusal before anything is typed. Nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { count, studentWithSourceRecord } from '../test/fixtures';
import { approvedOnlineAgreement } from '../test/signing';

describe('preparing a new record', () => {
  it('an employer inviting a student sees the student and its own details filled in, and nothing is written', async () => {
    const before = await count('records');
    const employer = await TestClient.as('employer');
    const res = await employer.get('/api/invitations/new?studentId=stu-1');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'invitations', form: { key: 'agreement' }, step: 'invite', draft: true });
    expect(res.body.data).toMatchObject({ name: '李思远', employerName: '南京云帆信息科技有限公司', creditCode: '91320106MA1XY012AY' });
    expect(await count('records')).toBe(before);
  });

  it('a student terminating an approved agreement starts from its number and parties', async () => {
    const s = await studentWithSourceRecord('approved');
    const { student, agreementId } = await approvedOnlineAgreement(s.username, s.studentId);
    const res = await student.get(`/api/terminations/new?agreementId=${agreementId}`);
    expect(res.status).toBe(200);
    const agreement = await student.get(`/api/agreements/${agreementId}`);
    expect(res.body.data).toMatchObject({
      agreementNo: agreement.body.number,
      mode: 'online',
      initiator: 'student',
      employerName: '南京云帆信息科技有限公司',
    });
  });

  it('a refusal shows before the form is filled: an offline agreement while an online one is active', async () => {
    const s = await studentWithSourceRecord('approved');
    const { student } = await approvedOnlineAgreement(s.username, s.studentId);
    const res = await student.get('/api/agreements/new?mode=offline');
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/协议/);
  });

  it('only creators may prepare: a college reviewer is refused, an unverified employer too, anonymous must sign in', async () => {
    expect((await (await TestClient.as('college')).get('/api/invitations/new?studentId=stu-1')).status).toBe(403);
    expect((await (await TestClient.as('employer2')).get('/api/invitations/new?studentId=stu-1')).status).toBe(403);
    expect((await new TestClient().get('/api/invitations/new?studentId=stu-1')).status).toBe(401);
  });
});
