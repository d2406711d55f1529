import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, describe, expect, it, vi } from 'vitest';
import worker from '../index';
import { KNOWN_DEVELOPMENT_VALUES } from './required-secrets';

const OLD_COMMITTED_VALUE = 'local-development-secret-change-me-in-production';
const RANDOM_DEV_VARS_VALUE = 'a3f1c9e07b5d42e8916c0fd2b7a84e3c5d19f60a2be7c4d83f05a916e2b7c40d';

/** The worker's entry with an env of our own: a fresh object is a fresh isolate for the check. */
async function fetchWith(overrides: Record<string, unknown>, path = '/api/health', init: RequestInit = {}) {
  const testEnv = { ...env, ...overrides };
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request('https://wangqian.test' + path, init), testEnv, ctx);
  await waitOnExecutionContext(ctx);
  return { status: res.status, body: await res.json<{ error: { code: string }; user: unknown }>(), env: testEnv };
}

const signIn: RequestInit = {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', Origin: 'https://wangqian.test' },
  body: JSON.stringify({ username: 'student', password: 'demo1234' }),
};

afterEach(() => vi.restoreAllMocks());

describe('a deployment without its session key refuses to serve', () => {
  it('no SESSION_SECRET in production: every request is 503 misconfigured, and one log line names the secret', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const testEnv = { ...env, SESSION_SECRET: undefined, ENVIRONMENT: 'production' } as unknown as Env;
    for (const [path, init] of [
      ['/api/health', {}],
      ['/api/session', signIn],
      ['/api/source-records', {}],
    ] as const) {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request('https://wangqian.test' + path, init), testEnv, ctx);
      expect(res.status).toBe(503);
      expect(res.headers.get('Set-Cookie')).toBeNull();
      expect(await res.json()).toEqual({ error: { code: 'misconfigured', message: '服务配置不完整，请联系管理员' } });
    }
    // logged once for this isolate's env, not once per request
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]![0])).toMatch(
      /^misconfigured: secret SESSION_SECRET is not set \(wrangler secret put SESSION_SECRET\) \(production mode\)/,
    );
  });

  it('the value once committed to the repository is refused in production, and the log never shows it', async () => {
    expect(KNOWN_DEVELOPMENT_VALUES).toContain(OLD_COMMITTED_VALUE);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await fetchWith({ SESSION_SECRET: OLD_COMMITTED_VALUE, ENVIRONMENT: 'production' }, '/api/session', signIn);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('misconfigured');
    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]![0]);
    expect(line).toMatch(/SESSION_SECRET is a published development value/);
    expect(line).not.toContain(OLD_COMMITTED_VALUE);
  });

  it('a short key is refused in production; ENVIRONMENT missing counts as production', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await fetchWith({ SESSION_SECRET: 'short-secret', ENVIRONMENT: undefined });
    expect(res.status).toBe(503);
    expect(String(log.mock.calls[0]![0])).toMatch(/SESSION_SECRET is shorter than 32 characters.*\(production mode\)/);
    expect(String(log.mock.calls[0]![0])).not.toContain('short-secret');
  });

  it('development (.dev.vars) with its random key serves and signs in', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await fetchWith({ SESSION_SECRET: RANDOM_DEV_VARS_VALUE, ENVIRONMENT: 'development' }, '/api/session', signIn);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'student', role: 'student' });
    expect(log).not.toHaveBeenCalled();
  });

  it('development still starts with the old committed value (an old .dev.vars), but not without any key', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await fetchWith({ SESSION_SECRET: OLD_COMMITTED_VALUE, ENVIRONMENT: 'development' })).status).toBe(200);
    const missing = await fetchWith({ SESSION_SECRET: '', ENVIRONMENT: 'development' });
    expect(missing.status).toBe(503);
    expect(missing.body.error.code).toBe('misconfigured');
  });

  it('the scheduled sweep does nothing and logs when the key is missing', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const waitUntil = vi.fn();
    const ctx = { waitUntil, passThroughOnException: () => {}, props: {} } as unknown as ExecutionContext;
    const controller = { scheduledTime: Date.now(), cron: '*/15 * * * *', noRetry: () => {} } as ScheduledController;
    worker.scheduled(controller, { ...env, SESSION_SECRET: undefined } as unknown as Env, ctx);
    expect(waitUntil).not.toHaveBeenCalled();
    expect(String(log.mock.calls[0]![0])).toMatch(/misconfigured: secret SESSION_SECRET is not set/);
  });
});
