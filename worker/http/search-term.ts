/**
 * A search term from the query string: trimmed, empty means "no search", and at most
 * MAX_SEARCH_LENGTH characters (the longest a searched field can hold) — longer is a 400, never a
 * silent cut that would miss the record. Terms can be ID numbers: they are never logged.
 */
import { charLength, MAX_SEARCH_LENGTH } from '../../forms/engine';
import { badRequest } from './errors';

export function searchTerm(raw: string | undefined, path = 'q', label = '搜索内容'): string | undefined {
  const term = raw?.trim();
  if (!term) return undefined;
  if (term.length > MAX_SEARCH_LENGTH * 2 || charLength(term) > MAX_SEARCH_LENGTH) {
    const message = `${label}最多 ${MAX_SEARCH_LENGTH} 个字`;
    throw badRequest('bad_query', message, [{ path, code: 'maxLength', message }]);
  }
  return term;
}
