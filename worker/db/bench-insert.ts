/**
 * Bulk writes of the bench data (bench mode only): one JSON array parameter per chunk, unpacked
 * by `json_each`, all chunks of a call in one D1 batch.
 */
import type { BenchRows } from './bench-data';
import {
  COLLEGE_NAMES, benchCollegeId, benchCreditCode, benchEmployerId, benchSchoolId, employerCount, schoolCount,
} from './bench-data';

// D1 refuses a string over 2,000,000 bytes, so a chunk is cut by size as well as by count
const CHUNK = 2000;
const CHUNK_BYTES = 1_500_000;

type Row = Record<string, unknown>;

function insertJson(db: D1Database, table: string, columns: string[], rows: Row[]): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  const select = columns.map((c) => `json_extract(value, '$.${c}')`).join(', ');
  const flush = (parts: string[]) => {
    if (parts.length) out.push(db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM json_each(?)`).bind(`[${parts.join(',')}]`));
  };
  let parts: string[] = [];
  let bytes = 0;
  for (const row of rows) {
    const json = JSON.stringify(row);
    // UTF-8 length is at most 3 bytes per UTF-16 unit
    if (parts.length >= CHUNK || bytes + json.length * 3 > CHUNK_BYTES) {
      flush(parts);
      parts = [];
      bytes = 0;
    }
    parts.push(json);
    bytes += json.length * 3 + 1;
  }
  flush(parts);
  return out;
}

export async function demoPasswordHash(db: D1Database): Promise<string> {
  const row = await db.prepare("SELECT password_hash FROM accounts WHERE username = 'student'").first<{ password_hash: string }>();
  if (!row) throw new Error('demo accounts missing: seed the database first');
  return row.password_hash;
}

/** Schools, colleges, employers, and reviewer/employer accounts for them (`bench-college` etc.). */
export async function insertBenchOrganisations(db: D1Database, students: number, passwordHash: string): Promise<{ schools: number; employers: number }> {
  const schools = schoolCount(students);
  const employers = employerCount(students);
  const schoolRows: Row[] = [];
  const collegeRows: Row[] = [];
  for (let k = 0; k < schools; k++) {
    schoolRows.push({ id: benchSchoolId(k), code: String(80000 + k), name: `江苏第${k + 1}大学`, province: '320000' });
    COLLEGE_NAMES.forEach((name, j) => collegeRows.push({ id: benchCollegeId(k, j), school_id: benchSchoolId(k), name }));
  }
  const employerRows: Row[] = [];
  for (let k = 0; k < employers; k++) {
    employerRows.push({
      id: benchEmployerId(k), name: `江苏第${k + 1}科技有限公司`, credit_code: benchCreditCode(k), unit_nature: '39', industry: 'I65',
      region: '320102', address: '江苏省南京市玄武区中山路 1 号', contact_name: '人事部', contact_phone: '025' + String(80000000 + k).slice(-8), verified: k % 20 === 19 ? 0 : 1,
    });
  }
  const account = (id: string, username: string, role: string, name: string, extra: Row) => ({
    id, username, password_hash: passwordHash, role, display_name: name, school_id: null, college_id: null, employer_id: null, ...extra,
  });
  const accountRows = [
    account('bench-college', 'bench-college', 'college', '学院审核员', { school_id: benchSchoolId(0), college_id: benchCollegeId(0, 0) }),
    account('bench-school', 'bench-school', 'school', '学校审核员', { school_id: benchSchoolId(0) }),
    account('bench-employer', 'bench-employer', 'employer', '单位招聘专员', { employer_id: benchEmployerId(0) }),
  ];
  await db.batch([
    ...insertJson(db, 'schools', ['id', 'code', 'name', 'province'], schoolRows),
    ...insertJson(db, 'colleges', ['id', 'school_id', 'name'], collegeRows),
    ...insertJson(db, 'employers', ['id', 'name', 'credit_code', 'unit_nature', 'industry', 'region', 'address', 'contact_name', 'contact_phone', 'verified'], employerRows),
    ...insertJson(db, 'accounts', ['id', 'username', 'password_hash', 'role', 'display_name', 'school_id', 'college_id', 'employer_id'], accountRows),
  ]);
  return { schools, employers };
}

export async function insertBenchRows(db: D1Database, rows: BenchRows): Promise<void> {
  await db.batch([
    ...insertJson(db, 'students', ['id', 'school_id', 'college_id', 'cohort', 'id_number', 'name', 'phone', 'source_state'], rows.students),
    ...insertJson(db, 'accounts', ['id', 'username', 'password_hash', 'role', 'display_name', 'school_id', 'college_id', 'student_id', 'identity_confirmed_at'], rows.accounts),
    ...insertJson(db, 'records', ['id', 'kind', 'state', 'data', 'form_key', 'form_version', 'student_id', 'school_id', 'college_id', 'employer_id', 'cohort', 'parent_id', 'mode', 'number', 'verify_code', 'deadline', 'created_by', 'created_at', 'updated_at'], rows.records),
    ...insertJson(db, 'audit_events', ['id', 'record_id', 'kind', 'action', 'from_state', 'to_state', 'actor_id', 'actor_role', 'actor_name', 'data_digest', 'snapshot', 'at'], rows.events),
  ]);
}

/** The id at a given rank of a newest-first queue: where page N of the pagination figure starts. */
export async function queueCursorAt(db: D1Database, kind: string, offset: number): Promise<string | null> {
  const row = await db.prepare('SELECT id FROM records WHERE kind = ? ORDER BY id DESC LIMIT 1 OFFSET ?').bind(kind, offset).first<{ id: string }>();
  return row?.id ?? null;
}

/**
 * Indexes the bench proposes but no migration has yet: applied to the bench's own database only,
 * so a run shows the figure before and after. (records_kind_id: the unfiltered newest-first
 * queue of the province, centre and admin — `kind = ? ORDER BY id DESC` — otherwise sorts every
 * record of the kind in a temporary B-tree on every page.)
 */
export const PROPOSED_INDEXES = ['CREATE INDEX IF NOT EXISTS records_kind_id ON records (kind, id)'];

export async function applyProposedIndexes(db: D1Database): Promise<void> {
  for (const ddl of PROPOSED_INDEXES) await db.prepare(ddl).run();
}
