/**
 * Bulk writes of the bench data (the bench's own worker only): one JSON array parameter per chunk, unpacked
 * by `json_each`, all chunks of a call in one D1 batch.
 */
import { GENESIS } from '../../worker/domain/audit/event-hash';
import { canonicalJson } from '../../worker/lib/canonical-json';
import { newId } from '../../worker/lib/encoding';
import { asciiJson } from '../../worker/db/ascii-json';
import { runBatch } from '../../worker/db/batch';
import type { BenchRows } from './bench-data';
import {
  COLLEGE_NAMES,
  benchCollegeId,
  benchCreditCode,
  benchEmployerId,
  benchRosterRow,
  benchSchoolId,
  employerCount,
  schoolCount,
} from './bench-data';
import type { Db } from '../../worker/db/client';
import { insertStudentsStatements, type NewStudentRow } from '../../worker/db/source-import';

// D1 refuses a string over 2,000,000 bytes, so a chunk is cut by size as well as by count
const CHUNK = 2000;
const CHUNK_BYTES = 1_500_000;

type Row = Record<string, unknown>;

/** How a table's rows are unpacked when some columns are computed in SQL from other fields. */
interface Unpack {
  /** fields sent with each row that are not columns themselves */
  extra?: string[];
  /** column → SQL expression; `@field` stands for that field of the row, `?2`… for `params` */
  expr?: Record<string, string>;
  params?: unknown[];
}

/**
 * Rows as JSON arrays in field order (no key names repeated in every row), in ASCII (see
 * ascii-json.ts): what a chunk costs to send and unpack is mostly its size.
 */
