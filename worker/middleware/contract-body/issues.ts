/**
 * A valibot issue of a request body as the project's 400: `missing_field` when a required key is
 * absent, null or blank, `bad_field` otherwise, with `fields: [{ path, code, message }]`. The
 * schemas of contract/ carry the Chinese messages (contract/body-fields.ts); a schema without one
 * answers a neutral 格式不正确.
 */
import * as v from 'valibot';
import { REQUIRED } from '../../../contract/body-fields';
import { AppError, badRequest } from '../../http/errors';

type Issue = v.BaseIssue<unknown>;

const pathOf = (issue: Issue) => (issue.path ?? []).map((p) => String(p.key)).join('.');

/** The schema that judges the value at `path` (through pipes, optional/nullish wrappers, objects and arrays). */
function schemaAt(root: v.GenericSchema, path: readonly v.IssuePathItem[]): v.GenericSchema | undefined {
  let at: unknown = root;
  for (const item of path) {
    while (at && typeof at === 'object' && 'wrapped' in at) at = at.wrapped;
    if (at && typeof at === 'object' && 'entries' in at && at.entries && typeof at.entries === 'object') {
      at = (at.entries as Record<string, unknown>)[String(item.key)];
    } else if (at && typeof at === 'object' && 'item' in at) {
      at = at.item;
    } else {
      return undefined;
    }
  }
  return at as v.GenericSchema | undefined;
}

/**
 * A key left out is reported by its object ("Invalid key"); the field's own schema is asked what
 * it says about nothing there, so a missing string is 必填 and a missing number 必须是整数, as the
 * field says.
 */
function fieldIssue(schema: v.GenericSchema, issue: Issue): Issue {
  const last = issue.path?.at(-1);
  if (issue.type !== 'object' || last?.origin !== 'key' || !issue.path) return issue;
  const field = schemaAt(schema, issue.path);
  const own = field ? v.safeParse(field, undefined, { abortEarly: true }).issues?.[0] : undefined;
  return own ? { ...own, path: issue.path } : issue;
}

const chinese = (message: string) => (/[\u4e00-\u9fff]/.test(message) ? message : '格式不正确');

/** The 400 a body that fails its route's schema answers: the first problem, as the routes always said it. */
export function bodyRefusal(schema: v.GenericSchema, issues: readonly [Issue, ...Issue[]]): AppError {
  const issue = fieldIssue(schema, issues[0]);
  const path = pathOf(issue);
  const message = chinese(issue.message);
  if (!path) return badRequest('bad_body', `请求内容${message}`);
  if (message === REQUIRED) return badRequest('missing_field', `缺少字段 ${path}`, [{ path, code: 'required', message }]);
  if (issue.type === 'max_length') return badRequest('bad_field', `字段 ${path} 过长`, [{ path, code: 'maxLength', message }]);
  return badRequest('bad_field', `字段 ${path} ${message}`, [{ path, code: 'type', message }]);
}
