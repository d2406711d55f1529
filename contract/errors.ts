/**
 * Every error answer of the HTTP API: `{ error: { code, message, fields? } }`, the message in
 * Chinese. `ERROR_CODES` is the closed list of every `code` the worker answers: the worker's
 * `AppError` takes only these (worker/http/errors.ts), and the web reads the same type
 * (web/src/api/client.ts). A new code is added here first.
 */
import * as v from 'valibot';

export const ERROR_CODES = [
  // the request itself (400)
  'bad_body',
  'bad_field',
  'bad_file',
  'bad_format',
  'bad_json',
  'bad_multipart',
  'bad_query',
  'definition_invalid',
  'empty_file',
  'missing_column',
  'missing_field',
  'missing_file',
  'no_header',
  'no_rows',
  'too_large',
  'too_many',
  'too_many_files',
  'too_many_rows',
  'unsupported_media_type',
  // who is asking (401, 403)
  'unauthorized',
  'bad_credentials',
  'forbidden',
  'csrf',
  'password_change_required',
  'identity_confirmation_required',
  // what is asked about (404)
  'not_found',
  'student_not_found',
  // the state of things (409)
  'conflict',
  'stale',
  'stale_base_version',
  'stale_draft',
  'invalid_state',
  'active_agreement',
  'duplicate',
  'username_taken',
  'credit_code_taken',
  'file_taken',
  'source_not_approved',
  'impact_unconfirmed',
  'unchanged',
  'deadline_passed',
  // the content (413, 415, 422)
  'file_too_large',
  'unsupported_file_type',
  'suspicious_file',
  'invalid',
  'validation',
  'lifecycle_dependency',
  'reason_required',
  'reason_not_listed',
  'preview_required',
  'student_not_approved',
  'weak_password',
  // limits (429)
  'too_many_attempts',
  'too_many_registrations',
  'too_many_lookups',
  'lookup_quota_exceeded',
  'upload_quota',
  'too_many_loose_files',
  'daily_upload_files',
  'daily_upload_bytes',
  // Hono's own refusals, answered by on-error.ts as http_<status>
  'http_400',
  'http_404',
  'http_405',
  'http_413',
  'http_415',
  // the server (500, 503)
  'internal',
  'misconfigured',
  'pdf_font_unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const isErrorCode = (code: string): code is ErrorCode => (ERROR_CODES as readonly string[]).includes(code);

/** One field a person must fix: `path` is the field's key (`group.0.sub` inside a group row). */
export const FieldIssueSchema = v.object({
  path: v.string(),
  code: v.string(),
  message: v.string(),
});
export type FieldIssue = v.InferOutput<typeof FieldIssueSchema>;

/** The one error answer of every route and status. */
export const ErrorAnswerSchema = v.looseObject({
  error: v.object({
    code: v.picklist(ERROR_CODES),
    message: v.string(),
    fields: v.optional(v.array(FieldIssueSchema)),
  }),
});
export type ErrorAnswer = v.InferOutput<typeof ErrorAnswerSchema>;
