/**
 * Sends a request through the worker's own entry (worker/index.ts: every middleware of the app),
 * inside the test's isolate. Called directly rather than through the pool's `exports.default`
 * loopback: that loopback grew slower with every request it carried (6 ms at first, 60 ms after
 * 240 requests, over a second after a few thousand), which made long suites crawl and finally
 * overflow the stack. Work the worker hands to `waitUntil` is finished before the answer returns,
 * so a test always sees its effects.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../index';

export async function workerFetch(request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
