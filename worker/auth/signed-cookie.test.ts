/**
 * The session cookie is read with a key imported once: it must accept exactly what hono's
 * `setSignedCookie` signed with the same secret, and nothing else.
 */
import { Hono } from 'hono';
import { setSignedCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { readSignedCookie } from './signed-cookie';

const app = new Hono()
  .get('/set', async (c) => {
    await setSignedCookie(c, 'wq_session', c.req.query('value')!, c.req.query('secret')!);
    return c.body(null, 204);
  })
  .get('/read', async (c) => c.json({ value: (await readSignedCookie(c, 'wq_session', 'secret-a')) ?? null }));

async function signed(value: string, secret: string): Promise<string> {
  const res = await app.request(`/set?value=${encodeURIComponent(value)}&secret=${secret}`);
  return res.headers.get('Set-Cookie')!.split(';')[0]!;
}

async function read(cookie: string): Promise<string | null> {
  return (await (await app.request('/read', { headers: { Cookie: cookie } })).json<{ value: string | null }>()).value;
}

describe('signed cookies', () => {
  it('read back what was signed with the same secret, request after request', async () => {
    const cookie = await signed('token-1.with-dot', 'secret-a');
    expect(await read(cookie)).toBe('token-1.with-dot');
    expect(await read(`other=1; ${cookie}`)).toBe('token-1.with-dot');
  });

  it('refuse a cookie signed with another secret', async () => {
    expect(await read(await signed('token-1', 'secret-b'))).toBeNull();
  });

  it('refuse a value changed after signing, an unsigned value and a broken signature', async () => {
    const cookie = await signed('token-1', 'secret-a');
    expect(await read(cookie.replace('token-1', 'token-2'))).toBeNull();
    expect(await read('wq_session=token-1')).toBeNull();
    expect(await read(cookie.replace(/\.[^.]{4}/, '.!!!!'))).toBeNull();
    expect(await read('')).toBeNull();
  });
});
