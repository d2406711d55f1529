/**
 * 就业统计 (docs/architecture.md, 就业统计): the graduates of one cohort in a scope, counted in D1
 * by group — how many, how many hold an approved agreement (学校审核通过), and their approved
 * 毕业去向登记 code — with the organisations of the scope and, per day, the agreements approved and
 * the destinations registered; all in one round trip (one batch). What a code counts as (落实 or
 * not) is decided by the caller from the classification beside the code table, not here.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { runBatch } from './batch';
import { rowsOf } from './driver-rows';

/** whose graduates: one college, one school, or (both null) every school */
export interface StatisticsScope {
  schoolId: string | null;
  collegeId: string | null;
}

export type StatisticsGroup = 'college' | 'major' | 'education' | 'gender' | 'origin';

/** One cell of the cross of a group and an approved destination code (null: none approved). */
export interface GroupCountRow {
  groupKey: string | null;
  destination: string | null;
  graduates: number;
  signed: number;
}

export interface DayCountRow {
  day: string;
  agreements: number;
  destinations: number;
}

export interface OrganisationRow {
  collegeId: string;
  collegeName: string;
  schoolId: string;
  schoolName: string;
}

/** what the group's key is read from: the student's college, or a field of the source record (生源信息) */
const GROUP_KEY: Record<StatisticsGroup | 'all', SQL> = {
  college: sql`s.college_id`,
  major: sql`json_extract(src.data, '$.major')`,
  education: sql`json_extract(src.data, '$.education')`,
  gender: sql`json_extract(src.data, '$.gender')`,
  // 生源地: the province of the 6-digit region code
  origin: sql`substr(json_extract(src.data, '$.originRegion'), 1, 2)`,
  all: sql`NULL`,
};

/** 已签约: the agreement state that counts (学校审核通过; a terminated one no longer does) */
const SIGNED_AGREEMENT_STATE = 'approved';
/** 已登记: the destination states a graduate's registration is approved in (by review, or by signing) */
const REGISTERED = sql`('registered', 'agreement')`;

function studentsIn(scope: StatisticsScope, cohort: number): SQL {
  if (scope.collegeId) return sql`s.college_id = ${scope.collegeId} AND s.cohort = ${cohort}`;
  if (scope.schoolId) return sql`s.school_id = ${scope.schoolId} AND s.cohort = ${cohort}`;
  return sql`s.cohort = ${cohort}`;
}

function groupCounts(scope: StatisticsScope, cohort: number, group: StatisticsGroup | 'all'): SQL {
  // the source record is read only when the group comes from it
  const source =
    group === 'college' || group === 'all' ? sql`` : sql`LEFT JOIN records src ON src.kind = 'source-records' AND src.student_id = s.id`;
  // at most one of each per student: one destination per cohort (one_destination), one active agreement (one_active_agreement)
  return sql`
    SELECT ${GROUP_KEY[group]} AS groupKey,
      CASE WHEN d.state IN ${REGISTERED} THEN json_extract(d.data, '$.destination') END AS destination,
      COUNT(*) AS graduates,
      COUNT(a.id) AS signed
    FROM students s
    ${source}
    LEFT JOIN records d ON d.kind = 'destinations' AND d.student_id = s.id AND d.cohort = s.cohort
    LEFT JOIN records a ON a.kind = 'agreements' AND a.student_id = s.id AND a.state = ${SIGNED_AGREEMENT_STATE}
    WHERE ${studentsIn(scope, cohort)}
    GROUP BY groupKey, destination`;
}

/** per Beijing day: agreements approved by the school, destinations approved (or registered by signing) */
function dayCounts(scope: StatisticsScope, cohort: number): SQL {
  return sql`
    SELECT date(e.at, '+8 hours') AS day,
      COUNT(DISTINCT CASE WHEN r.kind = 'agreements' THEN r.id END) AS agreements,
      COUNT(DISTINCT CASE WHEN r.kind = 'destinations' THEN r.id END) AS destinations
    FROM students s
    -- CROSS JOIN keeps the scope's students as the outer loop: left to itself the planner walked
    -- every agreement and destination of the province (records_kind_id) for one college
    CROSS JOIN records r ON r.student_id = s.id AND r.kind IN ('agreements', 'destinations')
    JOIN audit_events e ON e.record_id = r.id
    WHERE ${studentsIn(scope, cohort)}
      AND ((r.kind = 'agreements' AND e.to_state = ${SIGNED_AGREEMENT_STATE})
        OR (r.kind = 'destinations' AND r.cohort = s.cohort AND e.to_state IN ${REGISTERED}))
    GROUP BY day ORDER BY day`;
}

function organisations(scope: StatisticsScope): SQL {
  const where = scope.collegeId ? sql`WHERE c.id = ${scope.collegeId}` : scope.schoolId ? sql`WHERE c.school_id = ${scope.schoolId}` : sql``;
  return sql`
    SELECT c.id AS collegeId, c.name AS collegeName, sc.id AS schoolId, sc.name AS schoolName
    FROM colleges c JOIN schools sc ON sc.id = c.school_id ${where}
    ORDER BY sc.code, c.id`;
}

/**
 * The counts of one cohort in a scope, in one batch: by group (`by`), or, for the day series, the
 * scope's totals and the days; always the scope's colleges and schools (names, and whether a school
 * asked for exists).
 */
export async function readStatistics(
  db: Db,
  scope: StatisticsScope,
  cohort: number,
  by: StatisticsGroup | 'day',
): Promise<{ groups: GroupCountRow[]; days: DayCountRow[]; organisations: OrganisationRow[] }> {
  const statements = [organisations(scope), groupCounts(scope, cohort, by === 'day' ? 'all' : by)];
  if (by === 'day') statements.push(dayCounts(scope, cohort));
  const [orgs, groups, days] = await runBatch(db, statements);
  return {
    organisations: rowsOf(orgs) as unknown as OrganisationRow[],
    // a code stored as a number in the JSON (1 for 男) groups as its text
    groups: (rowsOf(groups) as unknown as (Omit<GroupCountRow, 'groupKey'> & { groupKey: string | number | null })[]).map((r) => ({
      ...r,
      groupKey: r.groupKey === null ? null : String(r.groupKey),
    })),
    days: rowsOf(days) as unknown as DayCountRow[],
  };
}
