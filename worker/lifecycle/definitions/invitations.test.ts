import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { count, studentWithSourceRecord } from '../../test/fixtures';
import { jobTerms, sendInvitation } from '../../test/signing';
import { sweepLapsed } from '../apply-lapse';
import { openDb } from '../../db/client';
import { invitations } from './invitations';
import { maskIdNumber } from '../../../forms/engine';

describe('employer looks up students (exact lookup only)', () => {
  it('finds an approved student by ID number, with ID and phone masked', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const res = await employer.get(`/api/students/lookup?school=sch-1&cohort=2027&idNumber=${s.idNumber}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ studentId: s.studentId, name: '测试学生', schoolName: '江苏示范大学' });
    expect(res.body.items[0].idNumber).toMatch(/^\*{14}\w{4}$/);
    expect(res.body.items[0].idNumber).not.toBe(s.idNumber);
    expect(res.body.items[0].phone).toMatch(/^\*{7}\d{4}$/);
  });

  it('a student who is not 省级通过 is not found, and the answer names what to check', async () => {
    const s = await studentWithSourceRecord('school_approved');
    const employer = await TestClient.as('employer');
    const res = await employer.get(`/api/students/lookup?school=sch-1&cohort=2027&idNumber=${s.idNumber}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain('省级通过');
    const nobody = await employer.get('/api/students/lookup?school=sch-1&cohort=2027&idNumber=110101199003074258');
    expect(nobody.body.error).toEqual(res.body.error);
  });

  it('name with phone works; a bare name (a browse) is refused', async () => {
    const employer = await TestClient.as('employer');
    const hit = await employer.get(`/api/students/lookup?school=sch-1&cohort=2027&name=${encodeURIComponent('李思远')}&phone=13812345678`);
    expect(hit.status).toBe(200);
    expect((await employer.get(`/api/students/lookup?school=sch-1&cohort=2027&name=${encodeURIComponent('李思远')}`)).status).toBe(400);
    expect((await employer.get('/api/students/lookup?school=sch-1&cohort=2027&idNumber=320106200503151236&phone=13812345678')).status).toBe(
      400,
    );
  });

  it('an employer not yet verified by the centre cannot look up or invite', async () => {
    const employer2 = await TestClient.as('employer2');
    expect((await employer2.get('/api/students/lookup?school=sch-1&cohort=2027&idNumber=320106200503151236')).status).toBe(403);
    expect((await employer2.post('/api/invitations', { studentId: 'stu-1', data: {} })).status).toBe(403);
  });

  it('only employers may look up', async () => {
    expect(
      (await (await TestClient.as('school')).get('/api/students/lookup?school=sch-1&cohort=2027&idNumber=320106200503151236')).status,
    ).toBe(403);
  });
});

