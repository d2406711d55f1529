/**
 * What an employer learns about a student before the student accepts: only what the lookup shows,
 * masked identifiers. The prefill of a new invitation, the invitation itself in every state and
 * the answers to the employer's own writes all mask 身份证号, phone and e-mail; the agreement the
 * student's acceptance creates carries the full values, and reviewers always see them in full.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../../forms/engine';
import { TestClient } from '../test/client';
import { studentWithSourceRecord } from '../test/fixtures';
import { demo } from '../test/scenarios';
import { jobTerms } from '../test/signing';
import { disclose, maskEmail, shownAs } from './disclosure';
import { invitations } from './definitions/invitations';
import { SHIPPED_FORMS } from '../form-registry/registry';

function expectMasked(data: Record<string, unknown>, student: { idNumber: string; mobile: string }) {
  expect(data.idNumber).toBe(maskIdNumber(student.idNumber));
  expect(data.mobile).toBe(maskPhone(student.mobile));
  expect(JSON.stringify(data)).not.toContain(student.idNumber);
  expect(JSON.stringify(data)).not.toContain(student.mobile);
}

async function approvedStudent() {
  const fixture = await studentWithSourceRecord('approved');
  const row = await env.DB.prepare('SELECT phone FROM students WHERE id = ?').bind(fixture.studentId).first<{ phone: string }>();
  return { ...fixture, mobile: row!.phone };
}

describe('an employer sees a student’s identifiers masked until the student accepts', () => {
  it('the prefill of a new invitation is masked (it used to answer the full 身份证号 and mobile)', async () => {
    const student = await approvedStudent();
    const res = await (await demo('employer')).get(`/api/invitations/new?studentId=${student.studentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.name).toBe('测试学生');
    expectMasked(res.body.data, student);
  });

  it('the invitation is masked to the employer as draft, once sent and after an answer; stored in full; shown in full to the student and reviewers; the agreement is full to the employer', async () => {
    const student = await approvedStudent();
    const employer = await demo('employer');
    const draft = await employer.post('/api/invitations', { studentId: student.studentId, data: {} });
    expect(draft.status).toBe(201);
    expectMasked(draft.body.data, student);
    expectMasked((await employer.get(`/api/invitations/${draft.body.id}`)).body.data, student);

    // sending back the masked values the employer was shown changes nothing
    const sent = await employer.post(`/api/invitations/${draft.body.id}/send`, {
      version: draft.body.version,
      data: { ...draft.body.data, ...jobTerms() },
    });
    expect(sent.status).toBe(200);
    expectMasked(sent.body.data, student);
    const stored = await env.DB.prepare('SELECT data FROM records WHERE id = ?').bind(draft.body.id).first<{ data: string }>();
    expect(JSON.parse(stored!.data)).toMatchObject({ idNumber: student.idNumber, mobile: student.mobile });

    for (const reviewer of ['college', 'school']) {
      expect((await (await demo(reviewer)).get(`/api/invitations/${draft.body.id}`)).body.data).toMatchObject({
        idNumber: student.idNumber,
        mobile: student.mobile,
      });
    }
    const studentClient = await TestClient.as(student.username);
    expect((await studentClient.get(`/api/invitations/${draft.body.id}`)).body.data.idNumber).toBe(student.idNumber);

    const accepted = await studentClient.post(`/api/invitations/${draft.body.id}/accept`, { version: sent.body.version, data: {} });
    expect(accepted.status).toBe(200);
    expectMasked((await employer.get(`/api/invitations/${draft.body.id}`)).body.data, student);
    const agreementId = (await studentClient.get('/api/agreements')).body.items[0].id;
    expect((await employer.get(`/api/agreements/${agreementId}`)).body.data).toMatchObject({
      idNumber: student.idNumber,
      mobile: student.mobile,
    });
  });
});

describe('the disclosure table', () => {
  const form = SHIPPED_FORMS.agreement;
  const data = { name: '王小明', idNumber: '11010519491231002X', mobile: '13812345678', email: 'wangxm@example.com', jobTitle: '工程师' };

  it('masks for the roles and states it names, and nobody else', () => {
    expect(shownAs(invitations, 'employer', 'new', 'idNumber')).toBe('masked');
    expect(shownAs(invitations, 'employer', 'accepted', 'mobile')).toBe('masked');
    expect(shownAs(invitations, 'college', 'sent', 'idNumber')).toBe('full');
    expect(shownAs(invitations, 'employer', 'sent', 'jobTitle')).toBe('full');
    expect(disclose(invitations, form!, data, 'employer', 'sent')).toEqual({
      name: '王小明',
      idNumber: maskIdNumber(data.idNumber),
      mobile: maskPhone(data.mobile),
      email: 'w***@example.com',
      jobTitle: '工程师',
    });
    expect(disclose(invitations, form!, data, 'student', 'sent')).toEqual(data);
  });

  it('a hidden field is left out; a masked field whose type has no mask is left out too', () => {
    const hiding = {
      disclosure: [
        { roles: ['employer' as const], states: 'every' as const, fields: { email: 'hidden' as const, jobTitle: 'masked' as const } },
      ],
    };
    expect(disclose(hiding, form!, data, 'employer', 'sent')).toEqual({ name: '王小明', idNumber: data.idNumber, mobile: data.mobile });
  });

  it('e-mail masks keep the first character and the domain only', () => {
    expect(maskEmail('zhangsan@njupt.edu.cn')).toBe('z***@njupt.edu.cn');
    expect(maskEmail('not-an-address')).toBe('**************');
    expect(maskEmail(42)).toBe('');
  });
});
