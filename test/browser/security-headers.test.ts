/**
 * What the browser gets from the running app (`wrangler dev`, static assets and worker): a CSP
 * that allows no inline script, no sniffing, no framing, no referrer, and a session cookie the
 * page's scripts cannot read and other sites cannot send.
 */
import { describe, expect, it, inject } from 'vitest';

const base = () => inject('baseUrl');

function scriptSrc(csp: string): string {
  return (
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src')) ?? ''
  );
}

function expectSecurityHeaders(headers: Headers) {
  const csp = headers.get('Content-Security-Policy') ?? '';
  expect(scriptSrc(csp)).toBe("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(headers.get('X-Frame-Options')).toBe('DENY');
  expect(headers.get('Referrer-Policy')).toBe('no-referrer');
}

describe('security headers', () => {
  it.each(['/', '/r/agreements/some-id', '/audit'])('the web app page %s carries the CSP and friends', async (path) => {
    const res = await fetch(base() + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    expectSecurityHeaders(res.headers);
  });

  it('the page has no inline script: every script is a file from the same origin', async () => {
    const html = await (await fetch(base() + '/')).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/[^"/]/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it.each(['/api/health', '/api/session', '/verify/NO-SUCH-CODE'])('the API answer %s carries them too', async (path) => {
    const res = await fetch(base() + path);
    expectSecurityHeaders(res.headers);
  });

  it('the session cookie is HttpOnly, Secure and SameSite=Strict', async () => {
    const res = await fetch(base() + '/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'center', password: 'demo1234' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wq_session=')) ?? '';
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
  });
});
