/**
 * Queues are keyset-paginated (newest first, `id < cursor`): page 1,000 must cost what page 1
 * does, which holds only if SQLite walks an index in id order instead of sorting the whole kind.
 * The plan is checked for every shape of queue the roles use.
 */
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from './client';
import { listRecordsQuery, type ListQuery } from './records';
import { records } from './schema';
import { stateShownTo } from '../lifecycle/read-access';
import { lifecycleOf } from '../lifecycle/registry';

async function plan(query: Omit<ListQuery, 'limit'>): Promise<string> {
  const { sql, params } = listRecordsQuery(openDb(env.DB), { ...query, limit: 21 }).toSQL();
  const rows = await env.DB.prepare('EXPLAIN QUERY PLAN ' + sql)
    .bind(...params)
    .all<{ detail: string }>();
  return rows.results.map((r) => r.detail).join('\n');
}

const CURSOR = 'ffffffffffffffffffffffffffffffff';

describe('queue pagination never sorts the whole kind', () => {
  it.each<[string, Omit<ListQuery, 'limit'>]>([
    ['province / centre: every source record, a later page', { kind: 'source-records', cursor: CURSOR }],
    ['province: one state', { kind: 'source-records', states: ['school_approved'], cursor: CURSOR }],
    ['school: its own students', { kind: 'agreements', schoolId: 'sch-1', cursor: CURSOR }],
    ['college: its own queue in one state', { kind: 'dispatches', collegeId: 'col-1', states: ['college_review'], cursor: CURSOR }],
  ])('%s', async (_name, query) => {
    const detail = await plan(query);
    expect(detail).toMatch(/USING (COVERING )?INDEX records_/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});

describe("a student's or employer's own queue reads only their own records", () => {
  // walking records_kind_id instead (newest first over the whole kind, filtered row by row) avoids
  // a sort but reads every agreement of a million students to find one student's two
  it.each<[string, Omit<ListQuery, 'limit'>, string]>([
    ['student: own agreements', { kind: 'agreements', scope: eq(records.studentId, 'stu-1') }, 'records_student'],
    [
      'student: own source record, a later page',
      { kind: 'source-records', scope: eq(records.studentId, 'stu-1'), cursor: CURSOR },
      'records_student',
    ],
    ['employer: own invitations', { kind: 'invitations', scope: eq(records.employerId, 'emp-1') }, 'records_employer'],
    [
      'employer: own agreements in two states',
      { kind: 'agreements', scope: eq(records.employerId, 'emp-1'), states: ['college_review', 'school_review'] },
      'records_employer',
    ],
  ])('%s', async (_name, query, index) => {
    const detail = await plan(query);
    expect(detail).toMatch(new RegExp(`SEARCH records USING (COVERING )?INDEX ${index} \\((student|employer)_id=\\? AND kind=\\?`));
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});

describe("a school's or college's queue across several states reads only its own records", () => {
  // with only the state-led scope indexes, these planned as records_kind_id (kind=?) walked over the
  // whole kind and filtered row by row: at a million students a college's 全部 tab never answered
  // what the list route asks for when a college opens its invitations: every state shown to it
  const invitations = lifecycleOf('invitations');
  const shownToCollege = Object.keys(invitations.states).filter((state) => stateShownTo(invitations, state, 'college'));
  it.each<[string, Omit<ListQuery, 'limit'>, string]>([
    [
      'college: every agreement (its 全部 tab)',
      { kind: 'agreements', scope: eq(records.collegeId, 'col-1') },
      'records_college_order \\(kind=\\? AND college_id=\\?',
    ],
    [
      'college: invitations in every state it may see, a later page',
      { kind: 'invitations', scope: eq(records.collegeId, 'col-1'), states: shownToCollege, cursor: CURSOR },
      'records_college_order \\(kind=\\? AND college_id=\\?',
    ],
    [
      'school: every dispatch',
      { kind: 'dispatches', scope: eq(records.schoolId, 'sch-1') },
      'records_school_order \\(kind=\\? AND school_id=\\?',
    ],
    [
      'school: two states',
      { kind: 'agreements', scope: eq(records.schoolId, 'sch-1'), states: ['school_review', 'approved'] },
      'records_school_order \\(kind=\\? AND school_id=\\?',
    ],
    [
      'province: one school, every state',
      { kind: 'source-records', schoolId: 'sch-1', cursor: CURSOR },
      'records_school_order \\(kind=\\? AND school_id=\\?',
    ],
  ])('%s', async (_name, query, index) => {
    const detail = await plan(query);
    expect(detail).toMatch(new RegExp(`SEARCH records USING (COVERING )?INDEX ${index}`));
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });

  it('one state still uses the state-led index, which holds only that state', async () => {
    const detail = await plan({ kind: 'agreements', scope: eq(records.collegeId, 'col-1'), states: ['college_review'] });
    expect(detail).toMatch(/SEARCH records USING (COVERING )?INDEX records_kind_college \(kind=\? AND college_id=\? AND state=\?/);
  });
});

describe('a search filters the same index walk (instr has no pattern limit and needs no index of its own)', () => {
  const q = '江苏省南京市鼓楼区云帆信息科技发展有限公司';
  it.each<[string, Omit<ListQuery, 'limit'>, RegExp]>([
    ['province: every source record', { kind: 'source-records', q, cursor: CURSOR }, /USING (COVERING )?INDEX records_kind_id/],
    [
      'school: every dispatch',
      { kind: 'dispatches', scope: eq(records.schoolId, 'sch-1'), q },
      /SEARCH records USING (COVERING )?INDEX records_school_order \(kind=\? AND school_id=\?/,
    ],
    [
      'college: one state',
      { kind: 'agreements', scope: eq(records.collegeId, 'col-1'), states: ['college_review'], q },
      /SEARCH records USING (COVERING )?INDEX records_kind_college \(kind=\? AND college_id=\? AND state=\?/,
    ],
    [
      'student: own agreements',
      { kind: 'agreements', scope: eq(records.studentId, 'stu-1'), q },
      /SEARCH records USING (COVERING )?INDEX records_student \(student_id=\? AND kind=\?/,
    ],
    [
      'employer: own invitations',
      { kind: 'invitations', scope: eq(records.employerId, 'emp-1'), q },
      /SEARCH records USING (COVERING )?INDEX records_employer \(employer_id=\? AND kind=\?/,
    ],
  ])('%s', async (_name, query, index) => {
    const detail = await plan(query);
    expect(detail).toMatch(index);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
