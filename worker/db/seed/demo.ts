/**
 * Demo data of docs/architecture.md, the HTTP API, one account per role (all passwords `demo1234`), plus a second school,
 * college, employer and student so scope can be tried. Plain SQL statements with fixed ids and
 * INSERT OR IGNORE: the same list seeds a local database (`npm start`) and the test database, and
 * running it twice changes nothing.
 */
import { SAMPLE_ADMISSION_LETTER as letter } from './sample-admission-letter';

export interface SeedStatement {
  sql: string;
  params: Array<string | number | null>;
}

export const DEMO_PASSWORD = 'demo1234';

export const DEMO = {
  province: '320000',
  school1: { id: 'sch-1', code: '91001', name: '江苏示范大学' },
  school2: { id: 'sch-2', code: '91002', name: '苏州示范学院' },
  college1: { id: 'col-1', schoolId: 'sch-1', name: '计算机科学与技术学院' },
  college2: { id: 'col-2', schoolId: 'sch-1', name: '经济管理学院' },
  college3: { id: 'col-3', schoolId: 'sch-2', name: '机电工程学院' },
  employer1: { id: 'emp-1', name: '南京云帆信息科技有限公司', creditCode: '91320106MA1XY012AY', verified: 1 },
  employer2: { id: 'emp-2', name: '苏州启明智造股份有限公司', creditCode: '91320000134765432Y', verified: 0 },
  student1: {
    id: 'stu-1',
    collegeId: 'col-1',
    schoolId: 'sch-1',
    cohort: 2027,
    idNumber: '320106200503151236',
    name: '李思远',
    phone: '13812345678',
    state: 'approved',
  },
  student2: {
    id: 'stu-2',
    collegeId: 'col-2',
    schoolId: 'sch-1',
    cohort: 2027,
    idNumber: '320113200411024567',
    name: '王雨桐',
    phone: '13912345678',
    state: 'imported',
  },
  student3: {
    id: 'stu-3',
    collegeId: 'col-3',
    schoolId: 'sch-2',
    cohort: 2027,
    idNumber: '320102200507087897',
    name: '陈子昂',
    phone: '13712345678',
    state: 'approved',
  },
} as const;

type Student = (typeof DEMO)['student1'];

function sourceData(s: Student, collegeName: string) {
  return {
    name: s.name,
    idNumber: s.idNumber,
    gender: Number(s.idNumber[16]) % 2 === 1 ? '1' : '2',
    mobile: s.phone,
    cohort: s.cohort,
    college: collegeName,
    major: '软件工程',
    education: '31',
    studentNo: `${s.cohort - 4}${s.id.replace(/\D/g, '').padStart(6, '0')}`,
    examNo: `23320106${s.id.replace(/\D/g, '').padStart(6, '0')}`,
    originRegion: s.idNumber.slice(0, 6),
  };
}

type Employer = (typeof DEMO)['employer1'] | (typeof DEMO)['employer2'];

const EMPLOYER_DETAILS = {
  unitNature: '39',
  industry: 'I',
  region: '320106',
  address: '江苏省南京市鼓楼区汉中路 1 号',
  contactName: '赵经理',
  contactPhone: '13600001111',
};

function registrationData(e: Employer) {
  const x = EMPLOYER_DETAILS;
  return {
    employerName: e.name,
    creditCode: e.creditCode,
    unitNature: x.unitNature,
    industry: x.industry,
    employerRegion: x.region,
    employerAddress: x.address,
    contactName: x.contactName,
    contactPhone: x.contactPhone,
  };
}

