import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { count, studentWithSourceRecord } from '../test/fixtures';
import { sendInvitation } from '../test/signing';

describe('the student sees what the employer changed since they last opened the invitation', () => {
  it('first open: nothing to compare; after the employer edits the salary, exactly that field with before and after; then nothing', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    const student = await TestClient.as(s.username);

    const first = await student.get(`/api/invitations/${sent.id}`);
    expect(first.status).toBe(200);
    expect(first.body.termsChanges).toEqual([]);

    const edited = await employer.post(`/api/invitations/${sent.id}/edit`, {
      version: sent.version,
      data: { ...sent.data, monthlySalary: 13500 },
    });
    expect(edited.status).toBe(200);

    const next = await student.get(`/api/invitations/${sent.id}`);
    // the salary as edited, and the yearly figure the form computes from it
    expect(next.body.termsChanges).toEqual([
      { key: 'monthlySalary', label: '月薪', before: 12000, after: 13500 },
      { key: 'annualSalary', label: '年薪（估算）', before: 144000, after: 162000 },
    ]);
    expect(next.body.data.monthlySalary).toBe(13500);

    const again = await student.get(`/api/invitations/${sent.id}`);
    expect(again.body.termsChanges).toEqual([]);
  });

  it('changes made while the student was away add up against what they last saw', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    const student = await TestClient.as(s.username);
    await student.get(`/api/invitations/${sent.id}`);

    const one = await employer.post(`/api/invitations/${sent.id}/edit`, {
      version: sent.version,
      data: { ...sent.data, monthlySalary: 13000 },
    });
    const two = await employer.post(`/api/invitations/${sent.id}/edit`, {
      version: one.body.version,
      data: { ...one.body.data, monthlySalary: 14000, penalty: 8000 },
    });
    expect(two.status).toBe(200);

    const read = await student.get(`/api/invitations/${sent.id}`);
    expect(read.body.termsChanges).toEqual([
      { key: 'monthlySalary', label: '月薪', before: 12000, after: 14000 },
      { key: 'annualSalary', label: '年薪（估算）', before: 144000, after: 168000 },
      { key: 'penalty', label: '违约金', before: 5000, after: 8000 },
    ]);
  });

  it('the employer never receives the student’s view data, and its reads do not count as the student’s', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    const student = await TestClient.as(s.username);
    await student.get(`/api/invitations/${sent.id}`);
    const edited = await employer.post(`/api/invitations/${sent.id}/edit`, {
      version: sent.version,
      data: { ...sent.data, monthlySalary: 13500 },
    });
    expect(edited.body).not.toHaveProperty('termsChanges');

    const employerRead = await employer.get(`/api/invitations/${sent.id}`);
    expect(employerRead.status).toBe(200);
    expect(employerRead.body).not.toHaveProperty('termsChanges');
    const college = await TestClient.as('college');
    const collegeRead = await college.get(`/api/invitations/${sent.id}`);
    expect(collegeRead.status).toBe(200);
    expect(collegeRead.body).not.toHaveProperty('termsChanges');

    // the student still gets the change: nobody else's read marked it seen
    const read = await student.get(`/api/invitations/${sent.id}`);
    expect(read.body.termsChanges.map((c: { key: string }) => c.key)).toEqual(['monthlySalary', 'annualSalary']);
    expect(await count('terms_seen', 'record_id = ?', sent.id)).toBe(1);
  });

  it('another student cannot read the invitation at all, nor leave a mark on it', async () => {
    const s = await studentWithSourceRecord('approved');
    const other = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    const stranger = await TestClient.as(other.username);
    const res = await stranger.get(`/api/invitations/${sent.id}`);
    expect(res.status).toBe(404);
    expect(res.body).not.toHaveProperty('termsChanges');
    expect(await count('terms_seen', 'record_id = ?', sent.id)).toBe(0);
  });

  it('accepting answers with the agreement it created', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    const student = await TestClient.as(s.username);
    const accepted = await student.post(`/api/invitations/${sent.id}/accept`, { version: sent.version, data: {} });
    expect(accepted.status).toBe(200);
    expect(accepted.body.created).toMatchObject({ kind: 'agreements', id: expect.any(String) });
    const agreement = await student.get(`/api/agreements/${accepted.body.created.id}`);
    expect(agreement.status).toBe(200);
    expect(agreement.body).toMatchObject({ state: 'college_review', data: { monthlySalary: 12000 } });
    // rejecting creates nothing, and says nothing about it
    const s2 = await studentWithSourceRecord('approved');
    const sent2 = await sendInvitation(employer, s2.studentId);
    const rejected = await (await TestClient.as(s2.username)).post(`/api/invitations/${sent2.id}/reject`, {
      version: sent2.version,
      reason: '已有其他安排',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).not.toHaveProperty('created');
  });

  it('an amendment shows the student each changed term against the agreement they accepted', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    const student = await TestClient.as(s.username);
    const accepted = await student.post(`/api/invitations/${sent.id}/accept`, { version: sent.version, data: {} });
    const agreementId = accepted.body.created.id as string;
    const agreement = await employer.get(`/api/agreements/${agreementId}`);
    const amendment = await employer.post('/api/amendments', { agreementId, data: { ...agreement.body.data, probationMonths: 6 } });
    expect(amendment.status).toBe(201);
    expect(amendment.body).not.toHaveProperty('termsChanges');

    const read = await student.get(`/api/amendments/${amendment.body.id}`);
    expect(read.body.termsChanges).toEqual([{ key: 'probationMonths', label: '试用期', before: 3, after: 6 }]);
    expect((await employer.get(`/api/amendments/${amendment.body.id}`)).body).not.toHaveProperty('termsChanges');
  });
});
