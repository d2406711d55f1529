import { and, gt, sql } from 'drizzle-orm';
import type { Db } from './client';
import { listFilterConditions, type ListQuery } from './records';
import { records } from './schema';

export interface ApprovedDispatchRow {
  id: string;
  data: string;
  source: string | null;
  schoolCode: string;
  schoolName: string;
  state: string;
}

/** Which dispatch records an export holds: the filters of the dispatch list (scope, states, cohort, school, college, search). */
export type DispatchExportFilter = Omit<ListQuery, 'kind' | 'cursor' | 'limit'>;

/** One page of the filtered dispatch (or 毕业去向登记) records with the student's source data, keyset by id. */
export async function dispatchExportPage(
  db: Db,
  filter: DispatchExportFilter,
  after: string,
  limit: number,
  kind: 'dispatches' | 'destinations' = 'dispatches',
): Promise<ApprovedDispatchRow[]> {
  const where = and(...listFilterConditions({ ...filter, kind }), gt(records.id, after));
  return db.all<ApprovedDispatchRow>(sql`
    SELECT records.id AS id, records.data AS data, records.state AS state, s.data AS source, sc.code AS schoolCode, sc.name AS schoolName
    FROM records
    JOIN schools sc ON sc.id = records.school_id
    LEFT JOIN records s ON s.student_id = records.student_id AND s.kind = 'source-records'
    WHERE ${where}
    ORDER BY records.id
    LIMIT ${limit}`);
}
