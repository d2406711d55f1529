/**
 * 用人单位注册与审核 (issue #4): an employer registers with its 统一社会信用代码 and details, waits
 * for the provincial employment centre, and only once verified may look students up and invite.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { send } from '../domain/files/files-test-kit.fixture';
import { MAX_JSON_BYTES } from '../http/body';
import { TestClient, type Reply } from '../test/client';
import { download, fileRow, upload } from '../domain/files/files-test-kit.fixture';
import { tinyPdf, tinyPng } from '../domain/files/sample-files.fixture';
import { count, uniqueCreditCode, uniqueUsername as freshUsername, uploadLicence } from '../test/fixtures';

const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Same code with a wrong check character. */
function withWrongCheck(code: string): string {
  const wrong = ORG_CHARS.charAt((ORG_CHARS.indexOf(code.charAt(17)) + 1) % ORG_CHARS.length);
  return code.slice(0, 17) + wrong;
}

const uniqueUsername = () => freshUsername('unit');

function registration(overrides: Record<string, unknown> = {}) {
  return {
    employerName: '南京星河软件有限公司',
    creditCode: uniqueCreditCode(),
    unitNature: '39',
    industry: 'I',
    employerRegion: '320106',
    employerAddress: '江苏省南京市鼓楼区中山路 18 号',
    contactName: '钱经理',
    contactPhone: '13700002222',
    contactEmail: 'hr@xinghe.example.cn',
    ...overrides,
  };
}

/** The registration with a freshly uploaded 营业执照, as the page sends it. */
async function withLicence<T extends Record<string, unknown>>(data: T): Promise<T & { businessLicence: string[] }> {
  return { ...data, businessLicence: [await uploadLicence()] };
}

async function register(data: Record<string, unknown> = registration(), username = uniqueUsername(), password = 'Welcome2027') {
  const anonymous = new TestClient();
  const body = 'businessLicence' in data ? data : await withLicence(data);
  const res = await anonymous.post('/api/employers', { username, password, data: body });
  return { res, username, password, data: body as ReturnType<typeof registration> & { businessLicence?: unknown } };
}

const LOOKUP = '/api/students/lookup?school=sch-1&cohort=2027&idNumber=320106200503151236';

async function rowCounts() {
  return {
    employers: await count('employers'),
    accounts: await count('accounts'),
    records: await count('records'),
    audit: await count('audit_events'),
  };
}

