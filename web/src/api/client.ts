/** fetch wrapper for the JSON API: same-origin cookies, JSON in and out, errors as ApiError. */
import { isErrorCode, type ErrorCode, type FieldIssue } from '../../../contract/errors';

/**
 * What an ApiError's `code` can be: one of the server's codes (contract/errors.ts), or the
 * client's own — no answer (`network`), a cancelled upload (`aborted`), an answer without the
 * error shape (`error`).
 */
export type ApiErrorCode = ErrorCode | 'network' | 'aborted' | 'error';

export type ApiFieldError = FieldIssue;

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: ApiFieldError[];

  constructor(status: number, code: ApiErrorCode, message: string, fields: ApiFieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** Listeners told when any call answers 401, so the session can drop to the login screen. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '您没有权限进行此操作';
  if (status === 404) return '未找到该记录，或您无权查看';
  if (status === 409) return '该记录已被他人更新，请刷新后重试';
  if (status === 413) return '文件过大';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务器暂时无法处理请求，请稍后再试';
  return `请求失败（${status}）`;
}

/** Reads the `{ error: { code, message, fields? } }` body of a failed response. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const err = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown; fields?: unknown };
    const fields = Array.isArray(e.fields)
      ? e.fields
          .filter(
            (f): f is { path: string; code?: unknown; message?: unknown } =>
              !!f && typeof f === 'object' && typeof (f as { path?: unknown }).path === 'string',
          )
          .map((f) => ({
            path: f.path,
            code: typeof f.code === 'string' ? f.code : '',
            message: typeof f.message === 'string' ? f.message : '',
          }))
      : [];
    return new ApiError(
      status,
      typeof e.code === 'string' && isErrorCode(e.code) ? e.code : 'error',
      typeof e.message === 'string' && e.message ? e.message : fallbackMessage(status),
      fields,
    );
  }
  return new ApiError(status, 'error', fallbackMessage(status));
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** don't broadcast a 401 (used by the initial "who am I" call and the login itself) */
  quiet401?: boolean;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = options.body === undefined ? 'GET' : 'POST', body, signal } = options;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !options.quiet401) unauthorizedListeners.forEach((l) => l());
    throw errorFromBody(response.status, parsed);
  }
  return parsed as T;
}

/** Builds `path?k=v` from the non-empty entries of `query`. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
