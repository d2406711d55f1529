/** Shared steps of the signing stories: the job terms an employer fills, and inviting a student. */
import { addDays, beijingToday } from '../lib/dates';
import { TestClient } from './client';

export function jobTerms(overrides: Record<string, unknown> = {}) {
  return {
    employerAddress: '江苏省南京市鼓楼区汉中路 1 号',
    contactName: '赵经理',
    contactPhone: '13600001111',
    jobCategory: '13',
    jobTitle: '后端开发工程师',
    workRegion: '320106',
    monthlySalary: 12000,
    socialInsurance: '1',
    contractYears: 3,
    probationMonths: 3,
    penalty: 5000,
    deadline: addDays(beijingToday(), 5),
    archiveMode: 'unit',
    archiveUnitName: '南京云帆信息科技有限公司人事部',
    archiveAddress: '江苏省南京市鼓楼区汉中路 1 号',
    archivePostcode: '210005',
    householdMode: 'stay',
    ...overrides,
  };
}

/** The employer adds the student to its pending list, fills the terms and sends: a `sent` invitation. */
export async function sendInvitation(employer: TestClient, studentId: string, terms = jobTerms()) {
  const draft = await employer.post('/api/invitations', { studentId, data: {} });
  if (draft.status !== 201) throw new Error(`create invitation: ${draft.status} ${JSON.stringify(draft.body)}`);
  const sent = await employer.post(`/api/invitations/${draft.body.id}/send`, { version: draft.body.version, data: { ...draft.body.data, ...terms } });
  if (sent.status !== 200) throw new Error(`send invitation: ${sent.status} ${JSON.stringify(sent.body)}`);
  return sent.body;
}
