/**
 * Puts records in place through the HTTP API, the way the pages would, for browser tests that
 * look at a record rather than walk the flow that makes it (signing-season walks it in the browser).
 */
import type { AnswerBody } from '../../worker/test/answer-body';
import { jobTerms } from '../../worker/test/job-terms';
export class ApiUser {
  private cookie = '';
  private constructor(private readonly baseUrl: string) {}

  static async signIn(baseUrl: string, username: string, password = 'demo1234'): Promise<ApiUser> {
    const u = new ApiUser(baseUrl);
    await u.call('POST', '/api/session', { username, password });
    return u;
  }

  async call<T = AnswerBody>(method: string, path: string, body?: unknown, init: { form?: FormData } = {}): Promise<T> {
    const headers: Record<string, string> = { Origin: this.baseUrl };
    if (this.cookie) headers.Cookie = this.cookie;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: init.form ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const set = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .filter(Boolean);
    if (set.length) this.cookie = set.join('; ');
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

/** A new student of 江苏示范大学: imported, password changed, identity confirmed, 生源 省级通过. */
export async function approvedStudent(
  baseUrl: string,
  idNumber: string,
  mobile: string,
  name = '林晓舟',
): Promise<{ student: ApiUser; studentId: string; password: string }> {
  const school = await ApiUser.signIn(baseUrl, 'school');
  const csv =
    '\uFEFF姓名,身份证号,性别,学院,专业,学历,毕业届,生源所在地,手机号码\r\n' +
    `${name},${idNumber},1,计算机科学与技术学院,软件工程,31,2027,320106,${mobile}\r\n`;
  const form = new FormData();
  form.set('file', new Blob([csv], { type: 'text/csv' }), '生源.csv');
  const imported = await school.call<{ credentials: Array<{ username: string; password: string }> }>(
    'POST',
    '/api/source-records/import',
    undefined,
    { form },
  );
  const initial = imported.credentials.find((c) => c.username === idNumber)!.password;

  const student = await ApiUser.signIn(baseUrl, idNumber, initial);
  const password = `${idNumber.slice(-6)}Pass`;
  await student.call('POST', '/api/session/password', { currentPassword: initial, newPassword: password });
  await student.call('POST', '/api/session/identity', { idNumber, mobile });
  const sources = await student.call('GET', '/api/source-records');
  const source = await student.call('GET', `/api/source-records/${sources.items[0].id}`);
  let rec = await student.call('POST', `/api/source-records/${source.id}/submit`, { version: source.version, data: source.data });
  rec = await school.call('POST', `/api/source-records/${rec.id}/approve`, { version: rec.version });
  const province = await ApiUser.signIn(baseUrl, 'province');
  await province.call('POST', `/api/source-records/${rec.id}/approve`, { version: rec.version });
  return { student, studentId: source.studentId, password };
}

/** 南京云帆's invitation to the student, filled in and still a draft (待签约名单): its id and version. */
export async function draftInvitation(
  baseUrl: string,
  studentId: string,
): Promise<{ id: string; version: number; data: Record<string, unknown> }> {
  const employer = await ApiUser.signIn(baseUrl, 'employer');
  const draft = await employer.call('POST', '/api/invitations', { studentId, data: {} });
  return employer.call('POST', `/api/invitations/${draft.id}/save`, {
    version: draft.version,
    data: { ...draft.data, ...jobTerms() },
  });
}

/**
 * A new student of 江苏示范大学 (imported, identity confirmed, 生源 省级通过) whom 南京云帆 invited and
 * who accepted: the agreement waits for the college. Returns its id.
 */
export async function agreementAwaitingCollege(
  baseUrl: string,
  idNumber: string,
  mobile: string,
  name = '林晓舟',
): Promise<{ agreementId: string; idNumber: string; password: string }> {
  const { student, studentId, password } = await approvedStudent(baseUrl, idNumber, mobile, name);
  const draft = await draftInvitation(baseUrl, studentId);
  const employer = await ApiUser.signIn(baseUrl, 'employer');
  const sent = await employer.call('POST', `/api/invitations/${draft.id}/send`, { version: draft.version, data: draft.data });
  await student.call('POST', `/api/invitations/${sent.id}/accept`, { version: sent.version, data: {} });
  const agreements = await student.call('GET', '/api/agreements?state=college_review');
  return { agreementId: agreements.items[0].id, idNumber, password };
}