export async function demoSeed(hash: (password: string) => Promise<string>): Promise<SeedStatement[]> {
  const d = DEMO;
  const out: SeedStatement[] = [];
  const add = (sql: string, ...params: SeedStatement['params']) => out.push({ sql, params });

  for (const s of [d.school1, d.school2])
    add('INSERT OR IGNORE INTO schools (id, code, name, province) VALUES (?, ?, ?, ?)', s.id, s.code, s.name, d.province);
  for (const c of [d.college1, d.college2, d.college3])
    add('INSERT OR IGNORE INTO colleges (id, school_id, name) VALUES (?, ?, ?)', c.id, c.schoolId, c.name);
  for (const e of [d.employer1, d.employer2]) {
    add(
      'INSERT OR IGNORE INTO employers (id, name, credit_code, unit_nature, industry, region, address, contact_name, contact_phone, verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      e.id,
      e.name,
      e.creditCode,
      EMPLOYER_DETAILS.unitNature,
      EMPLOYER_DETAILS.industry,
      EMPLOYER_DETAILS.region,
      EMPLOYER_DETAILS.address,
      EMPLOYER_DETAILS.contactName,
      EMPLOYER_DETAILS.contactPhone,
      e.verified,
    );
  }
  // Their registrations as the centre sees them: employer1 verified, employer2 waiting in the queue.
  for (const e of [d.employer1, d.employer2]) {
    const recordId = `reg-${e.id}`;
    const state = e.verified ? 'verified' : 'pending';
    const data = JSON.stringify(registrationData(e));
    add(
      `INSERT OR IGNORE INTO records (id, kind, state, version, data, form_key, form_version, employer_id, created_by)
       VALUES (?, 'employer-registrations', ?, 1, ?, 'employer', 1, ?, ?)`,
      recordId,
      state,
      data,
      e.id,
      `acc-${e.id === d.employer1.id ? 'employer' : 'employer2'}`,
    );
    add(
      `INSERT OR IGNORE INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, data_digest, snapshot)
       VALUES (?, ?, 'employer-registrations', 'create', NULL, ?, 'acc-center', 'center', '演示数据', 'seed', ?)`,
      `evt-${recordId}`,
      recordId,
      state,
      data,
    );
  }
  const collegeName = (id: string): string => {
    const college = [d.college1, d.college2, d.college3].find((c) => c.id === id);
    if (!college) throw new Error(`demo student in unknown college ${id}`);
    return college.name;
  };
  for (const s of [d.student1, d.student2, d.student3]) {
    add(
      'INSERT OR IGNORE INTO students (id, school_id, college_id, cohort, id_number, name, phone, source_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      s.id,
      s.schoolId,
      s.collegeId,
      s.cohort,
      s.idNumber,
      s.name,
      s.phone,
      s.state,
    );
    const recordId = `src-${s.id}`;
    const data = JSON.stringify(sourceData(s as Student, collegeName(s.collegeId)));
    add(
      `INSERT OR IGNORE INTO records (id, kind, state, version, data, form_key, form_version, student_id, school_id, college_id, cohort, created_by)
       VALUES (?, 'source-records', ?, 1, ?, 'source', 1, ?, ?, ?, ?, 'acc-school')`,
      recordId,
      s.state,
      data,
      s.id,
      s.schoolId,
      s.collegeId,
      s.cohort,
    );
    add(
      `INSERT OR IGNORE INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, data_digest, snapshot)
       VALUES (?, ?, 'source-records', 'import', NULL, ?, 'acc-school', 'school', '演示数据', 'seed', ?)`,
      `evt-${recordId}`,
      recordId,
      s.state,
      data,
    );
  }

  // 毕业去向登记: student3 (another school) registered 升学 with a 录取通知书 and its school approved it; student2 has none
  const further = JSON.stringify({
    destination: '80',
    furtherSchool: '东南大学',
    furtherMajor: '计算机技术',
    furtherLevel: '1',
    admissionProof: [letter.id],
  });
  add(
    `INSERT OR IGNORE INTO records (id, kind, state, version, data, form_key, form_version, student_id, school_id, college_id, cohort, mode, created_by)
     VALUES ('dst-stu-3', 'destinations', 'registered', 1, ?, 'destination', 1, ?, ?, ?, ?, 'school', 'acc-student3')`,
    further,
    d.student3.id,
    d.student3.schoolId,
    d.student3.collegeId,
    d.student3.cohort,
  );
  add(
    `INSERT OR IGNORE INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, data_digest, snapshot)
     VALUES ('evt-dst-stu-3', 'dst-stu-3', 'destinations', 'create', NULL, 'registered', 'acc-student3', 'student', '演示数据', 'seed', ?)`,
    further,
  );

  const accounts: Array<
    [
      id: string,
      username: string,
      role: string,
      name: string,
      school: string | null,
      college: string | null,
      employer: string | null,
      student: string | null,
    ]
  > = [
    ['acc-admin', 'admin', 'admin', '平台管理员', null, null, null, null],
    ['acc-province', 'province', 'province', '省级审核员', null, null, null, null],
    ['acc-center', 'center', 'center', '省就业中心', null, null, null, null],
    ['acc-school', 'school', 'school', '江苏示范大学就业处', d.school1.id, null, null, null],
    ['acc-school2', 'school2', 'school', '苏州示范学院就业处', d.school2.id, null, null, null],
    ['acc-college', 'college', 'college', '计算机学院辅导员', d.school1.id, d.college1.id, null, null],
    ['acc-college2', 'college2', 'college', '经管学院辅导员', d.school1.id, d.college2.id, null, null],
    ['acc-employer', 'employer', 'employer', d.employer1.name, null, null, d.employer1.id, null],
    ['acc-employer2', 'employer2', 'employer', d.employer2.name, null, null, d.employer2.id, null],
    ['acc-student', 'student', 'student', d.student1.name, d.school1.id, d.college1.id, null, d.student1.id],
    ['acc-student2', 'student2', 'student', d.student2.name, d.school1.id, d.college2.id, null, d.student2.id],
    ['acc-student3', 'student3', 'student', d.student3.name, d.school2.id, d.college3.id, null, d.student3.id],
  ];
  // One hash serves every demo account: they share the demo password, and PBKDF2 is slow on purpose.
  const passwordHash = await hash(DEMO_PASSWORD);
  for (const [id, username, role, name, school, college, employer, student] of accounts) {
    add(
      `INSERT OR IGNORE INTO accounts (id, username, password_hash, role, display_name, school_id, college_id, employer_id, student_id, must_change_password, identity_confirmed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
      id,
      username,
      passwordHash,
      role,
      name,
      school,
      college,
      employer,
      student,
      role === 'student' ? '2026-09-01T00:00:00.000Z' : null,
    );
  }
  // the 录取通知书 of student3's destination (its bytes go into local R2 with scripts/seed-local.ts);
  // a database seeded before it existed gets the reference too, once
  add(
    `INSERT OR IGNORE INTO files (id, object_key, content_type, size, sha256, owner_id, record_id, created_at)
     VALUES (?, ?, ?, ?, ?, 'acc-student3', 'dst-stu-3', '2026-09-01T00:00:00.000Z')`,
    letter.id,
    letter.objectKey,
    letter.contentType,
    letter.size,
    letter.sha256,
  );
  add(
    `UPDATE records SET data = json_set(data, '$.admissionProof', json_array(?)) WHERE id = 'dst-stu-3' AND json_extract(data, '$.admissionProof') IS NULL`,
    letter.id,
  );
  return out;
}

/** Renders the statements as one SQL script for `wrangler d1 execute --file`. */
export function toSqlScript(statements: SeedStatement[]): string {
  const literal = (v: SeedStatement['params'][number]) =>
    v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
  return (
    statements
      .map(({ sql, params }) => {
        let i = 0;
        return (
          sql.replace(/\?/g, () => {
            const param = params[i++];
            if (param === undefined) throw new Error(`seed statement has more placeholders than parameters: ${sql}`);
            return literal(param);
          }) + ';'
        );
      })
      .join('\n') + '\n'
  );
}