describe('online signing: invite → accept → college → school', () => {
  it('employer cannot invite a student who is not 省级通过', async () => {
    const s = await studentWithSourceRecord('submitted');
    const res = await (await TestClient.as('employer')).post('/api/invitations', { studentId: s.studentId, data: {} });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('student_not_approved');
    expect(await count('records', "kind = 'invitations' AND student_id = ?", s.studentId)).toBe(0);
  });

  it('a draft is prefilled from the source record and the employer, and invisible to the student until sent', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const draft = await employer.post('/api/invitations', { studentId: s.studentId, data: {} });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ state: 'draft', stateLabel: '待签约名单' });
    // the employer knows the student only masked until the student accepts (disclosure.test.ts)
    expect(draft.body.data).toMatchObject({
      name: '测试学生',
      idNumber: maskIdNumber(s.idNumber),
      employerName: '南京云帆信息科技有限公司',
      creditCode: '91320106MA1XY012AY',
    });
    const student = await TestClient.as(s.username);
    expect((await student.get(`/api/invitations/${draft.body.id}`)).status).toBe(404);
    expect((await student.get('/api/invitations')).body.items).toHaveLength(0);
  });

  it('the whole chain creates a numbered agreement and moves it through both reviews', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const invitation = await sendInvitation(employer, s.studentId);
    expect(invitation).toMatchObject({ state: 'sent', stateLabel: '待应约' });

    const student = await TestClient.as(s.username);
    const seen = await student.get(`/api/invitations/${invitation.id}`);
    const accept = seen.body.actions.find((a: { name: string }) => a.name === 'accept');
    expect(accept.confirm).toBeTruthy();
    const accepted = await student.post(`/api/invitations/${invitation.id}/accept`, { version: seen.body.version, data: seen.body.data });
    expect(accepted.status).toBe(200);
    expect(accepted.body.state).toBe('accepted');

    const list = await student.get('/api/agreements');
    expect(list.body.items).toHaveLength(1);
    const agreementId = list.body.items[0].id;
    const agreement = await student.get(`/api/agreements/${agreementId}`);
    expect(agreement.body).toMatchObject({ state: 'college_review', stateLabel: '待学院审核', mode: 'online' });
    expect(agreement.body.number).toMatch(/^910012027\d{6}$/);
    expect(agreement.body.data.jobTitle).toBe('后端开发工程师');

    const college = await TestClient.as('college');
    const afterCollege = await college.post(`/api/agreements/${agreementId}/approve`, { version: 1 });
    expect(afterCollege.body.state).toBe('school_review');
    const school = await TestClient.as('school');
    const approved = await school.post(`/api/agreements/${agreementId}/approve`, { version: 2, data: {} });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', stateLabel: '学校审核通过' });
    expect(approved.body.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'approve', 'approve']);

    // After school approval an amendment is refused: terminate and sign again.
    const amend = await employer.post('/api/amendments', { agreementId, data: { monthlySalary: 15000 } });
    expect(amend.status).toBe(409);
  });

  it('a student holding an agreement cannot accept another invitation', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const first = await sendInvitation(employer, s.studentId);
    const student = await TestClient.as(s.username);
    expect((await student.post(`/api/invitations/${first.id}/accept`, { version: first.version, data: {} })).status).toBe(200);
    // the employer cannot even start a second invitation for a signed student
    const again = await employer.post('/api/invitations', { studentId: s.studentId, data: {} });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('active_agreement');
  });

  it('two concurrent accepts by one student end with exactly one agreement', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const a = await sendInvitation(employer, s.studentId);
    // a second employer-like invitation: insert a copy directly (the second verified employer is the same demo one)
    const copyId = `${(a.id as string).slice(0, 12)}ffffffffffffffffffff`;
    await env.DB.prepare(`INSERT INTO records (id, kind, state, version, data, form_key, form_version, student_id, school_id, college_id, employer_id, cohort, deadline, created_by)
      SELECT ?, kind, state, version, data, form_key, form_version, student_id, school_id, college_id, employer_id, cohort, deadline, created_by FROM records WHERE id = ?`)
      .bind(copyId, a.id)
      .run();
    const student = await TestClient.as(s.username);
    const results = await Promise.all([
      student.post(`/api/invitations/${a.id}/accept`, { version: a.version, data: {} }),
      student.post(`/api/invitations/${copyId}/accept`, { version: a.version, data: {} }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count('records', "kind = 'agreements' AND student_id = ?", s.studentId)).toBe(1);
  });

  it('the employer edits a sent invitation; an answer to the old version is refused', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    const edited = await employer.post(`/api/invitations/${sent.id}/edit`, {
      version: sent.version,
      data: { ...sent.data, monthlySalary: 13000 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.state).toBe('sent');
    const student = await TestClient.as(s.username);
    const stale = await student.post(`/api/invitations/${sent.id}/accept`, { version: sent.version, data: {} });
    expect(stale.status).toBe(409);
    const fresh = await student.post(`/api/invitations/${sent.id}/accept`, { version: edited.body.version, data: {} });
    expect(fresh.status).toBe(200);
    const agreement = await env.DB.prepare(
      "SELECT json_extract(data, '$.monthlySalary') AS pay FROM records WHERE kind = 'agreements' AND parent_id = ?",
    )
      .bind(sent.id)
      .first<{ pay: number }>();
    expect(agreement!.pay).toBe(13000);
  });

  it('a rejected invitation needs a reason, and the employer may invite again', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    const student = await TestClient.as(s.username);
    expect((await student.post(`/api/invitations/${sent.id}/reject`, { version: sent.version })).status).toBe(422);
    const rejected = await student.post(`/api/invitations/${sent.id}/reject`, { version: sent.version, reason: '已接受其他单位录用' });
    expect(rejected.body).toMatchObject({ state: 'rejected', stateLabel: '已拒绝' });
    expect((await employer.post('/api/invitations', { studentId: s.studentId, data: {} })).status).toBe(201);
  });

  it('the employer withdraws before an answer; the student can no longer accept', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    const withdrawn = await employer.post(`/api/invitations/${sent.id}/withdraw`, { version: sent.version });
    expect(withdrawn.body.state).toBe('withdrawn');
    const student = await TestClient.as(s.username);
    const late = await student.post(`/api/invitations/${sent.id}/accept`, { version: withdrawn.body.version, data: {} });
    expect(late.status).toBe(409);
  });

  it('an invitation past its deadline reads as 已逾期 and cannot be accepted; the sweep lapses the rest', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    await env.DB.prepare("UPDATE records SET deadline = '2020-01-01' WHERE id = ?").bind(sent.id).run();
    const student = await TestClient.as(s.username);
    expect((await student.get('/api/invitations')).body.items[0]).toMatchObject({ state: 'expired', stateLabel: '已逾期' });
    const read = await student.get(`/api/invitations/${sent.id}`);
    expect(read.body).toMatchObject({ state: 'expired', actions: [] });
    const refused = await student.post(`/api/invitations/${sent.id}/accept`, { version: read.body.version, data: {} });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('已逾期');

    const other = await sendInvitation(employer, (await studentWithSourceRecord('approved')).studentId);
    await env.DB.prepare("UPDATE records SET deadline = '2020-01-01' WHERE id = ?").bind(other.id).run();
    expect(await sweepLapsed(openDb(env.DB), invitations)).toBeGreaterThanOrEqual(1);
    expect(await count('records', "id = ? AND state = 'expired'", other.id)).toBe(1);
    expect(await count('audit_events', "record_id = ? AND action = 'expire' AND actor_role = 'system'", other.id)).toBe(1);
  });

  it('sending with a deadline in the past is refused at the deadline field', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const draft = await employer.post('/api/invitations', { studentId: s.studentId, data: {} });
    const res = await employer.post(`/api/invitations/${draft.body.id}/send`, {
      version: 1,
      data: { ...draft.body.data, ...jobTerms({ deadline: '2020-01-01' }) },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain('deadline');
  });
});

