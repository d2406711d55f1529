/** The filters of a record list from the query string (GET /api/<kind>; the dispatch export and the review queue read the same). */
import { badRequest } from '../http/errors';
import { searchTerm } from '../http/search-term';

export const MAX_LIMIT = 100;

export interface ListFilters {
  limit: number;
  cohort?: number;
  cursor?: string;
  states?: string[];
  q?: string;
  schoolId?: string;
  collegeId?: string;
}

export function parseListQuery(query: Record<string, string | undefined>): ListFilters {
  const limit = query.limit === undefined ? 20 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw badRequest('bad_query', `limit 必须是 1–${MAX_LIMIT} 的整数`);
  const cohort = query.cohort ? Number(query.cohort) : undefined;
  if (cohort !== undefined && (!Number.isInteger(cohort) || cohort < 1900 || cohort > 2200))
    throw badRequest('bad_query', '毕业届格式不正确');
  const cursor = query.cursor || undefined;
  if (cursor !== undefined && !/^[0-9a-f]{1,40}$/.test(cursor)) throw badRequest('bad_query', '分页游标无效');
  const states = query.state ? query.state.split(',').filter(Boolean).slice(0, 20) : undefined;
  const q = searchTerm(query.q);
  const orgId = (v: string | undefined, what: string) => {
    if (!v) return undefined;
    if (!/^[\w-]{1,64}$/.test(v)) throw badRequest('bad_query', `${what}参数无效`);
    return v;
  };
  return { limit, cohort, cursor, states, q, schoolId: orgId(query.school, '学校'), collegeId: orgId(query.college, '学院') };
}
