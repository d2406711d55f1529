/**
 * Typed errors thrown by guards anywhere in the worker; `onError` turns each into the one JSON
 * error shape of docs/architecture.md and docs/security.md: `{ error: { code, message, fields? } }` with a Chinese message.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../../contract/errors';

export type { ErrorCode };

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
  }
}

export const badRequest = (code: ErrorCode, message: string, fields?: FieldIssue[]) => new AppError(400, code, message, fields);
export const unauthorized = (message = '请先登录') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = '您无权进行此操作') => new AppError(403, 'forbidden', message);
export const notFound = (message = '记录不存在或您无权查看') => new AppError(404, 'not_found', message);
export const conflict = (message = '该记录已被他人更新，请刷新后重试', code: ErrorCode = 'conflict') => new AppError(409, code, message);
export const invalid = (message: string, fields: FieldIssue[] = [], code: ErrorCode = 'invalid') =>
  new AppError(422, code, message, fields);
