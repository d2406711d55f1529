/**
 * Records in a chosen state, reached through the real API the way users get there: a fresh student
 * of the demo college 计算机科学与技术学院 (so `college` and `school` are its reviewers) and, where an
 * employer is involved, the demo employer `employer`. Each call makes new records, so a test may
 * spend them freely.
 */
import { env } from 'cloudflare:workers';
import { tinyPng } from '../domain/files/sample-files.fixture';
import { TestClient } from './client';
import { studentWithSourceRecord, uniqueCreditCode, uniqueMobile, uniqueUsername, uploadLicence, type FixtureStudent } from './fixtures';
import { enterOfflineAgreement, jobTerms, sendInvitation } from './signing';

export interface Scenario {
  id: string;
  version: number;
  data: Record<string, unknown>;
  /** the student the record belongs to, signed in */
  student: TestClient;
  fixture: FixtureStudent;
  /** an upload attached to the record (dispatch proof photos) */
  fileId?: string;
  /** the registrant of an employer registration, signed in */
  registrant?: TestClient;
}

const demoClients = new Map<string, Promise<TestClient>>();

/** One signed-in client per demo account, shared by every caller of this module. */
export function demo(username: string): Promise<TestClient> {
  let client = demoClients.get(username);
  if (!client) {
    client = TestClient.as(username);
    demoClients.set(username, client);
  }
  return client;
}

function expectStatus(res: { status: number; body: unknown }, status: number, what: string) {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
}

async function freshStudent(state: string) {
  const fixture = await studentWithSourceRecord(state);
  return { fixture, student: await TestClient.as(fixture.username) };
}

export async function sourceRecordIn(state: 'imported' | 'submitted' | 'school_approved' | 'approved'): Promise<Scenario> {
  const { fixture, student } = await freshStudent(state);
  const row = await env.DB.prepare('SELECT version, data FROM records WHERE id = ?')
    .bind(fixture.recordId)
    .first<{ version: number; data: string }>();
  return { id: fixture.recordId, version: row!.version, data: JSON.parse(row!.data), student, fixture };
}

export async function invitationIn(state: 'draft' | 'sent'): Promise<Scenario> {
  const { fixture, student } = await freshStudent('approved');
  const employer = await demo('employer');
  if (state === 'sent') {
    const sent = await sendInvitation(employer, fixture.studentId);
    // the data as the student sees it (the employer's view masks the student's identifiers)
    const seen = (await student.get(`/api/invitations/${sent.id}`)).body;
    return { id: sent.id, version: seen.version, data: seen.data, student, fixture };
  }
  const draft = await employer.post('/api/invitations', { studentId: fixture.studentId, data: {} });
  expectStatus(draft, 201, 'create invitation');
  return { id: draft.body.id, version: draft.body.version, data: draft.body.data, student, fixture };
}

/** An online agreement born from an accepted invitation, moved on to the given state. */
export async function onlineAgreementIn(state: 'college_review' | 'school_review' | 'approved'): Promise<Scenario> {
  const invitation = await invitationIn('sent');
  const accepted = await invitation.student.post(`/api/invitations/${invitation.id}/accept`, { version: invitation.version, data: {} });
  expectStatus(accepted, 200, 'accept');
  const list = await invitation.student.get('/api/agreements');
  let view = (await invitation.student.get(`/api/agreements/${list.body.items[0].id}`)).body;
  if (state !== 'college_review') {
    const approved = await (await demo('college')).post(`/api/agreements/${view.id}/approve`, { version: view.version });
    expectStatus(approved, 200, 'college approve');
    view = approved.body;
  }
  if (state === 'approved') {
    const approved = await (await demo('school')).post(`/api/agreements/${view.id}/approve`, { version: view.version, data: {} });
    expectStatus(approved, 200, 'school approve');
    view = approved.body;
  }
  return { id: view.id, version: view.version, data: view.data, student: invitation.student, fixture: invitation.fixture };
}

