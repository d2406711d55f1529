/**
 * Signing-season data at scale for `npm run bench` (served only by the bench's own worker, see bench/worker/routes.ts).
 * Rows are made here in the worker and written as one JSON parameter per chunk (`json_each`), the
 * way the roster import writes: a million students take a few hundred statements, not millions.
 *
 * Everything is a pure function of the student index, so the harness can ask for any slice in any
 * order and knows which ids, ID numbers and states exist without reading them back.
 */
import { creditCodeCheckChar } from '../../forms/engine';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Real GB/T 2260 districts of Jiangsu (鼓楼区 320106 is left to the demo data and the tests). */
export const BENCH_REGIONS = [
  '320102',
  '320104',
  '320105',
  '320111',
  '320113',
  '320114',
  '320115',
  '320116',
  '320117',
  '320118',
  '320205',
  '320206',
  '320211',
  '320213',
  '320214',
  '320302',
  '320311',
  '320402',
  '320411',
];

/**
 * The n-th valid ID number of a region (GB 11643), as in the test fixtures: 2,013,984 per region,
 * sequence codes 001–999 (000 is never issued; the import template's example has it).
 */
export function idNumberIn(region: string, n: number): string {
  const dayIndex = Math.floor(n / 999) % 2016;
  const year = 2000 + Math.floor(dayIndex / 336);
  const month = String(1 + Math.floor((dayIndex % 336) / 28)).padStart(2, '0');
  const day = String(1 + (dayIndex % 28)).padStart(2, '0');
  const body = `${region}${year}${month}${day}${String((n % 999) + 1).padStart(3, '0')}`;
  let sum = 0;
  W.forEach((weight, i) => {
    sum += Number(body[i]) * weight;
  });
  return body + CHECK.charAt(sum % 11);
}

/** Student `i`'s ID number; the imported roster of a bench run uses indexes past the generated ones. */
export function benchIdNumber(i: number): string {
  const region = BENCH_REGIONS[i % BENCH_REGIONS.length];
  if (region === undefined) throw new Error('no bench regions');
  return idNumberIn(region, Math.floor(i / BENCH_REGIONS.length));
}

