/**
 * An employer cannot pose as another company: the company fields of its invitations, agreements
 * and amendments are always its own verified details, whatever it sends; a change of those details
 * goes through the employment centre again, and until the centre approves, records keep the old ones.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { studentWithSourceRecord } from '../test/fixtures';
import { demo, onlineAgreementIn, verifiedEmployer } from '../test/scenarios';
import { jobTerms } from '../test/signing';
import { TestClient } from '../test/client';

const OTHER_COMPANY = {
  employerName: '华为技术有限公司',
  creditCode: '914403001922038216',
  unitNature: '10',
  industry: 'C',
  employerRegion: '440307',
  employerAddress: '深圳市龙岗区坂田华为基地',
};
const YUNFAN = { employerName: '南京云帆信息科技有限公司', creditCode: '91320106MA1XY012AY' };

async function storedData(id: string) {
  const row = await env.DB.prepare('SELECT data FROM records WHERE id = ?').bind(id).first<{ data: string }>();
  return JSON.parse(row!.data) as Record<string, unknown>;
}

async function draftFor(employer: TestClient) {
  const student = await studentWithSourceRecord('approved');
  const draft = await employer.post('/api/invitations', { studentId: student.studentId, data: OTHER_COMPANY });
  expect(draft.status).toBe(201);
  return { student, draft: draft.body };
}

describe('an employer’s company fields come from its verified registration', () => {
  it('saving or sending an invitation with another company’s 单位名称 and 统一社会信用代码 keeps its own, and the agreement carries its own', async () => {
    const employer = await demo('employer');
    const { student, draft } = await draftFor(employer);
    expect(draft.data).toMatchObject(YUNFAN);

    const saved = await employer.post(`/api/invitations/${draft.id}/save`, {
      version: draft.version,
      data: { ...jobTerms(), ...OTHER_COMPANY },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject(YUNFAN);
    expect(await storedData(draft.id)).toMatchObject(YUNFAN);

    const sent = await employer.post(`/api/invitations/${draft.id}/send`, {
      version: saved.body.version,
      data: { ...jobTerms(), ...OTHER_COMPANY },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.data).toMatchObject(YUNFAN);
    expect(sent.body.data.employerAddress).not.toBe(OTHER_COMPANY.employerAddress);

    const studentClient = await TestClient.as(student.username);
    const accepted = await studentClient.post(`/api/invitations/${draft.id}/accept`, {
      version: sent.body.version,
      data: { ...OTHER_COMPANY },
    });
    expect(accepted.status).toBe(200);
    const agreement = (await studentClient.get('/api/agreements')).body.items[0];
    expect(await storedData(agreement.id)).toMatchObject(YUNFAN);
  });

  it('the employer sees the company fields read-only in the invitation step', async () => {
    const form = (await (await demo('employer')).get('/api/forms/agreement')).body;
    const { fieldAccess } = await import('../../forms/engine');
    for (const key of Object.keys(OTHER_COMPANY)) expect(fieldAccess(form.definition, key, 'employer', 'invite'), key).toBe('read');
    expect(fieldAccess(form.definition, 'jobTitle', 'employer', 'invite')).toBe('edit');
  });

  it('even when an admin publishes a form that lets employers edit the company fields, the server keeps the verified ones', async () => {
    const admin = await demo('admin');
    const latest = (await admin.get('/api/forms/agreement')).body.definition;
    const open = JSON.parse(JSON.stringify(latest), (key, value) =>
      key === 'access' && value?.invite?.read?.includes('employer') && !value.invite.edit ? undefined : value,
    );
    const published = await admin.post('/api/forms/agreement/publish', { definition: open, confirm: true });
    expect(published.status).toBe(201);
    const employer = await demo('employer');
    const form = (await employer.get('/api/forms/agreement')).body.definition;
    const { fieldAccess } = await import('../../forms/engine');
    expect(fieldAccess(form, 'employerName', 'employer', 'invite')).toBe('edit');

    const { draft } = await draftFor(employer);
    expect(draft.data).toMatchObject(YUNFAN);
    const saved = await employer.post(`/api/invitations/${draft.id}/save`, {
      version: draft.version,
      data: { ...jobTerms(), ...OTHER_COMPANY },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject(YUNFAN);
    expect(await storedData(draft.id)).toMatchObject({ ...YUNFAN, unitNature: '39' });
    // put the shipped form back for the rest of the file
    expect((await admin.post('/api/forms/agreement/publish', { definition: latest, confirm: true })).status).toBe(201);
  });

  it('an amendment cannot rename the company either', async () => {
    const agreement = await onlineAgreementIn('college_review');
    const proposed = await (await demo('employer')).post('/api/amendments', {
      agreementId: agreement.id,
      data: { ...OTHER_COMPANY, monthlySalary: 14000 },
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.data).toMatchObject({ ...YUNFAN, monthlySalary: 14000 });
    expect(await storedData(proposed.body.id)).toMatchObject(YUNFAN);
  });

  it('a change of company details waits for the centre: until it approves, new invitations carry the verified name; after, the new one', async () => {
    const company = await verifiedEmployer();
    const employer = company.registrant;
    const oldName = company.data.employerName as string;
    const registration = (await employer.get(`/api/employer-registrations/${company.id}`)).body;
    expect(registration.actions.map((a: { name: string }) => a.name)).toEqual(['change']);

    const renamed = {
      ...registration.data,
      employerName: '南京测试注册科技集团有限公司',
      employerAddress: '江苏省南京市建邺区江东中路 100 号',
    };
    const asked = await employer.post(`/api/employer-registrations/${company.id}/change`, { version: registration.version, data: renamed });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ state: 'change_pending', stateLabel: '变更待中心审核' });

    // still verified, still the old name
    const before = await draftFor(employer);
    expect(before.draft.data.employerName).toBe(oldName);

    const center = await demo('center');
    const returned = await center.post(`/api/employer-registrations/${company.id}/reject`, {
      version: asked.body.version,
      reason: '请上传变更后的营业执照',
    });
    expect(returned.body).toMatchObject({ state: 'change_returned', stateLabel: '变更已退回' });
    expect((await draftFor(employer)).draft.data.employerName).toBe(oldName);

    const again = await employer.post(`/api/employer-registrations/${company.id}/change`, {
      version: returned.body.version,
      data: renamed,
    });
    expect(again.body.state).toBe('change_pending');
    const approved = await center.post(`/api/employer-registrations/${company.id}/approve`, { version: again.body.version });
    expect(approved.body.state).toBe('verified');

    const after = await draftFor(employer);
    expect(after.draft.data).toMatchObject({
      employerName: '南京测试注册科技集团有限公司',
      employerAddress: '江苏省南京市建邺区江东中路 100 号',
    });
    // a draft made before the change takes the new details on its next write
    const resaved = await employer.post(`/api/invitations/${before.draft.id}/save`, { version: before.draft.version, data: jobTerms() });
    expect(resaved.body.data.employerName).toBe('南京测试注册科技集团有限公司');
  });

  it('a change may not take a credit code another company registered', async () => {
    const company = await verifiedEmployer();
    const registration = (await company.registrant.get(`/api/employer-registrations/${company.id}`)).body;
    const res = await company.registrant.post(`/api/employer-registrations/${company.id}/change`, {
      version: registration.version,
      data: { ...registration.data, creditCode: YUNFAN.creditCode },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('credit_code_taken');
  });
});
