/**
 * 就业统计 (docs/architecture.md, 就业统计): the graduates of one cohort in a scope, counted in D1
 * by group — how many, how many hold an approved agreement (学校审核通过), and how many registered
 * each approved 毕业去向登记 code — with the organisations of the scope and, per day, the agreements
 * approved and the destinations registered; all in one round trip (one batch). What a code counts as (落实 or
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

/**
 * One line of the counts: graduates of a group, or the signed among them, or the registered among
 * them with one approved destination code (the other counts 0 on that line).
 */
export interface GroupCountRow {
  groupKey: string | null;
  destination: string | null;
  graduates: number;
  signed: number;
  registered: number;
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

/** what the group's key is read from: the college (of the student or the record), or a field of the source record (生源信息) */
function groupKey(group: StatisticsGroup | 'all', alias: 's' | 'r'): SQL {
  switch (group) {
    case 'college':
      // `+`: a record's college is not an order to walk the kind's records in (records_college_order);
      // without it the planner walked every agreement of the province to spare itself a sort
      return alias === 's' ? sql`s.college_id` : sql`+r.college_id`;
    case 'major':
      return sql`json_extract(src.data, '$.major')`;
    case 'education':
      return sql`json_extract(src.data, '$.education')`;
    case 'gender':
      return sql`json_extract(src.data, '$.gender')`;
    // 生源地: the province of the 6-digit region code
    case 'origin':
      return sql`substr(json_extract(src.data, '$.originRegion'), 1, 2)`;
    case 'all':
      return sql`NULL`;
  }
}

/** the source record of the student, read only when the group comes from it */
function sourceOf(group: StatisticsGroup | 'all', alias: 's' | 'r'): SQL {
  if (group === 'college' || group === 'all') return sql``;
  return alias === 's'
    ? sql`LEFT JOIN records src ON src.kind = 'source-records' AND src.student_id = s.id`
    : sql`LEFT JOIN records src ON src.kind = 'source-records' AND src.student_id = r.student_id`;
}

/** 已签约: the agreement state that counts (学校审核通过; a terminated one no longer does) */
const SIGNED_AGREEMENT_STATE = 'approved';
/** 已登记: the destination states a graduate's registration is approved in (by review, or by signing) */
const REGISTERED = sql`('registered', 'agreement')`;

function studentsIn(scope: StatisticsScope, cohort: number): SQL {
  if (scope.collegeId) return sql`s.college_id = ${scope.collegeId} AND s.cohort = ${cohort}`;
  if (scope.schoolId) return sql`s.school_id = ${scope.schoolId} AND s.cohort = ${cohort}`;
  return sql`s.cohort = ${cohort}`;
}

/** the same scope over the records' own (denormalised) college, school and cohort */
function recordsIn(scope: StatisticsScope, cohort: number): SQL {
  if (scope.collegeId) return sql`r.college_id = ${scope.collegeId} AND r.cohort = ${cohort}`;
  if (scope.schoolId) return sql`r.school_id = ${scope.schoolId} AND r.cohort = ${cohort}`;
  return sql`r.cohort = ${cohort}`;
}

/**
 * Three aggregates in one statement: the graduates per group (students of the scope), the signed
 * per group (only the approved agreements are read, through records_kind_school/college/state), and
 * the registered per group and code (only the approved destinations). Nobody's unsigned, unregistered
 * row is looked up one by one.
 */
function groupCounts(scope: StatisticsScope, cohort: number, group: StatisticsGroup | 'all'): SQL {
  return sql`
    SELECT ${groupKey(group, 's')} AS groupKey, NULL AS destination, COUNT(*) AS graduates, 0 AS signed, 0 AS registered
    FROM students s ${sourceOf(group, 's')}
    WHERE ${studentsIn(scope, cohort)}
    GROUP BY 1
    UNION ALL
    SELECT ${groupKey(group, 'r')}, NULL, 0, COUNT(*), 0
    FROM records r ${sourceOf(group, 'r')}
    WHERE r.kind = 'agreements' AND r.state = ${SIGNED_AGREEMENT_STATE} AND ${recordsIn(scope, cohort)}
    GROUP BY 1
    UNION ALL
    SELECT ${groupKey(group, 'r')}, json_extract(r.data, '$.destination'), 0, 0, COUNT(*)
    FROM records r ${sourceOf(group, 'r')}
    WHERE r.kind = 'destinations' AND r.state IN ${REGISTERED} AND ${recordsIn(scope, cohort)}
    GROUP BY 1, 2`;
}

/** per Beijing day: agreements approved by the school, destinations approved (or registered by signing) */
function dayCounts(scope: StatisticsScope, cohort: number): SQL {
  return sql`
    SELECT date(e.at, '+8 hours') AS day,
      COUNT(DISTINCT CASE WHEN r.kind = 'agreements' THEN r.id END) AS agreements,
      COUNT(DISTINCT CASE WHEN r.kind = 'destinations' THEN r.id END) AS destinations
    FROM records r
    JOIN audit_events e ON e.record_id = r.id
    WHERE r.kind IN ('agreements', 'destinations') AND ${recordsIn(scope, cohort)}
      AND ((r.kind = 'agreements' AND e.to_state = ${SIGNED_AGREEMENT_STATE})
        OR (r.kind = 'destinations' AND e.to_state IN ${REGISTERED}))
    GROUP BY day ORDER BY day`;
}

function organisations(scope: StatisticsScope): SQL {
  const where = scope.collegeId
    ? sql`WHERE c.id = ${scope.collegeId}`
    : scope.schoolId
      ? sql`WHERE c.school_id = ${scope.schoolId}`
      : sql``;
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
