/** Shared steps of the signing stories: the job terms an employer fills, and inviting a student. */
import { TestClient } from './client';
import { jobTerms } from './job-terms';

export { jobTerms };

/** The employer adds the student to its pending list, fills the terms and sends: a `sent` invitation. */
export async function sendInvitation(employer: TestClient, studentId: string, terms = jobTerms()) {
  const draft = await employer.post('/api/invitations', { studentId, data: {} });
  if (draft.status !== 201) throw new Error(`create invitation: ${draft.status} ${JSON.stringify(draft.body)}`);
  const sent = await employer.post(`/api/invitations/${draft.body.id}/send`, {
    version: draft.body.version,
    data: { ...draft.body.data, ...terms },
  });
  if (sent.status !== 200) throw new Error(`send invitation: ${sent.status} ${JSON.stringify(sent.body)}`);
  return sent.body;
}

/** An online agreement the student accepted and both reviewers approved (学校审核通过). */
export async function approvedOnlineAgreement(studentUsername: string, studentId: string) {
  const employer = await TestClient.as('employer');
  const sent = await sendInvitation(employer, studentId);
  const student = await TestClient.as(studentUsername);
  const accepted = await student.post(`/api/invitations/${sent.id}/accept`, { version: sent.version, data: {} });
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const list = await student.get('/api/agreements?state=college_review');
  const agreementId = list.body.items[0].id as string;
  const college = await TestClient.as('college');
  const school = await TestClient.as('school');
  await college.post(`/api/agreements/${agreementId}/approve`, { version: 1 });
  const approved = await school.post(`/api/agreements/${agreementId}/approve`, { version: 2, data: {} });
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
  return { employer, student, college, school, agreementId };
}

/**
 * 录入线下协议书 as the page does it: the preview (预览确认, which shows the number it will get),
 * then the create with the same data. Answers the create's reply; `preview` is the preview's.
 */
export async function enterOfflineAgreement(student: TestClient, data: Record<string, unknown>) {
  const preview = await student.post('/api/agreements/preview', { mode: 'offline', data });
  const created = await student.post('/api/agreements', { mode: 'offline', data });
  return Object.assign(created, { preview });
}