describe('reviewers and amendments', () => {
  async function acceptedAgreement() {
    const s = await studentWithSourceRecord('approved');
    const employer = await TestClient.as('employer');
    const sent = await sendInvitation(employer, s.studentId);
    const student = await TestClient.as(s.username);
    await student.post(`/api/invitations/${sent.id}/accept`, { version: sent.version, data: {} });
    const row = await env.DB.prepare("SELECT id FROM records WHERE kind = 'agreements' AND parent_id = ?")
      .bind(sent.id)
      .first<{ id: string }>();
    return { s, employer, student, agreementId: row!.id };
  }

  it('a college reject of an online agreement ends it (审核未通过) and the employer may invite again', async () => {
    const { s, employer, agreementId } = await acceptedAgreement();
    const college = await TestClient.as('college');
    const rejected = await college.post(`/api/agreements/${agreementId}/reject`, { version: 1, reason: '岗位信息不完整' });
    expect(rejected.body).toMatchObject({ state: 'rejected' });
    expect((await employer.post('/api/invitations', { studentId: s.studentId, data: {} })).status).toBe(201);
  });

  it('a college reviewer of another college cannot see the agreement', async () => {
    const { agreementId } = await acceptedAgreement();
    expect((await (await TestClient.as('college2')).get(`/api/agreements/${agreementId}`)).status).toBe(404);
  });

  it('an amendment the student agrees to updates the agreement and restarts its review', async () => {
    const { employer, student, agreementId } = await acceptedAgreement();
    const college = await TestClient.as('college');
    await college.post(`/api/agreements/${agreementId}/approve`, { version: 1 });
    const current = await employer.get(`/api/agreements/${agreementId}`);
    const proposed = await employer.post('/api/amendments', { agreementId, data: { ...current.body.data, monthlySalary: 15000 } });
    expect(proposed.status).toBe(201);
    expect(proposed.body.state).toBe('proposed');
    expect((await employer.post('/api/amendments', { agreementId, data: current.body.data })).status).toBe(409);

    const agreed = await student.post(`/api/amendments/${proposed.body.id}/agree`, { version: 1 });
    expect(agreed.status).toBe(200);
    const after = await student.get(`/api/agreements/${agreementId}`);
    expect(after.body).toMatchObject({ state: 'college_review', version: 3 });
    expect(after.body.data.monthlySalary).toBe(15000);
    expect(after.body.timeline.at(-1)).toMatchObject({ action: 'amend', from: 'school_review', to: 'college_review' });
  });

  it('a declined amendment leaves the agreement as it was', async () => {
    const { employer, student, agreementId } = await acceptedAgreement();
    const current = await employer.get(`/api/agreements/${agreementId}`);
    const proposed = await employer.post('/api/amendments', { agreementId, data: { ...current.body.data, monthlySalary: 9000 } });
    const declined = await student.post(`/api/amendments/${proposed.body.id}/decline`, { version: 1, reason: '薪资与面试时约定不符' });
    expect(declined.body.state).toBe('declined');
    const after = await student.get(`/api/agreements/${agreementId}`);
    expect(after.body).toMatchObject({ version: 1, state: 'college_review' });
    expect(after.body.data.monthlySalary).toBe(12000);
  });
});
