import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { AppError } from '../http/errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for every state-changing request (POST, PUT, PATCH, DELETE, …), whatever its
 * content type — JSON, multipart, text/plain or no body at all:
 *  - with an `Origin` header, it must be this site's own origin (`null` and other sites are refused);
 *  - without `Origin`, a `Sec-Fetch-Site` header must say `same-origin` (`same-site`, `cross-site`
 *    and `none` — a typed address, never a page's write — are refused);
 *  - with neither header the request did not come from a web page: every current browser sends
 *    `Origin` on a cross-origin write and `Sec-Fetch-Site` on every request, so only a non-browser
 *    client (a school system calling the API server-to-server, curl) sends neither, and such a
 *    client cannot be tricked into a request by another site. It is let through.
 * The session cookie is also `SameSite=Strict`, so a cross-site request carries no session anyway.
 */
export function isSameOriginWrite(method: string, url: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method)) return true;
  const origin = headers.get('Origin');
  if (origin !== null) return origin === new URL(url).origin;
  const site = headers.get('Sec-Fetch-Site');
  if (site !== null) return site === 'same-origin';
  return true;
}

export const sameOriginWrites = createMiddleware<AppEnv>(async (c, next) => {
  if (!isSameOriginWrite(c.req.method, c.req.url, c.req.raw.headers)) {
    throw new AppError(403, 'csrf', '请求来源不被允许（CSRF 校验失败）');
  }
  await next();
});
