/**
 * Sends a request through the worker's own entry (worker/index.ts: every middleware of the app),
 * inside the test's isolate. Called directly rather than through the pool's `exports.default`
 * loopback: that loopback grew slower with every request it carried (6 ms at first, 60 ms after
 * 240 requests, over a second after a few thousand), which made long suites crawl and finally
 * overflow the stack. Work the worker hands to `waitUntil` is finished before the answer returns,
 * so a test always sees its effects. Every JSON answer is checked against the OpenAPI document
 * (answer-check.ts): one that does not match fails the test.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../index';
import { checkAnswer } from './answer-check';

async function send(request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

export async function workerFetch(request: Request): Promise<Response> {
  const { method, url } = request;
  const response = await send(request);
  if (/^application\/json\b/i.test(response.headers.get('content-type') ?? '')) {
    const text = await response.clone().text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${url} → ${response.status}: a JSON answer that is not JSON: ${text.slice(0, 200)}`);
    }
    await checkAnswer(send, method, url, response, body);
  }
  return response;
}

/**
 * The session cookie of a demo account, signed in through the worker (for calls that read an answer
 * as bytes, such as the agreement PDF, which TestClient reads as text).
 */
export async function sessionCookieOf(origin: string, username: string, password = 'demo1234'): Promise<string> {
  const res = await workerFetch(
    new Request(`${origin}/api/session`, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }),
  );
  if (res.status !== 200) throw new Error(`signing in as ${username}: ${String(res.status)}`);
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error(`signing in as ${username}: no session cookie`);
  return cookie;
}