/** What a student types from a signed paper agreement (线下签约). */
export function paperAgreement() {
  const { deadline: _deadline, ...terms } = jobTerms();
  return {
    employerName: '无锡星河精密机械有限公司',
    creditCode: '91320000134765432Y',
    unitNature: '39',
    industry: 'C',
    employerRegion: '320211',
    ...terms,
  };
}

export async function offlineAgreementIn(state: 'college_review' | 'returned'): Promise<Scenario> {
  const { fixture, student } = await freshStudent('approved');
  const created = await enterOfflineAgreement(student, paperAgreement());
  expectStatus(created, 201, 'offline agreement');
  let view = created.body;
  if (state === 'returned') {
    const returned = await (await demo('college')).post(`/api/agreements/${view.id}/reject`, {
      version: view.version,
      reason: '公章不清晰',
    });
    expectStatus(returned, 200, 'college return');
    view = returned.body;
  }
  return { id: view.id, version: view.version, data: view.data, student, fixture };
}

export async function amendmentProposed(): Promise<Scenario> {
  const agreement = await onlineAgreementIn('college_review');
  const proposed = await (await demo('employer')).post('/api/amendments', { agreementId: agreement.id, data: { monthlySalary: 13000 } });
  expectStatus(proposed, 201, 'propose amendment');
  return { ...agreement, id: proposed.body.id, version: proposed.body.version, data: proposed.body.data };
}

export const terminationTerms = { reason: '02', liability: 'mutual', remarks: '学生另择单位，双方协商一致' };

/** A termination of an online agreement applied for by the employer, moved on to the given state. */
export async function terminationIn(
  state: 'consent_pending' | 'college_review' | 'school_review',
  agreementGiven?: Scenario,
): Promise<Scenario> {
  const agreement = agreementGiven ?? (await onlineAgreementIn('approved'));
  const applied = await (await demo('employer')).post('/api/terminations', { agreementId: agreement.id, data: terminationTerms });
  expectStatus(applied, 201, 'apply termination');
  let view = applied.body;
  if (state !== 'consent_pending') {
    const consented = await agreement.student.post(`/api/terminations/${view.id}/consent`, {
      version: view.version,
      data: { consentRemark: '同意' },
    });
    expectStatus(consented, 200, 'consent');
    view = consented.body;
  }
  if (state === 'school_review') {
    const approved = await (await demo('college')).post(`/api/terminations/${view.id}/approve`, { version: view.version, data: {} });
    expectStatus(approved, 200, 'college approve termination');
    view = approved.body;
  }
  return { ...agreement, id: view.id, version: view.version, data: view.data };
}

/** An online agreement whose termination the school approved: 已解约, the student free to sign again. */
export async function terminatedAgreement(): Promise<Scenario> {
  const agreement = await onlineAgreementIn('approved');
  const termination = await terminationIn('school_review', agreement);
  const completed = await (await demo('school')).post(`/api/terminations/${termination.id}/approve`, {
    version: termination.version,
    data: {},
  });
  expectStatus(completed, 200, 'school approve termination');
  const view = (await agreement.student.get(`/api/agreements/${agreement.id}`)).body;
  if (view.state !== 'terminated') throw new Error(`terminated agreement: state ${view.state}`);
  return { ...agreement, version: view.version, data: view.data };
}