describe('an employer registers', () => {
  it('the registration form is served before there is an account', async () => {
    const res = await new TestClient().get('/api/employers/form');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: 'employer', definition: { title: '用人单位注册' } });
  });

  it('with valid details: an unverified employer, its account and a registration waiting for the centre', async () => {
    const { res, username, password, data } = await register();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username, state: 'pending' });

    const employer = await TestClient.as(username, password);
    const me = await employer.get('/api/session');
    expect(me.body.user).toMatchObject({ role: 'employer', mustChangePassword: false });
    expect(me.body.user.scope.employerName).toBe(data.employerName);

    const mine = await employer.get('/api/employer-registrations');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ id: res.body.id, state: 'pending', stateLabel: '待中心审核' });
  });

  it('cannot look up students or invite before the centre verifies it', async () => {
    const { username, password } = await register();
    const employer = await TestClient.as(username, password);
    const lookup = await employer.get(LOOKUP);
    expect(lookup.status).toBe(403);
    expect(lookup.body.error.message).toContain('尚未通过就业中心审核');
    const invite = await employer.post('/api/invitations', { studentId: 'stu-1', data: {} });
    expect(invite.status).toBe(403);
  });

  it('a 统一社会信用代码 with a wrong check character is refused at that field, and nothing is written', async () => {
    const before = await rowCounts();
    const { res } = await register(registration({ creditCode: withWrongCheck(uniqueCreditCode()) }));
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'data.creditCode' })]));
    expect(await rowCounts()).toEqual(before);
  });

  it('单位性质, 单位行业, 单位所在地 and the contact are required and checked against their code tables', async () => {
    const { res } = await register(
      registration({ unitNature: '', industry: 'ZZ', employerRegion: '999999', contactName: '', contactPhone: '12345' }),
    );
    expect(res.status).toBe(422);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['data.unitNature', 'data.industry', 'data.employerRegion', 'data.contactName', 'data.contactPhone']),
    );
  });

  it('a weak password or a username that could be an ID number is refused', async () => {
    const weak = await register(registration(), uniqueUsername(), 'password');
    expect(weak.res.status).toBe(422);
    expect(weak.res.body.error.fields).toEqual([expect.objectContaining({ path: 'password' })]);
    const idLike = await register(registration(), '320106200503151236');
    expect(idLike.res.status).toBe(422);
    expect(idLike.res.body.error.fields).toEqual([expect.objectContaining({ path: 'username' })]);
  });

  it('a code already registered, or a username already taken, is a 409 and writes nothing', async () => {
    const first = await register();
    expect(first.res.status).toBe(201);
    const before = await rowCounts();
    const sameCode = await register(registration({ creditCode: first.data.creditCode }));
    expect(sameCode.res.status).toBe(409);
    expect(sameCode.res.body.error.code).toBe('credit_code_taken');
    const demoCode = await register(registration({ creditCode: '91320106MA1XY012AY' }));
    expect(demoCode.res.body.error.code).toBe('credit_code_taken');
    const sameName = await register(registration(), first.username);
    expect(sameName.res.status).toBe(409);
    expect(sameName.res.body.error.code).toBe('username_taken');
    expect(await rowCounts()).toEqual(before);
  });

  it('a body over 1 MiB is refused by its bytes, not its characters: 400,000 Chinese characters are 1.2 MB', async () => {
    const before = await rowCounts();
    const data = registration({ employerAddress: '中'.repeat(400_000) });
    const text = JSON.stringify({ username: uniqueUsername(), password: 'Welcome2027', data });
    expect(text.length).toBeLessThan(MAX_JSON_BYTES);
    expect(new TextEncoder().encode(text).byteLength).toBeGreaterThan(MAX_JSON_BYTES);
    const res = await new TestClient().post('/api/employers', JSON.parse(text));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'too_large', message: '请求内容过大' });
    expect(await rowCounts()).toEqual(before);
  });

  it('a body declared over 1 MiB is refused from its Content-Length, before it is read', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 4 * MAX_JSON_BYTES) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const res = await send(null, 'POST', '/api/employers', body, {
      'Content-Type': 'application/json',
      'Content-Length': String(4 * MAX_JSON_BYTES),
    });
    expect(res.status).toBe(400);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('too_large');
    expect(pulled).toBeLessThan(MAX_JSON_BYTES);
  });

  it('a username equal to a taken one but for letter case is a 409 and writes nothing (`Admin` beside `admin`)', async () => {
    const first = await register(registration(), 'Hr' + uniqueUsername());
    expect(first.res.status).toBe(201);
    const before = await rowCounts();
    for (const name of [first.username.toLowerCase(), first.username.toUpperCase(), 'Admin', 'EMPLOYER']) {
      const again = await register(registration(), name);
      expect(again.res.status).toBe(409);
      expect(again.res.body.error).toEqual({ code: 'username_taken', message: '该用户名已被使用，请换一个' });
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('two registrations racing for one username in different letter case end with exactly one account', async () => {
    const name = uniqueUsername();
    const [a, b] = await Promise.all([register(registration(), name), register(registration(), name.toUpperCase())]);
    expect([a.res.status, b.res.status].sort()).toEqual([201, 409]);
    expect(await count('accounts', 'lower(username) = ?', name.toLowerCase())).toBe(1);
  });

  it('the database itself refuses a second account whose name differs only in case', async () => {
    const insert = env.DB.prepare(
      "INSERT INTO accounts (id, username, password_hash, role, display_name) VALUES ('acc-case-test', 'ScHoOl', 'x', 'school', 'x')",
    );
    await expect(insert.run()).rejects.toThrow(/UNIQUE constraint failed/);
  });

  it('two registrations racing for one code end with exactly one employer', async () => {
    const data = registration();
    const [a, b] = await Promise.all([register(data), register(data)]);
    expect([a.res.status, b.res.status].sort()).toEqual([201, 409]);
    expect(await count('employers', 'credit_code = ?', data.creditCode)).toBe(1);
  });
});

describe('营业执照: the registration carries the licence and only the centre (and admin) open it', () => {
  it('without the licence the registration is refused 422 at that field, and nothing is written', async () => {
    const before = await rowCounts();
    const { res } = await register({ ...registration(), businessLicence: [] });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ path: 'data.businessLicence', code: 'required' })]);
    const missing = await register({ ...registration(), businessLicence: undefined });
    expect(missing.res.status).toBe(422);
    expect(missing.res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['data.businessLicence']);
    expect(await rowCounts()).toEqual(before);
  });

  it("a file id that is not a registration upload (someone's own upload, an unknown id, a licence already used) is refused at the field", async () => {
    const studentsOwn = await upload(await TestClient.as('student'), tinyPng(), 'a.png', 'image/png');
    const used = await register();
    expect(used.res.status).toBe(201);
    for (const ids of [[studentsOwn.body.id], ['0'.repeat(32)], used.data.businessLicence as string[]]) {
      const { res } = await register({ ...registration(), businessLicence: ids });
      expect(res.status).toBe(422);
      expect(res.body.error.fields).toEqual([{ path: 'data.businessLicence', code: 'file', message: '文件不存在或已过期，请重新上传' }]);
    }
    expect((await fileRow(studentsOwn.body.id))!.record_id).toBeNull();
  });

  it('with it the registration is made, the licence belongs to it, and the centre and admin can open it — not another employer, a student or anyone signed out', async () => {
    const pdf = await tinyPdf();
    const licence = await new TestClient().upload('/api/files', pdf, '营业执照.pdf', 'application/pdf');
    expect(licence.status).toBe(201);
    const { res, username, password } = await register({ ...registration(), businessLicence: [licence.body.id] });
    expect(res.status).toBe(201);
    expect(await fileRow(licence.body.id)).toMatchObject({ record_id: res.body.id });

    const center = await TestClient.as('center');
    const record = await center.get(`/api/employer-registrations/${res.body.id}`);
    expect(record.body.data.businessLicence).toEqual([licence.body.id]);
    for (const reader of [center, await TestClient.as('admin'), await TestClient.as(username, password)]) {
      const file = await download(reader, licence.body.id);
      expect(file.status).toBe(200);
      expect(file.headers.get('Content-Type')).toBe('application/pdf');
      expect(file.bytes).toEqual(pdf);
    }
    for (const outsider of ['employer', 'student', 'school']) {
      const file = await download(await TestClient.as(outsider), licence.body.id);
      expect(file.status).toBe(404);
      expect(JSON.parse(new TextDecoder().decode(file.bytes)).error.code).toBe('not_found');
    }
    expect((await download(null, licence.body.id)).status).toBe(401);
  });
});