export function benchPhone(i: number): string {
  return '15' + String(i).padStart(9, '0');
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
// Rare given-name characters (堃喆昇婧) appear as they do in real rosters: the PDF font must cover them.
const GIVEN = '子涵思远雨桐浩然梓萱一诺欣怡宇轩佳琪俊杰晓明婧喆堃昇嘉懿文博';

export function benchName(i: number): string {
  const given = GIVEN.charAt((i * 7) % GIVEN.length) + (i % 3 === 0 ? '' : GIVEN.charAt((i * 13 + 5) % GIVEN.length));
  return SURNAMES.charAt(i % SURNAMES.length) + given;
}

export const COLLEGE_NAMES = [
  '计算机科学与技术学院',
  '电子信息学院',
  '机械工程学院',
  '经济管理学院',
  '外国语学院',
  '化学化工学院',
  '土木工程学院',
  '数学与统计学院',
  '法学院',
  '医学院',
];
const MAJORS = ['软件工程', '通信工程', '机械设计制造及其自动化', '会计学', '英语', '应用化学', '土木工程', '统计学', '法学', '临床医学'];

/** One school per 5,000 students (Jiangsu has ~170 universities for ~600,000 graduates). */
export function schoolCount(students: number): number {
  return Math.max(2, Math.round(students / 5000));
}

export function employerCount(students: number): number {
  return Math.max(10, Math.round(students / 100));
}

export const benchSchoolId = (k: number) => `bsch-${k}`;
export const benchCollegeId = (k: number, j: number) => `bcol-${k}-${j}`;
export const benchEmployerId = (k: number) => `bemp-${k}`;
export const benchStudentId = (i: number) => `bstu-${i}`;

export function benchCreditCode(k: number): string {
  const first17 = `91320${String(100 + (k % 800)).padStart(3, '0')}${String(k).padStart(9, '0')}`;
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new Error(`no check character for credit code ${first17}`);
  return first17 + check;
}

/**
 * Record ids are time-ordered like `newId` (ms in the first 12 hex digits), all before the run's
 * start, so anything the run creates through the API is newer. `slot` tells a student's records apart.
 */
export function benchRecordId(base: number, i: number, slot: number): string {
  return (base + i * 8 + slot).toString(16).padStart(12, '0') + 'b0' + i.toString(16).padStart(18, '0');
}

export interface BenchShape {
  students: number;
  /** the first `approveBlock` students sit in college 0 of school 0 with an agreement 待学院审核 */
  approveBlock: number;
}

export function approveBlockSize(students: number): number {
  return Math.min(3000, Math.floor(students * 0.3));
}

/**
 * Students come school by school, as rosters are imported (a school's students in one block of
 * indexes, spread over its colleges), and each employer's in blocks of 100. A chunk of students
 * then adds to a few places of every scope index (school, college, employer) rather than to one
 * leaf page per row all over it: round-robin placement made each chunk dirty thousands of pages
 * once those indexes outgrew the cache, and generation slowed to half its speed by 450,000.
 */
export function placement(shape: BenchShape, i: number) {
  const schools = schoolCount(shape.students);
  if (i < shape.approveBlock) return { school: 0, college: 0 };
  const perSchool = Math.ceil(shape.students / schools);
  return { school: Math.min(schools - 1, Math.floor(i / perSchool)), college: i % COLLEGE_NAMES.length };
}

export function employerOf(shape: BenchShape, i: number): number {
  return Math.floor(i / 100) % employerCount(shape.students);
}

/** 85% 省级通过; the rest spread over the other states, as in a season under way. */
export function sourceStateOf(shape: BenchShape, i: number): string {
  if (i < shape.approveBlock) return 'approved';
  const r = i % 100;
  if (r < 85) return 'approved';
  if (r < 90) return 'imported';
  if (r < 94) return 'submitted';
  if (r < 97) return 'school_approved';
  return 'returned';
}

export interface SigningPlan {
  invitation?: string;
  agreement?: { state: string; mode: 'online' | 'offline' };
  dispatch?: string;
  termination?: string;
}

const DISPATCH_STATES = ['unconfirmed', 'college_review', 'school_review', 'center_review', 'approved', 'returned'];

/** Which signing records student `i` has: every state of invitations and agreements occurs. */
export function signingPlan(shape: BenchShape, i: number): SigningPlan {
  if (i < shape.approveBlock) return { invitation: 'accepted', agreement: { state: 'college_review', mode: 'online' } };
  if (sourceStateOf(shape, i) !== 'approved') return {};
  const r = Math.floor(i / 100) % 50;
  if (r < 5) return { invitation: 'draft' };
  if (r < 10) return { invitation: 'sent' };
  if (r === 10) return { invitation: 'rejected' };
  if (r === 11) return { invitation: 'expired' };
  if (r === 12) return { invitation: 'withdrawn' };
  if (r < 18) return { invitation: 'accepted', agreement: { state: 'college_review', mode: 'online' } };
  if (r < 22) return { invitation: 'accepted', agreement: { state: 'school_review', mode: 'online' } };
  if (r < 32)
    return {
      invitation: 'accepted',
      agreement: { state: 'approved', mode: 'online' },
      dispatch: DISPATCH_STATES[r % DISPATCH_STATES.length],
    };
  if (r === 32) return { invitation: 'accepted', agreement: { state: 'rejected', mode: 'online' } };
  if (r === 33)
    return { invitation: 'accepted', agreement: { state: 'terminated', mode: 'online' }, dispatch: 'voided', termination: 'completed' };
  if (r === 34) return { agreement: { state: 'returned', mode: 'offline' } };
  if (r === 35) return { agreement: { state: 'college_review', mode: 'offline' } };
  if (r === 36)
    return {
      invitation: 'accepted',
      agreement: { state: 'approved', mode: 'online' },
      dispatch: 'unconfirmed',
      termination: 'consent_pending',
    };
  return {};
}

type Row = Record<string, unknown>;

export interface BenchRows {
  students: Row[];
  accounts: Row[];
  records: Row[];
  events: Row[];
}

/** The rows of students [from, to): student, account, source record and the signing records. */
export function benchRows(
  shape: BenchShape,
  from: number,
  to: number,
  opts: { base: number; passwordHash: string; agreementTemplate: Row; cohortYear: number },
): BenchRows {
  const out: BenchRows = { students: [], accounts: [], records: [], events: [] };
  for (let i = from; i < to; i++) {
    const { school, college } = placement(shape, i);
    const schoolId = benchSchoolId(school);
    const collegeId = benchCollegeId(school, college);
    const studentId = benchStudentId(i);
    const idNumber = benchIdNumber(i);
    const name = benchName(i);
    const phone = benchPhone(i);
    const cohort = i % 5 === 0 ? opts.cohortYear - 1 : opts.cohortYear;
    const sourceState = sourceStateOf(shape, i);
    const at = new Date(opts.base + i * 8).toISOString();
    out.students.push({
      id: studentId,
      school_id: schoolId,
      college_id: collegeId,
      cohort,
      id_number: idNumber,
      name,
      phone,
      source_state: sourceState,
    });
    out.accounts.push({
      id: `bacc-${i}`,
      username: idNumber,
      password_hash: opts.passwordHash,
      role: 'student',
      display_name: name,
      school_id: schoolId,
      college_id: collegeId,
      student_id: studentId,
      identity_confirmed_at: sourceState === 'approved' ? at : null,
    });
    const region = BENCH_REGIONS[i % BENCH_REGIONS.length];
    const source = {
      name,
      idNumber,
      gender: i % 2 ? '1' : '2',
      mobile: phone,
      cohort,
      college: COLLEGE_NAMES[college],
      major: MAJORS[college],
      education: '31',
      studentNo: `${cohort - 4}${String(i).padStart(8, '0')}`,
      examNo: `${String(cohort - 4).slice(2)}${region}${String(i).padStart(6, '0')}`,
      originRegion: region,
    };
    const common = {
      form_version: 1,
      student_id: studentId,
      school_id: schoolId,
      college_id: collegeId,
      cohort,
      created_at: at,
      updated_at: at,
    };
    const push = (
      slot: number,
      row: Row,
      event: { action: string; to: string; actor: string; role: string; actorName: string; snapshotOfRecord?: boolean },
    ) => {
      const id = benchRecordId(opts.base, i, slot);
      out.records.push({ id, ...common, ...row });
      out.events.push({
        id: benchRecordId(opts.base, i, slot) + 'e',
        record_id: id,
        kind: row.kind,
        action: event.action,
        from_state: null,
        to_state: event.to,
        actor_id: event.actor,
        actor_role: event.role,
        actor_name: event.actorName,
        data_digest: '0'.repeat(64),
        snapshot_of_record: event.snapshotOfRecord ? 1 : null,
        at,
      });
      return id;
    };
    push(
      0,
      {
        kind: 'source-records',
        state: sourceState,
        data: JSON.stringify(source),
        form_key: 'source',
        employer_id: null,
        parent_id: null,
        mode: null,
        number: null,
        verify_code: null,
        deadline: null,
        created_by: `bench-school-${school}`,
      },
      {
        action: 'import',
        to: 'imported',
        actor: `bench-school-${school}`,
        role: 'school',
        actorName: '学校管理员',
        snapshotOfRecord: true,
      },
    );

    const plan = signingPlan(shape, i);
    const employer = employerOf(shape, i);
    const employerId = benchEmployerId(employer);
    // set into the agreement template in SQL (bench-insert.ts): { ...template, name, idNumber, … }
    const agreementFields = {
      a_name: name,
      a_id_number: idNumber,
      a_mobile: phone,
      a_college: COLLEGE_NAMES[college],
      a_major: MAJORS[college],
    };
    const employerEvent = { actor: `bench-employer-${employer}`, role: 'employer', actorName: '用人单位' };
    // an accepted invitation points at the agreement it created
    const agreementId = plan.agreement ? benchRecordId(opts.base, i, 2) : null;
    if (plan.invitation) {
      push(
        1,
        {
          kind: 'invitations',
          state: plan.invitation,
          data: null,
          ...agreementFields,
          form_key: 'agreement',
          employer_id: employerId,
          parent_id: agreementId,
          mode: null,
          number: null,
          verify_code: null,
          deadline: at.slice(0, 10),
          created_by: employerEvent.actor,
        },
        { action: 'create', to: 'draft', ...employerEvent },
      );
    }
    if (plan.agreement) {
      const seq = String(i).padStart(7, '0');
      push(
        2,
        {
          kind: 'agreements',
          state: plan.agreement.state,
          data: null,
          ...agreementFields,
          form_key: 'agreement',
          employer_id: plan.agreement.mode === 'online' ? employerId : null,
          parent_id: null,
          mode: plan.agreement.mode,
          number: `B${String(school).padStart(4, '0')}${cohort}${seq}`,
          verify_code: `bv${i.toString(36).padStart(10, '0')}`,
          deadline: null,
          created_by: plan.agreement.mode === 'online' ? employerEvent.actor : `bacc-${i}`,
        },
        plan.agreement.mode === 'online'
          ? { action: 'accept', to: 'college_review', actor: `bacc-${i}`, role: 'student', actorName: name }
          : { action: 'create', to: 'college_review', actor: `bacc-${i}`, role: 'student', actorName: name },
      );
      if (plan.dispatch) {
        push(
          3,
          {
            kind: 'dispatches',
            state: plan.dispatch,
            data: JSON.stringify({ unitName: opts.agreementTemplate.employerName ?? '', name, idNumber }),
            form_key: 'dispatch',
            employer_id: null,
            parent_id: agreementId,
            mode: null,
            number: null,
            verify_code: null,
            deadline: null,
            created_by: 'system',
          },
          { action: 'create', to: 'unconfirmed', actor: 'system', role: 'school', actorName: '系统' },
        );
      }
      if (plan.termination) {
        push(
          4,
          {
            kind: 'terminations',
            state: plan.termination,
            data: JSON.stringify({ reason: '个人原因' }),
            form_key: 'termination',
            employer_id: employerId,
            parent_id: agreementId,
            mode: null,
            number: null,
            verify_code: null,
            deadline: null,
            created_by: `bacc-${i}`,
          },
          { action: 'create', to: 'consent_pending', actor: `bacc-${i}`, role: 'student', actorName: name },
        );
      }
    }
  }
  return out;
}

/** Roster row `i` as a school would fill it in: the source form's keys, in the CSV's column order. */
export function benchRosterRow(i: number, cohortYear: number) {
  const region = BENCH_REGIONS[i % BENCH_REGIONS.length];
  return {
    name: benchName(i),
    idNumber: benchIdNumber(i),
    gender: i % 2 ? '1' : '2',
    college: COLLEGE_NAMES[i % COLLEGE_NAMES.length],
    major: MAJORS[i % MAJORS.length],
    education: '31',
    cohort: cohortYear,
    originRegion: region,
    mobile: benchPhone(i),
    studentNo: `${cohortYear - 4}${String(i).padStart(8, '0')}`,
    examNo: `${String(cohortYear - 4).slice(2)}${region}${String(i % 1e6).padStart(6, '0')}`,
  };
}

/** A CSV roster of `count` new students for school 0, as a school would upload it (Chinese headers). */
export function benchRosterCsv(first: number, count: number, cohortYear: number): string {
  const lines = ['姓名,身份证号,性别,学院,专业,学历,毕业届,生源所在地,手机号码,学号,考生号'];
  for (let i = first; i < first + count; i++) lines.push(Object.values(benchRosterRow(i, cohortYear)).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
