import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { count, studentWithSourceRecord } from '../../test/fixtures';
import { approvedOnlineAgreement } from '../../test/signing';

const terms = { reason: '02', liability: 'mutual', remarks: '学生另择单位，双方协商一致' };

describe('解约 of an online agreement', () => {
  it('employer applies → student consents → college → school: the agreement is terminated, dispatch voided, the student may sign again', async () => {
    const s = await studentWithSourceRecord('approved');
    const { employer, student, college, school, agreementId } = await approvedOnlineAgreement(s.username, s.studentId);
    expect(await count('records', "kind = 'dispatches' AND parent_id = ? AND state = 'unconfirmed'", agreementId)).toBe(1);

    const applied = await employer.post('/api/terminations', { agreementId, data: terms });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ state: 'consent_pending', stateLabel: '待对方同意' });
    expect(applied.body.data).toMatchObject({ mode: 'online', initiator: 'employer' });
    // the applicant cannot consent to their own application
    expect(applied.body.actions.map((a: { name: string }) => a.name)).not.toContain('consent');
    expect((await employer.post(`/api/terminations/${applied.body.id}/consent`, { version: 1, data: {} })).status).toBe(409);
    // one open termination per agreement
    expect((await student.post('/api/terminations', { agreementId, data: terms })).status).toBe(409);

    const consented = await student.post(`/api/terminations/${applied.body.id}/consent`, { version: 1, data: { consentRemark: '同意' } });
    expect(consented.body.state).toBe('college_review');
    expect((await college.post(`/api/terminations/${applied.body.id}/approve`, { version: 2, data: {} })).body.state).toBe('school_review');
    const done = await school.post(`/api/terminations/${applied.body.id}/approve`, { version: 3, data: {} });
    expect(done.body).toMatchObject({ state: 'completed', stateLabel: '解约完成' });

    const agreement = await student.get(`/api/agreements/${agreementId}`);
    expect(agreement.body).toMatchObject({ state: 'terminated', stateLabel: '已解约' });
    expect(agreement.body.timeline.at(-1)).toMatchObject({ action: 'terminate' });
    expect(await count('records', "kind = 'dispatches' AND parent_id = ? AND state = 'voided'", agreementId)).toBe(1);
    // 恢复网签资格: a new invitation can be started and accepted
    expect((await employer.post('/api/invitations', { studentId: s.studentId, data: {} })).status).toBe(201);
  });

  it('the other party declines with a reason and the agreement stays as it was', async () => {
    const s = await studentWithSourceRecord('approved');
    const { employer, student, agreementId } = await approvedOnlineAgreement(s.username, s.studentId);
    const applied = await student.post('/api/terminations', { agreementId, data: terms });
    expect((await employer.post(`/api/terminations/${applied.body.id}/decline`, { version: 1 })).status).toBe(422);
    const declined = await employer.post(`/api/terminations/${applied.body.id}/decline`, { version: 1, reason: '违约金尚未结清' });
    expect(declined.body.state).toBe('declined');
    expect((await student.get(`/api/agreements/${agreementId}`)).body.state).toBe('approved');
  });

  it("a reviewer's reject leaves the agreement untouched", async () => {
    const s = await studentWithSourceRecord('approved');
    const { employer, student, college, agreementId } = await approvedOnlineAgreement(s.username, s.studentId);
    const applied = await employer.post('/api/terminations', { agreementId, data: terms });
    await student.post(`/api/terminations/${applied.body.id}/consent`, { version: 1, data: {} });
    const rejected = await college.post(`/api/terminations/${applied.body.id}/reject`, { version: 2, reason: '未提交违约金支付凭证' });
    expect(rejected.body).toMatchObject({ state: 'rejected' });
    expect((await student.get(`/api/agreements/${agreementId}`)).body.state).toBe('approved');
    expect(await count('records', "kind = 'dispatches' AND parent_id = ? AND state = 'unconfirmed'", agreementId)).toBe(1);
  });

  it('a paid liability needs the amount; an unknown reason code is refused', async () => {
    const s = await studentWithSourceRecord('approved');
    const { employer, agreementId } = await approvedOnlineAgreement(s.username, s.studentId);
    const noAmount = await employer.post('/api/terminations', { agreementId, data: { ...terms, liability: 'paid' } });
    expect(noAmount.status).toBe(422);
    expect(noAmount.body.error.fields.map((f: { path: string }) => f.path)).toContain('penaltyAmount');
    const badCode = await employer.post('/api/terminations', { agreementId, data: { ...terms, reason: '42' } });
    expect(badCode.status).toBe(422);
    expect(await count('records', "kind = 'terminations' AND parent_id = ?", agreementId)).toBe(0);
  });

  it("someone else's agreement cannot be terminated (404)", async () => {
    const s = await studentWithSourceRecord('approved');
    const { agreementId } = await approvedOnlineAgreement(s.username, s.studentId);
    const other = await studentWithSourceRecord('approved');
    const stranger = await TestClient.as(other.username);
    expect((await stranger.post('/api/terminations', { agreementId, data: terms })).status).toBe(404);
  });
});

describe('解约 of an offline agreement', () => {
  /** A 1×1 PNG: the photo of the 解约函. */
  const LETTER = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );

  async function approvedOfflineAgreement() {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const { deadline: _d, ...terms } = (await import('../../test/signing')).jobTerms();
    const created = await (await import('../../test/signing')).enterOfflineAgreement(student, {
      employerName: '无锡星河精密机械有限公司',
      creditCode: '91320000134765432Y',
      unitNature: '39',
      industry: 'C',
      employerRegion: '320211',
      ...terms,
    });
    const college = await TestClient.as('college');
    const school = await TestClient.as('school');
    await college.post(`/api/agreements/${created.body.id}/approve`, { version: 1 });
    await school.post(`/api/agreements/${created.body.id}/approve`, { version: 2, data: {} });
    return { s, student, college, school, agreementId: created.body.id as string };
  }

  it('the student applies with the uploaded 解约函, which is required; college → school → completed', async () => {
    const { student, college, school, agreementId } = await approvedOfflineAgreement();
    const withoutLetter = await student.post('/api/terminations', { agreementId, data: terms });
    expect(withoutLetter.status).toBe(422);
    expect(withoutLetter.body.error.fields.map((f: { path: string }) => f.path)).toContain('letter');

    const letter = await student.upload('/api/files', LETTER, '解约函.png', 'image/png');
    const applied = await student.post('/api/terminations', { agreementId, data: { ...terms, letter: [letter.body.id] } });
    expect(applied.status).toBe(201);
    // no other party online: it goes straight to the college
    expect(applied.body).toMatchObject({ state: 'college_review' });
    expect(applied.body.data.mode).toBe('offline');
    expect((await college.get(`/api/files/${letter.body.id}`)).status).toBe(200);

    await college.post(`/api/terminations/${applied.body.id}/approve`, { version: 1, data: {} });
    const done = await school.post(`/api/terminations/${applied.body.id}/approve`, { version: 2, data: {} });
    expect(done.body.state).toBe('completed');
    expect((await student.get(`/api/agreements/${agreementId}`)).body.state).toBe('terminated');
  });

  it('an employer cannot open a termination of an offline agreement', async () => {
    const { agreementId } = await approvedOfflineAgreement();
    expect((await (await TestClient.as('employer')).post('/api/terminations', { agreementId, data: terms })).status).toBe(404);
  });
});