describe('the centre verifies employers', () => {
  it('sees the registration in its queue, approves it, and the employer may then look up and invite', async () => {
    const { res, username, password, data } = await register();
    const center = await TestClient.as('center');
    const queue = await center.get('/api/employer-registrations?state=pending&q=' + data.creditCode);
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(res.body.id);

    const record = await center.get(`/api/employer-registrations/${res.body.id}`);
    expect(record.body.data).toMatchObject({ creditCode: data.creditCode, unitNature: '39', employerRegion: '320106' });
    expect(record.body.actions.map((a: { name: string }) => a.name).sort()).toEqual(['approve', 'reject']);

    const approved = await center.post(`/api/employer-registrations/${res.body.id}/approve`, { version: record.body.version });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('verified');

    const employer = await TestClient.as(username, password);
    const lookup = await employer.get(LOOKUP);
    expect(lookup.status).toBe(200);
    expect(lookup.body.items[0].idNumber).toBe('**************1236');
    const invite = await employer.post('/api/invitations', { studentId: 'stu-1', data: {} });
    expect(invite.status).toBe(201);
    expect(invite.body.data.employerName).toBe(data.employerName);
    expect(invite.body.data.creditCode).toBe(data.creditCode);
  });

  it('returns a registration with a reason; the employer corrects it and submits again', async () => {
    const { res, username, password } = await register();
    const center = await TestClient.as('center');
    const noReason = await center.post(`/api/employer-registrations/${res.body.id}/reject`, { version: 1 });
    expect(noReason.status).toBe(422);
    const returned = await center.post(`/api/employer-registrations/${res.body.id}/reject`, {
      version: 1,
      reason: '营业执照上的单位名称与填写不一致',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.state).toBe('returned');

    const employer = await TestClient.as(username, password);
    const seen = await employer.get(`/api/employer-registrations/${res.body.id}`);
    expect(seen.body.timeline.at(-1)).toMatchObject({ reason: '营业执照上的单位名称与填写不一致' });
    expect(seen.body.actions.map((a: { name: string }) => a.name)).toEqual(['resubmit']);
    const fixed = await employer.post(`/api/employer-registrations/${res.body.id}/resubmit`, {
      version: seen.body.version,
      data: { ...seen.body.data, employerName: '南京星河软件股份有限公司' },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.state).toBe('pending');
    expect((await employer.get('/api/session')).body.user.scope.employerName).toBe('南京星河软件股份有限公司');
    // still not verified: resubmitting never verifies
    expect((await employer.get(LOOKUP)).status).toBe(403);
  });

  it('a corrected code that belongs to another employer is refused', async () => {
    const { res, username, password } = await register();
    const center = await TestClient.as('center');
    await center.post(`/api/employer-registrations/${res.body.id}/reject`, { version: 1, reason: '信用代码有误' });
    const employer = await TestClient.as(username, password);
    const seen = await employer.get(`/api/employer-registrations/${res.body.id}`);
    const taken = await employer.post(`/api/employer-registrations/${res.body.id}/resubmit`, {
      version: seen.body.version,
      data: { ...seen.body.data, creditCode: '91320106MA1XY012AY' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('credit_code_taken');
  });

  it('only the centre verifies: the employer itself, a school, another employer cannot', async () => {
    const { res, username, password } = await register();
    const self = await TestClient.as(username, password);
    expect((await self.post(`/api/employer-registrations/${res.body.id}/approve`, { version: 1 })).status).toBe(403);
    // Not a reader of registrations: for a school it is as if the record did not exist.
    const school = await TestClient.as('school');
    expect((await school.get(`/api/employer-registrations/${res.body.id}`)).status).toBe(404);
    const other = await TestClient.as('employer');
    expect((await other.get(`/api/employer-registrations/${res.body.id}`)).status).toBe(404);
    expect((await other.post(`/api/employer-registrations/${res.body.id}/approve`, { version: 1 })).status).toBe(404);
  });

  it('the demo employer2 waits in the centre queue', async () => {
    const center = await TestClient.as('center');
    const queue = await center.get('/api/employer-registrations?state=pending');
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain('reg-emp-2');
  });
});

describe('registration from one address is bounded', () => {
  const randomIp = () => `203.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  const registerFrom = (ip: string, body: unknown) =>
    new TestClient().request('POST', '/api/employers', body, { headers: { 'CF-Connecting-IP': ip } });

  it('past 10 attempts a minute the address is refused for ten minutes with 429, Retry-After and a Chinese message, and nothing is written', async () => {
    const ip = randomIp();
    let res: Reply | undefined;
    let attempts: number;
    // every attempt counts, a refused form too; the limiter's fixed one-minute windows may let up to twice the limit through
    for (attempts = 1; attempts <= 21; attempts++) {
      res = await registerFrom(ip, { username: uniqueUsername(), password: 'weak', data: registration() });
      if (res.status === 429) break;
      expect(res.status).toBe(422);
    }
    expect(attempts).toBeGreaterThan(10);
    expect(res!.body.error).toEqual({ code: 'too_many_registrations', message: '该网络地址提交注册过于频繁，请 10 分钟后再试' });
    expect(Number(res!.headers.get('Retry-After'))).toBe(600);

    const before = await rowCounts();
    const valid = await registerFrom(ip, { username: uniqueUsername(), password: 'Welcome2027', data: registration() });
    expect(valid.status).toBe(429);
    expect(valid.body.error.code).toBe('too_many_registrations');
    expect(Number(valid.headers.get('Retry-After'))).toBeGreaterThan(500);
    expect(await rowCounts()).toEqual(before);

    const elsewhere = await registerFrom(randomIp(), {
      username: uniqueUsername(),
      password: 'Welcome2027',
      data: await withLicence(registration()),
    });
    expect(elsewhere.status).toBe(201);
  });

  it('a few companies registering from one office address are not slowed down', async () => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++) {
      const res = await registerFrom(ip, { username: uniqueUsername(), password: 'Welcome2027', data: await withLicence(registration()) });
      expect(res.status).toBe(201);
    }
  });
});
