import { DrizzleQueryError } from 'drizzle-orm';
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorLogLine } from './error-log';
import { onError } from './on-error';

const ID_NUMBER = '11010120000101123X';
const SQL =
  'select "id" from "records" where instr(lower(json_extract("data", \'$.name\')), lower(?)) > 0 or json_extract("data", \'$.idNumber\') = ?';

/** What D1 failing a search looks like through drizzle: the params carry the search term. */
function failedSearch(term: string) {
  return new DrizzleQueryError(SQL, [term, term], new Error('D1_ERROR: LIKE or GLOB pattern too complex: SQLITE_ERROR'));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an unhandled error is logged without what the user searched for', () => {
  it('the 500 log line names the route, the failed SQL and its cause, but not the query string or the parameters', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = new Hono()
      .get('/api/source-records', () => {
        throw failedSearch(ID_NUMBER);
      })
      .onError(onError);
    const res = await app.request(`https://wangqian.test/api/source-records?limit=20&q=${ID_NUMBER}`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } });
    const printed = error.mock.calls
      .flat()
      .map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a)))
      .join('\n');
    expect(printed).toContain('GET /api/source-records');
    expect(printed).toContain('query failed: select "id" from "records"');
    expect(printed).toContain('caused by Error: D1_ERROR: LIKE or GLOB pattern too complex');
    expect(printed).not.toContain(ID_NUMBER);
    expect(printed).not.toContain('q=');
  });

  it('a search term that turns up in any message is masked, trimmed or not', () => {
    const err = new Error(`no such student: ${ID_NUMBER}`, { cause: new Error(`bad value 云帆科技`) });
    const line = errorLogLine(
      err,
      'GET',
      `https://wangqian.test/api/students/lookup?idNumber=${ID_NUMBER}&name=${encodeURIComponent(' 云帆科技 ')}`,
    );
    expect(line).toContain('/api/students/lookup');
    expect(line).toContain('no such student: [redacted]');
    expect(line).toContain('caused by Error: bad value [redacted]');
    expect(line).not.toContain(ID_NUMBER);
    expect(line).not.toContain('云帆科技');
  });

  it('a thrown non-error is named by its type only', () => {
    expect(errorLogLine({ idNumber: ID_NUMBER }, 'POST', 'https://wangqian.test/api/x')).toBe('POST /api/x\nnon-error thrown (object)');
  });
});
