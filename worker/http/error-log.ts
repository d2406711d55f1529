/**
 * The one log line of an unhandled error: what failed and where, never what the user sent.
 * Search terms (names, ID numbers, phones) travel in query strings and end up in failed queries'
 * parameters, so the line carries the path without its query string, a failed query's SQL without
 * its parameters, and any query-string value that still turns up in a message is masked.
 */

const MAX_CAUSES = 3;
const MAX_FRAMES = 12;

function isFailedQuery(err: Error): err is Error & { query: string; params: unknown[] } {
  return typeof (err as { query?: unknown }).query === 'string' && Array.isArray((err as { params?: unknown }).params);
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return `non-error thrown (${typeof err})`;
  if (isFailedQuery(err)) return `query failed: ${err.query}`;
  return `${err.name}: ${err.message}`;
}

function frames(err: unknown): string[] {
  if (!(err instanceof Error) || !err.stack) return [];
  return err.stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES);
}

export function errorLogLine(err: unknown, method: string, url: string): string {
  const { pathname, searchParams } = new URL(url);
  const lines = [`${method} ${pathname}`, describe(err)];
  let cause = err instanceof Error ? err.cause : undefined;
  for (let i = 0; cause !== undefined && i < MAX_CAUSES; i++) {
    lines.push(`caused by ${describe(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  let line = [...lines, ...frames(err)].join('\n');
  const values = [...searchParams.values()].flatMap((v) => [v, v.trim()]).filter((v) => v.length >= 2);
  for (const value of new Set(values.sort((a, b) => b.length - a.length))) line = line.split(value).join('[redacted]');
  return line;
}