function insertJson(db: D1Database, table: string, columns: string[], rows: Row[], unpack: Unpack = {}): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  const fields = [...columns, ...(unpack.extra ?? [])];
  const at = (field: string) => `value ->> ${fields.indexOf(field)}`;
  const select = columns.map((c) => unpack.expr?.[c]?.replace(/@(\w+)/g, (_, f: string) => at(f)) ?? at(c)).join(', ');
  const flush = (parts: string[]) => {
    if (parts.length)
      out.push(
        db
          .prepare(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM json_each(?1)`)
          .bind(`[${parts.join(',')}]`, ...(unpack.params ?? [])),
      );
  };
  let parts: string[] = [];
  let bytes = 0;
  for (const row of rows) {
    const json = asciiJson(fields.map((f) => row[f] ?? null));
    if (parts.length >= CHUNK || bytes + json.length > CHUNK_BYTES) {
      flush(parts);
      parts = [];
      bytes = 0;
    }
    parts.push(json);
    bytes += json.length + 1;
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
export async function insertBenchOrganisations(
  db: D1Database,
  students: number,
  passwordHash: string,
): Promise<{ schools: number; employers: number }> {
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
      id: benchEmployerId(k),
      name: `江苏第${k + 1}科技有限公司`,
      credit_code: benchCreditCode(k),
      unit_nature: '39',
      industry: 'I65',
      region: '320102',
      address: '江苏省南京市玄武区中山路 1 号',
      contact_name: '人事部',
      contact_phone: '025' + String(80000000 + k).slice(-8),
      verified: k % 20 === 19 ? 0 : 1,
    });
  }
  const account = (id: string, username: string, role: string, name: string, extra: Row) => ({
    id,
    username,
    password_hash: passwordHash,
    role,
    display_name: name,
    school_id: null,
    college_id: null,
    employer_id: null,
    ...extra,
  });
  const accountRows = [
    account('bench-college', 'bench-college', 'college', '学院审核员', { school_id: benchSchoolId(0), college_id: benchCollegeId(0, 0) }),
    account('bench-school', 'bench-school', 'school', '学校审核员', { school_id: benchSchoolId(0) }),
    account('bench-employer', 'bench-employer', 'employer', '单位招聘专员', { employer_id: benchEmployerId(0) }),
  ];
  await db.batch([
    ...insertJson(db, 'schools', ['id', 'code', 'name', 'province'], schoolRows),
    ...insertJson(db, 'colleges', ['id', 'school_id', 'name'], collegeRows),
    ...insertJson(
      db,
      'employers',
      ['id', 'name', 'credit_code', 'unit_nature', 'industry', 'region', 'address', 'contact_name', 'contact_phone', 'verified'],
      employerRows,
    ),
    ...insertJson(
      db,
      'accounts',
      ['id', 'username', 'password_hash', 'role', 'display_name', 'school_id', 'college_id', 'employer_id'],
      accountRows,
    ),
  ]);
  return { schools, employers };
}

/**
 * An invitation's or agreement's data is the agreement template with the student's own fields
 * (`a_*`) set in SQL: the template travels once per statement, not once per record.
 * A source record's import event snapshots the record's data, read back from the row just written.
 */
export async function insertBenchRows(db: D1Database, rows: BenchRows, agreementTemplate: Row): Promise<void> {
  await db.batch([
    ...insertJson(db, 'students', ['id', 'school_id', 'college_id', 'cohort', 'id_number', 'name', 'phone', 'source_state'], rows.students),
    ...insertJson(
      db,
      'accounts',
      ['id', 'username', 'password_hash', 'role', 'display_name', 'school_id', 'college_id', 'student_id', 'identity_confirmed_at'],
      rows.accounts,
    ),
    ...insertJson(
      db,
      'records',
      [
        'id',
        'kind',
        'state',
        'data',
        'form_key',
        'form_version',
        'student_id',
        'school_id',
        'college_id',
        'employer_id',
        'cohort',
        'parent_id',
        'mode',
        'number',
        'verify_code',
        'deadline',
        'created_by',
        'created_at',
        'updated_at',
      ],
      rows.records,
      {
        extra: ['a_name', 'a_id_number', 'a_mobile', 'a_college', 'a_major'],
        expr: {
          data: "coalesce(@data, json_set(?2, '$.name', @a_name, '$.idNumber', @a_id_number, '$.mobile', @a_mobile, '$.college', @a_college, '$.major', @a_major))",
        },
        params: [JSON.stringify(agreementTemplate)],
      },
    ),
    ...insertJson(
      db,
      'audit_events',
      [
        'id',
        'record_id',
        'kind',
        'action',
        'from_state',
        'to_state',
        'actor_id',
        'actor_role',
        'actor_name',
        'data_digest',
        'snapshot',
        'at',
      ],
      rows.events,
      {
        extra: ['snapshot_of_record'],
        expr: { snapshot: 'CASE WHEN @snapshot_of_record THEN (SELECT r.data FROM records r WHERE r.id = @record_id) END' },
      },
    ),
  ]);
}

/** The id at a given rank of a newest-first queue: where page N of the pagination figure starts. */
export async function queueCursorAt(db: D1Database, kind: string, offset: number): Promise<string | null> {
  const row = await db
    .prepare('SELECT id FROM records WHERE kind = ? ORDER BY id DESC LIMIT 1 OFFSET ?')
    .bind(kind, offset)
    .first<{ id: string }>();
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

/**
 * The import's own four inserts (`insertStudentsStatements`) of `count` roster rows for school 0,
 * in one batch, with nothing parsed, validated or hashed: digests, hashes and password hashes are
 * fixed strings of the real lengths. What this costs is what D1 alone costs an import of the same
 * rows, the floor the import's rate is compared with.
 */
export async function insertImportFloorRows(db: Db, first: number, count: number, cohortYear: number): Promise<void> {
  const fixed = (c: string, n: number) => c.repeat(n);
  const rows: NewStudentRow[] = [];
  for (let i = first; i < first + count; i++) {
    const values = benchRosterRow(i, cohortYear);
    rows.push({
      studentId: newId(),
      recordId: newId(),
      accountId: newId(),
      eventId: newId(),
      collegeId: benchCollegeId(0, i % COLLEGE_NAMES.length),
      cohort: cohortYear,
      idNumber: values.idNumber,
      name: values.name,
      phone: values.mobile,
      data: canonicalJson(values),
      passwordHash: `sha256$${fixed('s', 22)}$${fixed('0', 64)}`,
      digest: fixed('d', 64),
      prevHash: GENESIS,
      hash: newId() + newId(),
    });
  }
  const at = new Date().toISOString();
  await runBatch(
    db,
    insertStudentsStatements(db, rows, { schoolId: benchSchoolId(0), formVersion: 1 }, { id: 'bench-school', name: '学校审核员', at }),
  );
}
