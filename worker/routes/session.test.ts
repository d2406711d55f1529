import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';

describe('signing in', () => {
  it('a demo school reviewer signs in and the session says who they are', async () => {
    const client = await TestClient.as('school');
    const me = await client.get('/api/session');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: 'school', role: 'school', mustChangePassword: false });
    expect(me.body.user.scope.schoolName).toBe('江苏示范大学');
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
    const res = await new TestClient().post('/api/session', { username: 'nobody-here', password: 'demo1234' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('bad_credentials');
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
      rawBody: 'username=school&password=demo1234', contentType: 'application/x-www-form-urlencoded',
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf');
  });

  it('a text/plain body is refused before any work', async () => {
    const res = await new TestClient().request('POST', '/api/session', undefined, { rawBody: '{"username":"school","password":"demo1234"}', contentType: 'text/plain' });
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
