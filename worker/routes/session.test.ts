import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashInitialPassword, PBKDF2_ITERATIONS } from '../auth/password';
import { TestClient, type Reply } from '../test/client';
import { workerFetch } from '../test/worker-fetch';
import { studentWithSourceRecord } from '../test/fixtures';
import { randomInt, seededRandom } from '../../test/seed';

describe('signing in', () => {
  it('a demo school reviewer signs in and the session says who they are', async () => {
    const client = await TestClient.as('school');
    const me = await client.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'school', role: 'school', mustChangePassword: false });
    expect(me.body.user.scope.schoolName).toBe('江苏示范大学');
  });

  it('the username is found ignoring letter case, and the session keeps its own spelling', async () => {
    const client = new TestClient();
    const res = await client.post('/api/session', { username: 'College2', password: 'demo1234' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'college2', role: 'college' });
  });

  it('the session cookie is HttpOnly, Secure and SameSite=Strict', async () => {
    const client = new TestClient();
    const res = await client.post('/api/session', { username: 'student', password: 'demo1234' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('a wrong password is refused with a Chinese message and no session', async () => {
    const client = new TestClient();
    const res = await client.post('/api/session', { username: 'school', password: 'wrong-password' });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'bad_credentials', message: '用户名或密码错误' });
    expect((await client.get('/api/session')).status).toBe(401);
  });

  it('an unknown user gets exactly the same answer as a wrong password', async () => {
    const unknown = await new TestClient().post('/api/session', { username: 'nobody-here', password: 'demo1234' });
    const wrong = await new TestClient().post('/api/session', { username: 'school2', password: 'not-the-password1' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.error).toEqual({ code: 'bad_credentials', message: '用户名或密码错误' });
  });

  it('logging out ends the session on the server', async () => {
    const client = await TestClient.as('college');
    const stolenCookie = (client as unknown as { cookie: string }).cookie;
    expect((await client.delete('/api/session')).status).toBe(200);
    const replay = new TestClient();
    (replay as unknown as { cookie: string }).cookie = stolenCookie;
    expect((await replay.get('/api/session')).status).toBe(401);
  });

  it('changing the password ends the other sessions of the account', async () => {
    const phone = await TestClient.as('employer2');
    const laptop = await TestClient.as('employer2');
    const changed = await laptop.post('/api/session/password', { currentPassword: 'demo1234', newPassword: 'newpass2027' });
    expect(changed.status).toBe(200);
    expect((await laptop.get('/api/session')).status).toBe(200);
    expect((await phone.get('/api/session')).status).toBe(401);
    const back = await laptop.post('/api/session/password', { currentPassword: 'newpass2027', newPassword: 'demo1234x' });
    expect(back.status).toBe(200);
  });

  it('a weak new password is refused at the field', async () => {
    const client = await TestClient.as('center');
    const res = await client.post('/api/session/password', { currentPassword: 'demo1234', newPassword: '12345678' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'newPassword' });
  });
});

describe('bad requests get a clear JSON error, never a 500', () => {
  it('malformed JSON is a 400', async () => {
    const res = await new TestClient().request('POST', '/api/session', undefined, { rawBody: '{"username": "school", ' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_json' });
    expect(res.body.error.message).toMatch(/JSON/);
  });

  it('a JSON array instead of an object is a 400', async () => {
    const res = await new TestClient().request('POST', '/api/session', undefined, { rawBody: '[1,2]' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_body');
  });

  it('a cross-site form post is refused (CSRF)', async () => {
    const res = await new TestClient().request('POST', '/api/session', undefined, {
      rawBody: 'username=school&password=demo1234',
      contentType: 'application/x-www-form-urlencoded',
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf');
  });

  it('a text/plain body is refused before any work', async () => {
    const res = await new TestClient().request('POST', '/api/session', undefined, {
      rawBody: '{"username":"school","password":"demo1234"}',
      contentType: 'text/plain',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('an unknown API path is a JSON 404', async () => {
    const res = await new TestClient().get('/api/nothing/here/at/all');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('health answers ok', async () => {
    const res = await new TestClient().get('/api/health');
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
  });
});

type Jar = { cookie: string };
const cookieOf = (client: TestClient) => (client as unknown as Jar).cookie;
const withCookie = (cookie: string) => Object.assign(new TestClient(), { cookie }) as unknown as TestClient;
const ipRandom = seededRandom('session.test: client addresses');
const randomIp = () => `198.51.${randomInt(ipRandom, 250)}.${randomInt(ipRandom, 250)}`;

describe('sign-in does not tell which usernames exist by how long it takes', () => {
  afterEach(() => vi.restoreAllMocks());

  /** The PBKDF2 work one sign-in does: the iteration count of each key derivation it ran. */
  async function pbkdf2Work(username: string, password: string) {
    const deriveBits = vi.spyOn(crypto.subtle, 'deriveBits');
    const res = await new TestClient().request(
      'POST',
      '/api/session',
      { username, password },
      { headers: { 'CF-Connecting-IP': randomIp() } },
    );
    const work = deriveBits.mock.calls.map(([algorithm]) => (algorithm as { iterations?: number }).iterations);
    deriveBits.mockRestore();
    return { status: res.status, work };
  }

  it('an unknown username (a student ID number nobody has) costs one full PBKDF2, like a wrong password', async () => {
    const s = await studentWithSourceRecord('imported');
    const wrongPassword = await pbkdf2Work(s.username, 'guess1234');
    const unknownName = await pbkdf2Work('32010620050315' + String(Math.floor(Math.random() * 9000) + 1000), 'guess1234');
    expect(wrongPassword).toEqual({ status: 401, work: [PBKDF2_ITERATIONS] });
    expect(unknownName).toEqual({ status: 401, work: [PBKDF2_ITERATIONS] });
  });

  it("a student still on the import's initial password (a quick hash) costs the same as everyone else", async () => {
    const s = await studentWithSourceRecord('imported');
    await env.DB.prepare('UPDATE accounts SET password_hash = ? WHERE username = ?')
      .bind(await hashInitialPassword('initpass23'), s.username)
      .run();
    expect(await pbkdf2Work(s.username, 'guess1234')).toEqual({ status: 401, work: [PBKDF2_ITERATIONS] });
    expect(await pbkdf2Work(s.username, 'initpass23')).toEqual({ status: 200, work: [PBKDF2_ITERATIONS] });
  });
});

describe('sign-in throttling (failed attempts per account and per address)', () => {
  // The limiter counts in fixed one-minute windows, so a run that straddles a window boundary may
  // need up to twice the limit before the lock: allow for that, never more.
  async function failUntilLocked(body: () => Record<string, string>, headers: Record<string, string>, limit: number) {
    for (let i = 1; i <= 2 * limit + 1; i++) {
      const res = await new TestClient().request('POST', '/api/session', body(), { headers });
      if (res.status === 429) return { res, attempts: i };
      expect(res.status).toBe(401);
    }
    throw new Error('never throttled');
  }

  it('an account guessed at is locked, even against the right password, with Retry-After and a Chinese message', async () => {
    const s = await studentWithSourceRecord('imported');
    const { res, attempts } = await failUntilLocked(() => ({ username: s.username, password: `guess-${ipRandom()}` }), {}, 5);
    expect(attempts).toBeGreaterThan(5);
    expect(res.body.error).toMatchObject({ code: 'too_many_attempts', message: '登录失败次数过多，请 1 分钟后再试' });
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);

    const right = await new TestClient().post('/api/session', { username: s.username, password: 'demo1234' });
    expect(right.status).toBe(429);
    expect(right.headers.get('Set-Cookie')).toBeNull();
    expect((await new TestClient().post('/api/session', { username: 'college2', password: 'demo1234' })).status).toBe(200);
  });

  it('a campus NAT: many students mistyping from one address do not lock the school out', async () => {
    const ip = randomIp();
    // 1 % of a 5,000-student school mistyping within the same minute, each on their own account
    for (let i = 0; i < 60; i++) {
      const res = await new TestClient().request(
        'POST',
        '/api/session',
        { username: `32010620050315${1000 + i}`, password: 'typo1234' },
        { headers: { 'CF-Connecting-IP': ip } },
      );
      expect(res.status).toBe(401);
    }
    const s = await studentWithSourceRecord('imported');
    const classmate = await new TestClient().request(
      'POST',
      '/api/session',
      { username: s.username, password: 'demo1234' },
      { headers: { 'CF-Connecting-IP': ip } },
    );
    expect(classmate.status).toBe(200);
    expect(classmate.body.user.username).toBe(s.username);
  });

  it('one address trying many accounts is locked out; other addresses still sign in', async () => {
    const ip = randomIp();
    // The address's allowance (LOGIN_IP_LIMITER: 300 failures a minute) is spent through the binding
    // itself: 300 sign-ins would be 300 deliberate password hashes, which is not what is tested here.
    const spend = async () => {
      let allowed = 0;
      while ((await env.LOGIN_IP_LIMITER.limit({ key: `ip:${ip}` })).success) if (++allowed > 600) throw new Error('never limited');
      return allowed;
    };
    // fixed one-minute windows: a window may roll over while we spend, or just after
    let res: Reply | undefined;
    for (let round = 1; round <= 2; round++) {
      const allowed = await spend();
      if (round === 1) expect(allowed).toBeGreaterThanOrEqual(300);
      res = await new TestClient().request(
        'POST',
        '/api/session',
        { username: `nobody-${ip}`, password: 'x' },
        { headers: { 'CF-Connecting-IP': ip } },
      );
      if (res.status === 429) break;
    }
    expect(res!.status).toBe(429);
    const fromThere = await new TestClient().request(
      'POST',
      '/api/session',
      { username: 'province', password: 'demo1234' },
      { headers: { 'CF-Connecting-IP': ip } },
    );
    expect(fromThere.status).toBe(429);
    const elsewhere = await new TestClient().request(
      'POST',
      '/api/session',
      { username: 'province', password: 'demo1234' },
      { headers: { 'CF-Connecting-IP': randomIp() } },
    );
    expect(elsewhere.status).toBe(200);
  });

  it("a stolen session cannot guess the account's password through the password change: same count, same lock", async () => {
    const s = await studentWithSourceRecord('imported');
    const session = await TestClient.as(s.username);
    const before = await env.DB.prepare('SELECT password_hash FROM accounts WHERE username = ?').bind(s.username).first('password_hash');
    let res: Reply | undefined;
    let attempts: number;
    for (attempts = 1; attempts <= 11; attempts++) {
      res = await session.post('/api/session/password', { currentPassword: `guess-${attempts}`, newPassword: 'Taken2027x' });
      if (res.status === 429) break;
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('bad_credentials');
    }
    expect(attempts).toBeGreaterThan(5);
    expect(res!.status).toBe(429);
    expect(res!.body.error).toEqual({ code: 'too_many_attempts', message: '密码验证失败次数过多，请 1 分钟后再试' });
    expect(Number(res!.headers.get('Retry-After'))).toBeGreaterThan(0);

    // the right current password is refused too while locked, and so is signing in to the account
    const right = await session.post('/api/session/password', { currentPassword: 'demo1234', newPassword: 'Taken2027x' });
    expect(right.status).toBe(429);
    expect(await env.DB.prepare('SELECT password_hash FROM accounts WHERE username = ?').bind(s.username).first('password_hash')).toBe(
      before,
    );
    expect((await new TestClient().post('/api/session', { username: s.username, password: 'demo1234' })).status).toBe(429);
  });

  it('signing in correctly many times in a row is never throttled', async () => {
    const ip = randomIp();
    for (let i = 0; i < 8; i++) {
      const res = await new TestClient().request(
        'POST',
        '/api/session',
        { username: 'school2', password: 'demo1234' },
        { headers: { 'CF-Connecting-IP': ip } },
      );
      expect(res.status).toBe(200);
    }
  });
});

describe('sessions cannot be fixed, replayed or outlive a password', () => {
  it('a session cookie planted before sign-in is replaced, and the planted one is dead afterwards', async () => {
    const attacker = await TestClient.as('student3');
    const planted = cookieOf(attacker);
    const victim = withCookie(planted);
    const login = await victim.post('/api/session', { username: 'college', password: 'demo1234' });
    expect(login.status).toBe(200);
    expect(cookieOf(victim)).not.toBe(planted);
    expect((await victim.get('/api/session')).body.user.username).toBe('college');
    expect((await withCookie(planted).get('/api/session')).status).toBe(401);
  });

  it('a forged or unsigned cookie is no session at all', async () => {
    expect((await withCookie('wq_session=made-up-token').get('/api/session')).status).toBe(401);
  });
});

describe('an initial password must be changed before anything else', () => {
  it('with must_change_password the account can only see who it is and change the password', async () => {
    const s = await studentWithSourceRecord('imported');
    await env.DB.prepare('UPDATE accounts SET must_change_password = 1 WHERE username = ?').bind(s.username).run();
    const student = await TestClient.as(s.username);
    expect((await student.get('/api/session')).body.user.mustChangePassword).toBe(true);

    for (const res of [
      await student.get('/api/source-records'),
      await student.get(`/api/source-records/${s.recordId}`),
      await student.post(`/api/source-records/${s.recordId}/save`, { version: 1, data: { mobile: '13800009999' } }),
      await student.post('/api/session/identity', { idNumber: s.idNumber, mobile: '13800009999' }),
      await student.upload('/api/files', 'hello', 'a.txt', 'text/plain'),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'password_change_required', message: '首次登录请先修改初始密码' });
    }
    expect(await env.DB.prepare('SELECT version FROM records WHERE id = ?').bind(s.recordId).first('version')).toBe(1);

    expect((await student.post('/api/session/password', { currentPassword: 'demo1234', newPassword: 'Season2027!' })).status).toBe(200);
    expect((await student.get(`/api/source-records/${s.recordId}`)).status).toBe(200);
  });
});

describe('cross-site form posts are refused (CSRF)', () => {
  it('a multipart upload from another site is refused before any work', async () => {
    const student = await TestClient.as('student');
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4 x']), 'a.pdf');
    const res = await workerFetch(
      new Request('https://wangqian.test/api/files', {
        method: 'POST',
        body: form,
        headers: { Cookie: cookieOf(student), Origin: 'https://evil.example' },
      }),
    );
    expect(res.status).toBe(403);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('csrf');
  });

  it('a cross-site text/plain logout is refused and the session survives', async () => {
    const school = await TestClient.as('school');
    const res = await school.request('DELETE', '/api/session', undefined, {
      rawBody: 'x',
      contentType: 'text/plain',
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect((await school.get('/api/session')).status).toBe(200);
  });
});
