import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { send } from '../domain/files/files-test-kit.fixture';
import { tinyPdf } from '../domain/files/sample-files.fixture';
import { TestClient } from '../test/client';
import { count, studentWithSourceRecord } from '../test/fixtures';
import { workerFetch as fetchWorker } from '../test/worker-fetch';

const SELF = 'https://wangqian.test';
const EVIL = 'https://evil.example';

/** A signed-in student of their own, so "nothing was stored" counts only this test's rows. */
async function freshStudent() {
  const fixture = await studentWithSourceRecord('imported');
  const client = await TestClient.as(fixture.username);
  return { client, username: fixture.username, files: () => count('files', 'owner_id = ?', 'acc-' + fixture.studentId) };
}

async function objectsInR2() {
  return (await env.FILES.list()).objects.length;
}

async function pdfForm() {
  const form = new FormData();
  form.append('file', new File([await tinyPdf()], '协议书扫描件.pdf', { type: 'application/pdf' }));
  return form;
}

async function errorOf(res: Response) {
  return (await res.json<{ error: { code: string; message: string } }>()).error;
}

const CSRF = { code: 'csrf', message: '请求来源不被允许（CSRF 校验失败）' };

describe('another site cannot make a signed-in user change anything, whatever the body', () => {
  it('a cross-site multipart upload is refused and nothing is stored', async () => {
    const { client, files } = await freshStudent();
    const before = await objectsInR2();
    const res = await send(client, 'POST', '/api/files', await pdfForm(), { Origin: EVIL });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toEqual(CSRF);
    expect(await files()).toBe(0);
    expect(await objectsInR2()).toBe(before);
  });

  it('a cross-site JSON password change is refused and the old password still signs in', async () => {
    const { client, username } = await freshStudent();
    const body = JSON.stringify({ currentPassword: 'demo1234', newPassword: 'Hijacked2027!' });
    const res = await send(client, 'POST', '/api/session/password', body, { Origin: EVIL, 'Content-Type': 'application/json' });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toEqual(CSRF);
    expect((await new TestClient().post('/api/session', { username, password: 'demo1234' })).status).toBe(200);
  });

  it('a cross-site text/plain post is refused as CSRF before the body is looked at', async () => {
    const { client, username } = await freshStudent();
    const body = JSON.stringify({ currentPassword: 'demo1234', newPassword: 'Hijacked2027!' });
    const res = await send(client, 'POST', '/api/session/password', body, { Origin: EVIL, 'Content-Type': 'text/plain' });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toEqual(CSRF);
    expect((await new TestClient().post('/api/session', { username, password: 'demo1234' })).status).toBe(200);
  });

  it('a cross-site DELETE without a body cannot sign the user out', async () => {
    const { client } = await freshStudent();
    const res = await send(client, 'DELETE', '/api/session', undefined, { Origin: EVIL });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toEqual(CSRF);
    expect((await client.get('/api/session')).status).toBe(200);
  });

  it('a cross-site PUT (an admin’s form draft) is refused before any work', async () => {
    const admin = await TestClient.as('admin');
    const res = await send(admin, 'PUT', '/api/forms/dispatch/draft', JSON.stringify({ definition: {} }), {
      Origin: EVIL,
      'Content-Type': 'application/json',
    });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toEqual(CSRF);
  });

  it('Origin: null (a sandboxed frame or data: page) is refused', async () => {
    const { client } = await freshStudent();
    const res = await send(client, 'DELETE', '/api/session', undefined, { Origin: 'null' });
    expect(res.status).toBe(403);
    expect((await client.get('/api/session')).status).toBe(200);
  });

  it('a same-site sibling (another subdomain or port) is not the same origin', async () => {
    const { client } = await freshStudent();
    for (const origin of ['https://evil.wangqian.test', 'http://wangqian.test', 'https://wangqian.test:8443']) {
      const res = await send(client, 'DELETE', '/api/session', undefined, { Origin: origin });
      expect(res.status).toBe(403);
    }
    expect((await client.get('/api/session')).status).toBe(200);
  });

  it.each(['cross-site', 'same-site', 'none'])('without Origin, Sec-Fetch-Site: %s is refused', async (site) => {
    const { client, files } = await freshStudent();
    const form = await pdfForm();
    const res = await workerFetch(client, 'POST', '/api/files', form, { 'Sec-Fetch-Site': site });
    expect(res.status).toBe(403);
    expect(await errorOf(res)).toEqual(CSRF);
    expect(await files()).toBe(0);
  });

  it('a cross-site GET is only a read and is answered', async () => {
    const { client } = await freshStudent();
    const res = await send(client, 'GET', '/api/session', undefined, { Origin: EVIL });
    expect(res.status).toBe(200);
  });
});

describe('the web app itself and non-browser API clients write as before', () => {
  it('same-origin JSON, multipart and DELETE go through', async () => {
    const { client, files } = await freshStudent();
    const upload = await send(client, 'POST', '/api/files', await pdfForm(), { Origin: SELF });
    expect(upload.status).toBe(201);
    expect(await files()).toBe(1);
    const res = await send(client, 'DELETE', '/api/session', undefined, { Origin: SELF });
    expect(res.status).toBe(200);
    expect((await client.get('/api/session')).status).toBe(401);
  });

  it('without Origin, Sec-Fetch-Site: same-origin goes through', async () => {
    const { client, files } = await freshStudent();
    const res = await workerFetch(client, 'POST', '/api/files', await pdfForm(), { 'Sec-Fetch-Site': 'same-origin' });
    expect(res.status).toBe(201);
    expect(await files()).toBe(1);
  });

  it('a school system calling the API server-to-server (no Origin, no Sec-Fetch-Site) signs in and uploads', async () => {
    const { username, files } = await freshStudent();
    const login = await workerFetch(null, 'POST', '/api/session', JSON.stringify({ username, password: 'demo1234' }), {
      'Content-Type': 'application/json',
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const res = await workerFetch(null, 'POST', '/api/files', await pdfForm(), { Cookie: cookie });
    expect(res.status).toBe(201);
    expect(await files()).toBe(1);
  });
});

/** A request with exactly the given headers (and the client's cookie): no Origin added. */
function workerFetch(client: TestClient | null, method: string, path: string, body: BodyInit | undefined, headers: Record<string, string>) {
  const all = { ...headers };
  const cookie = client ? (client as unknown as { cookie: string }).cookie : '';
  if (cookie) all.Cookie = cookie;
  return fetchWorker(new Request(SELF + path, { method, body, headers: all }));
}
