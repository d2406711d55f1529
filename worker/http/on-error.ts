import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { errorLogLine } from './error-log';
import { AppError } from './errors';

/** The single place errors become responses. Never leaks a stack trace; logs no user input (see error-log). */
export function onError(err: Error, c: Context) {
  if (err instanceof AppError) {
    // a 429 says when to come back
    const retryAfter = (err as { retryAfter?: unknown }).retryAfter;
    if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    const body = { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
    return c.json(body, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const message = status === 403 ? '请求来源不被允许（CSRF 校验失败）' : status === 413 ? '请求内容过大' : '请求无效';
    return c.json({ error: { code: status === 403 ? 'csrf' : `http_${status}`, message } }, status);
  }
  console.error('unhandled error', errorLogLine(err, c.req.method, c.req.url));
  return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }, 500);
}

export function notFoundApi(c: Context) {
  return c.json({ error: { code: 'not_found', message: '接口不存在' } }, 404);
}