/** The dispatch record an approved agreement opened, with an uploaded proof photo attached. */
export async function dispatchIn(state: 'unconfirmed' | 'college_review' | 'school_review' | 'center_review'): Promise<Scenario> {
  const agreement = await onlineAgreementIn('approved');
  const { student } = agreement;
  const list = await student.get('/api/dispatches');
  let view = (await student.get(`/api/dispatches/${list.body.items[0].id}`)).body;
  const photo = await student.upload('/api/files', tinyPng(), 'agreement.png', 'image/png');
  expectStatus(photo, 201, 'upload proof');
  const fileId: string = photo.body.id;
  if (state === 'unconfirmed') {
    const saved = await student.post(`/api/dispatches/${view.id}/save`, {
      version: view.version,
      data: { ...view.data, proofPhotos: [fileId] },
    });
    expectStatus(saved, 200, 'save dispatch');
    return { ...agreement, id: saved.body.id, version: saved.body.version, data: saved.body.data, fileId };
  }
  const submitted = await student.post(`/api/dispatches/${view.id}/submit`, {
    version: view.version,
    data: { ...view.data, proofPhotos: [fileId] },
  });
  expectStatus(submitted, 200, 'submit dispatch');
  view = submitted.body;
  const approvals = { college_review: [], school_review: ['college'], center_review: ['college', 'school'] }[state];
  for (const reviewer of approvals) {
    const approved = await (await demo(reviewer)).post(`/api/dispatches/${view.id}/approve`, { version: view.version });
    expectStatus(approved, 200, `${reviewer} approve dispatch`);
    view = approved.body;
  }
  return { ...agreement, id: view.id, version: view.version, data: view.data, fileId };
}

/** A newly registered employer's registration (待中心审核), or returned to it by the centre. */
export async function registrationIn(state: 'pending' | 'returned'): Promise<Scenario> {
  const username = uniqueUsername('reg');
  const password = 'Regist3r2027';
  const data = {
    employerName: '南京测试注册科技有限公司',
    creditCode: uniqueCreditCode(),
    unitNature: '39',
    industry: 'I',
    employerRegion: '320106',
    employerAddress: '江苏省南京市鼓楼区汉中路 2 号',
    contactName: '钱经理',
    contactPhone: uniqueMobile(),
    businessLicence: [await uploadLicence()],
  };
  const registered = await new TestClient().post('/api/employers', { username, password, data });
  expectStatus(registered, 201, 'register employer');
  const registrant = await TestClient.as(username, password);
  let view = (await registrant.get(`/api/employer-registrations/${registered.body.id}`)).body;
  if (state === 'returned') {
    const returned = await (await demo('center')).post(`/api/employer-registrations/${view.id}/reject`, {
      version: view.version,
      reason: '营业执照不清晰',
    });
    expectStatus(returned, 200, 'return registration');
    view = returned.body;
  }
  // a registration has no student of its own: any student is an outsider to it
  return {
    id: view.id,
    version: view.version,
    data: view.data,
    student: await demo('student'),
    fixture: null as unknown as FixtureStudent,
    registrant,
  };
}

/** A newly registered employer the centre has verified: a company of its own, signed in. */
export async function verifiedEmployer(): Promise<Scenario & { registrant: TestClient }> {
  const pending = await registrationIn('pending');
  const approved = await (await demo('center')).post(`/api/employer-registrations/${pending.id}/approve`, { version: pending.version });
  expectStatus(approved, 200, 'verify employer');
  return { ...pending, version: approved.body.version, data: approved.body.data, registrant: pending.registrant! };
}

/**
 * A fresh 省级通过 student's 毕业去向登记 (待就业, no evidence asked) in a chosen state, reached through
 * the API: registered, reviewed by the demo college and school, returned by the college.
 */
export async function destinationIn(state: 'college_review' | 'school_review' | 'registered' | 'returned'): Promise<Scenario> {
  const { fixture, student } = await freshStudent('approved');
  const created = await student.post('/api/destinations', { data: { destination: '70', notEmployedReason: '正在求职' } });
  expectStatus(created, 201, 'register destination');
  let view = created.body;
  const steps = {
    college_review: [],
    school_review: ['college approve'],
    registered: ['college approve', 'school approve'],
    returned: ['college reject'],
  }[state];
  for (const step of steps) {
    const [reviewer, action] = step.split(' ');
    const moved = await (await demo(reviewer!)).post(`/api/destinations/${view.id}/${action}`, {
      version: view.version,
      reason: '证明材料不完整',
    });
    expectStatus(moved, 200, `${step} destination`);
    view = moved.body;
  }
  return { id: view.id, version: view.version, data: view.data, student, fixture };
}
