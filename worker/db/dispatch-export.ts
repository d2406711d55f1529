import { sql } from 'drizzle-orm';
import type { Db } from './client';

export interface ApprovedDispatchRow {
  id: string;
  data: string;
  source: string | null;
  schoolCode: string;
  schoolName: string;
}

/** One page of approved dispatch records with the student's source data, keyset by id. */
export async function approvedDispatchPage(db: Db, after: string, limit: number, schoolId?: string): Promise<ApprovedDispatchRow[]> {
  return db.all<ApprovedDispatchRow>(sql`
    SELECT d.id AS id, d.data AS data, s.data AS source, sc.code AS schoolCode, sc.name AS schoolName
    FROM records d
    JOIN schools sc ON sc.id = d.school_id
    LEFT JOIN records s ON s.student_id = d.student_id AND s.kind = 'source-records'
    WHERE d.kind = 'dispatches' AND d.state = 'approved' AND d.id > ${after}
      ${schoolId ? sql`AND d.school_id = ${schoolId}` : sql``}
    ORDER BY d.id
    LIMIT ${limit}`);
}
