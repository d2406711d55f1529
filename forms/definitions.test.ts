/**
 * The four shipped form definitions (forms/*.json): they are valid definitions, carry the keys the
 * worker reads, speak Chinese, and accept a realistic submission in each workflow step from the
 * role that acts there — while a submission missing a required field fails at that field.
 */
import { describe, expect, it } from 'vitest';
import { fieldAccess } from './engine/access';
import { MAX_VALIDATION_WORK, validationWork } from './engine/cost';
import { checkDefinition } from './engine/definition-check';
import { allFields, findField } from './engine/fields';
import { applyMappings } from './engine/mappings';
import type { FieldDef, FormDefinition, Role, ValidationContext, Values } from './engine/types';
import { validate } from './engine/validate';
import { isValidCreditCode } from './engine/validators/credit-code';
import { isValidIdNumber } from './engine/validators/id-number';
import agreementJson from './agreement.json';
import destinationJson from './destination.json';
import dispatchJson from './dispatch.json';
import employerJson from './employer.json';
import sourceJson from './source.json';
import { FROM_SOURCE } from '../worker/lifecycle/source-prefill';
import terminationJson from './termination.json';

const source = sourceJson as unknown as FormDefinition;
const agreement = agreementJson as unknown as FormDefinition;
const termination = terminationJson as unknown as FormDefinition;
const dispatch = dispatchJson as unknown as FormDefinition;
const destination = destinationJson as unknown as FormDefinition;
const FORMS = { source, agreement, termination, dispatch, destination };

const TODAY = '2026-03-01';
/** 南京市鼓楼区, born 2005-03-15, male (the demo student's number). */
const ID = '320106200503151236';
/** 南京云帆信息科技有限公司 (the demo employer's code). */
const CREDIT_CODE = '91320106MA1XY012AY';

const HAN = /\p{Script=Han}/u;

function run(def: FormDefinition, values: Values, role: Role, step: string, previous?: Values) {
  const ctx: ValidationContext = { role, step, today: TODAY, ...(previous ? { previous } : {}) };
  return validate(def, values, ctx);
}

function expectOk(result: ReturnType<typeof validate>) {
  expect(result.errors).toEqual([]);
  expect(result.ok).toBe(true);
}

function expectErrorAt(result: ReturnType<typeof validate>, path: string, code?: string) {
  expect(result.ok).toBe(false);
  expect(result.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path, ...(code ? { code } : {}) })]));
}

function without(values: Values, key: string): Values {
  const { [key]: _, ...rest } = values;
  return rest;
}

function fieldsWithSubs(def: FormDefinition): FieldDef[] {
  return allFields(def).flatMap((f) => [f, ...(f.type === 'group' ? (f.fields ?? []) : [])]);
}

// ── sample values ─────────────────────────────────────────────────────────────────

/** A full source record as a school imports it. */
const SOURCE_RECORD: Values = {
  name: '李思远',
  gender: '1',
  idNumber: ID,
  birthDate: '2005-03-15',
  ethnicity: '01',
  politicalStatus: '03',
  studentNo: '2023000001',
  examNo: '23320106000001',
  college: '计算机科学与技术学院',
  major: '软件工程',
  majorCode: '080902',
  education: '31',
  trainingMode: '1',
  lengthOfSchooling: 4,
  cohort: 2027,
  enrollmentDate: '2023-09-01',
  graduationDate: '2027-06-30',
  originRegion: '320106',
  homeAddress: '江苏省南京市鼓楼区中山北路 200 号',
  homePhone: '025-83591234',
  mobile: '13812345678',
  email: 'lisiyuan@example.com',
};

/** What the worker copies from the approved source record into an agreement. */
const STUDENT_PREFILL: Values = Object.fromEntries(FROM_SOURCE.map((k) => [k, SOURCE_RECORD[k]]));

/** What the worker copies from the employer's organisation record into an invitation. */
const EMPLOYER_PREFILL: Values = {
  employerName: '南京云帆信息科技有限公司',
  creditCode: CREDIT_CODE,
  unitNature: '39',
  industry: 'I',
  employerRegion: '320106',
  employerAddress: '江苏省南京市鼓楼区汉中路 1 号',
  contactName: '赵经理',
  contactPhone: '13600001111',
  deadline: '2026-03-06',
};

/** The job, archive and household terms the employer fills in. */
const JOB_TERMS: Values = {
  supervisorDept: '南京市鼓楼区科学技术局',
  employerPostcode: '210005',
  contactEmail: 'hr@yunfan.example.com',
  jobCategory: '13',
  jobTitle: 'Java 后端开发工程师',
  workRegion: '320106',
  monthlySalary: 12000,
  socialInsurance: '1',
  contractYears: 3,
  probationMonths: 3,
  penalty: 5000,
  otherTerms: '提供员工宿舍，入职后参加为期两周的岗前培训。',
  archiveMode: 'talent',
  archiveUnitName: '南京市人才服务中心',
  archiveAddress: '江苏省南京市鼓楼区湖南路 1 号',
  archivePostcode: '210009',
  householdMode: 'move',
  householdAddress: '江苏省南京市鼓楼区宁海路派出所（单位集体户）',
};

const EMPLOYER_TERMS: Values = { ...EMPLOYER_PREFILL, ...JOB_TERMS };

// ── every definition ──────────────────────────────────────────────────────────────

const REQUIRED_KEYS: Record<keyof typeof FORMS, string[]> = {
  source: ['name', 'idNumber', 'mobile', 'cohort', 'college', 'major', 'education', 'originRegion', 'studentNo', 'examNo', 'gender'],
  agreement: [
    'name',
    'idNumber',
    'mobile',
    'employerName',
    'creditCode',
    'unitNature',
    'industry',
    'employerRegion',
    'jobTitle',
    'monthlySalary',
    'deadline',
    'archiveUnitName',
    'archiveAddress',
    'archivePostcode',
    'householdAddress',
  ],
  termination: ['reason', 'liability', 'mode', 'letter'],
  dispatch: ['destination', 'employerName', 'creditCode', 'proofPhotos'],
  destination: ['destination', 'employerName', 'creditCode', 'furtherSchool'],
};

const WORKFLOWS: Record<keyof typeof FORMS, string[]> = {
  source: ['import', 'student', 'review'],
  agreement: ['invite', 'accept', 'offline', 'review'],
  termination: ['apply', 'consent', 'review'],
  dispatch: ['student', 'review'],
  destination: ['student', 'review'],
};

describe.each(Object.entries(FORMS) as Array<[keyof typeof FORMS, FormDefinition]>)('%s.json', (name, def) => {
  it('is a valid definition', () => {
    expect(checkDefinition(def)).toEqual([]);
    expect(def.key).toBe(name);
  });

  it('declares the workflow steps the lifecycles use, with Chinese labels', () => {
    expect(def.workflow.map((w) => w.key)).toEqual(WORKFLOWS[name]);
    for (const w of def.workflow) expect(w.label).toMatch(HAN);
  });

  it('has the keys the system reads', () => {
    const keys = allFields(def).map((f) => f.key);
    for (const key of REQUIRED_KEYS[name]) expect(keys).toContain(key);
  });

  it('labels every field, section and page in Chinese, with 1–3 fields a row', () => {
    expect(def.title).toMatch(HAN);
    for (const field of fieldsWithSubs(def)) expect(field.label, field.key).toMatch(HAN);
    for (const step of def.steps) {
      expect(step.label).toMatch(HAN);
      for (const section of step.sections) {
        expect(section.label).toMatch(HAN);
        for (const row of section.rows) {
          expect(row.length).toBeGreaterThanOrEqual(1);
          expect(row.length).toBeLessThanOrEqual(3);
        }
      }
    }
  });
});

it('every shipped form costs a validation far less than the checker allows (room for admins to add rules)', () => {
  const shipped = { ...FORMS, employer: employerJson as unknown as FormDefinition };
  for (const [name, def] of Object.entries(shipped)) {
    expect(checkDefinition(def), name).toEqual([]);
    expect(validationWork(def).total, name).toBeLessThan(MAX_VALIDATION_WORK / 20);
  }
});

it('the sample identifiers are real ones', () => {
  expect(isValidIdNumber(ID, TODAY)).toBe(true);
  expect(isValidCreditCode(CREDIT_CODE)).toBe(true);
});

// ── source.json ───────────────────────────────────────────────────────────────────

describe('source.json (生源信息)', () => {
  it('import: the school imports a full record', () => {
    const result = run(source, SOURCE_RECORD, 'school', 'import');
    expectOk(result);
    expect(result.values.idNumber).toBe(ID);
  });

  it('import: the columns of the roster template (the worker import test) are enough', () => {
    const minimal = Object.fromEntries(REQUIRED_KEYS.source.map((k) => [k, SOURCE_RECORD[k]]));
    expectOk(run(source, without(without(minimal, 'studentNo'), 'examNo'), 'school', 'import'));
  });

  it('the Chinese labels match the roster headers the import reads', () => {
    const headers: Record<string, string> = {
      name: '姓名',
      idNumber: '身份证号',
      gender: '性别',
      college: '学院',
      major: '专业',
      education: '学历',
      cohort: '毕业届',
      originRegion: '生源所在地',
      mobile: '手机号码',
      studentNo: '学号',
      examNo: '考生号',
    };
    for (const [key, label] of Object.entries(headers)) expect(findField(source, key)?.label).toBe(label);
  });

  it('import: a record without 生源所在地 fails at originRegion', () => {
    expectErrorAt(run(source, without(SOURCE_RECORD, 'originRegion'), 'school', 'import'), 'originRegion', 'required');
  });

  it('import: 生源所在地 must be a district, not a province', () => {
    expectErrorAt(run(source, { ...SOURCE_RECORD, originRegion: '320000' }, 'school', 'import'), 'originRegion', 'region');
  });

  it('import: graduation must follow enrollment and fall in the cohort year', () => {
    expectErrorAt(run(source, { ...SOURCE_RECORD, graduationDate: '2023-06-30' }, 'school', 'import'), 'graduationDate', 'check');
    expectErrorAt(run(source, { ...SOURCE_RECORD, graduationDate: '2028-06-30' }, 'school', 'import'), 'graduationDate', 'check');
  });

  it('student: the student corrects contact data; identity stays as imported', () => {
    const result = run(
      source,
      {
        mobile: '13900001111',
        email: 'siyuan.li@example.com',
        originRegion: '320102',
        ethnicity: '01',
        qq: '123456789',
        name: '别人',
        idNumber: '110108200305170026',
        major: '会计学',
      },
      'student',
      'student',
      SOURCE_RECORD,
    );
    expectOk(result);
    expect(result.values).toMatchObject({
      mobile: '13900001111',
      originRegion: '320102',
      qq: '123456789',
      name: '李思远',
      idNumber: ID,
      major: '软件工程',
    });
  });

  it('student: identity fields are read-only for the student, contact fields editable', () => {
    for (const key of ['name', 'idNumber', 'studentNo', 'college', 'major', 'education', 'gender', 'cohort']) {
      expect(fieldAccess(source, key, 'student', 'student'), key).toBe('read');
      expect(fieldAccess(source, key, 'school', 'import'), key).toBe('edit');
    }
    for (const key of ['mobile', 'email', 'originRegion', 'homeAddress', 'ethnicity', 'politicalStatus']) {
      expect(fieldAccess(source, key, 'student', 'student'), key).toBe('edit');
    }
  });

  it('student: the seeded demo record (only the roster columns) can be submitted as is', () => {
    const seeded = Object.fromEntries(REQUIRED_KEYS.source.map((k) => [k, SOURCE_RECORD[k]]));
    expectOk(run(source, seeded, 'student', 'student', seeded));
  });

  it('student: clearing the mobile number fails at mobile', () => {
    expectErrorAt(run(source, { mobile: '' }, 'student', 'student', SOURCE_RECORD), 'mobile', 'required');
    expectErrorAt(run(source, { mobile: '12345' }, 'student', 'student', SOURCE_RECORD), 'mobile', 'phone');
  });

  it('review: reviewers read everything and change nothing', () => {
    for (const role of ['school', 'province'] as Role[]) {
      const result = run(source, { mobile: '13900009999' }, role, 'review', SOURCE_RECORD);
      expectOk(result);
      expect(result.values.mobile).toBe('13812345678');
      for (const field of allFields(source)) expect(fieldAccess(source, field.key, role, 'review')).toBe('read');
    }
  });
});

// ── agreement.json ────────────────────────────────────────────────────────────────

describe('agreement.json (就业协议书)', () => {
  const invited = run(agreement, JOB_TERMS, 'employer', 'invite', { ...STUDENT_PREFILL, ...EMPLOYER_PREFILL });

  it('invite: the employer fills the job invitation; the student part comes from the source record', () => {
    expectOk(invited);
    expect(invited.values).toMatchObject({
      name: '李思远',
      idNumber: ID,
      employerName: '南京云帆信息科技有限公司',
      jobTitle: 'Java 后端开发工程师',
    });
    expect(invited.values.annualSalary).toBe(144000);
  });

  it('invite: the employer cannot change the student part or the school part', () => {
    const result = run(
      agreement,
      { ...JOB_TERMS, name: '别人', mobile: '13900000000', schoolOpinion: '同意' },
      'employer',
      'invite',
      invited.values,
    );
    expectOk(result);
    expect(result.values).toMatchObject({ name: '李思远', mobile: '13812345678' });
    expect(result.values.schoolOpinion).toBeUndefined();
  });

  it('invite: a missing job title fails at jobTitle', () => {
    expectErrorAt(
      run(agreement, without(JOB_TERMS, 'jobTitle'), 'employer', 'invite', { ...STUDENT_PREFILL, ...EMPLOYER_PREFILL }),
      'jobTitle',
      'required',
    );
  });

  it('invite: the deadline may not be in the past', () => {
    const result = run(agreement, { ...JOB_TERMS, deadline: '2026-02-27' }, 'employer', 'invite', {
      ...STUDENT_PREFILL,
      ...EMPLOYER_PREFILL,
    });
    expectErrorAt(result, 'deadline', 'check');
  });

  it('invite: moving the household registration needs its address', () => {
    const result = run(agreement, without(JOB_TERMS, 'householdAddress'), 'employer', 'invite', {
      ...STUDENT_PREFILL,
      ...EMPLOYER_PREFILL,
    });
    expectErrorAt(result, 'householdAddress', 'required');
    const stay = run(agreement, { ...without(JOB_TERMS, 'householdAddress'), householdMode: 'stay' }, 'employer', 'invite', {
      ...STUDENT_PREFILL,
      ...EMPLOYER_PREFILL,
    });
    expectOk(stay);
  });

  it('invite: probation longer than the law allows for the contract term is refused', () => {
    const result = run(agreement, { ...JOB_TERMS, contractYears: 2, probationMonths: 6 }, 'employer', 'invite', {
      ...STUDENT_PREFILL,
      ...EMPLOYER_PREFILL,
    });
    expectErrorAt(result, 'probationMonths', 'check');
  });

  it('accept: the student may update contact details only', () => {
    const result = run(
      agreement,
      { mobile: '13900001111', email: 'new@example.com', monthlySalary: 20000 },
      'student',
      'accept',
      invited.values,
    );
    expectOk(result);
    expect(result.values).toMatchObject({ mobile: '13900001111', email: 'new@example.com', monthlySalary: 12000, annualSalary: 144000 });
  });

  it('accept: clearing the mobile number fails at mobile', () => {
    expectErrorAt(run(agreement, { mobile: '' }, 'student', 'accept', invited.values), 'mobile', 'required');
  });

  it('offline: the student enters the paper agreement (no invitation deadline)', () => {
    const result = run(agreement, { ...EMPLOYER_TERMS, deadline: '2026-04-01' }, 'student', 'offline', STUDENT_PREFILL);
    expectOk(result);
    expect(result.values).toMatchObject({ name: '李思远', employerName: '南京云帆信息科技有限公司', householdMode: 'move' });
    expect(result.values.deadline).toBeUndefined();
  });

  it('offline: a missing employer name fails at employerName', () => {
    expectErrorAt(
      run(agreement, without(EMPLOYER_TERMS, 'employerName'), 'student', 'offline', STUDENT_PREFILL),
      'employerName',
      'required',
    );
  });

  it('offline: an invalid credit code fails at creditCode', () => {
    expectErrorAt(
      run(agreement, { ...EMPLOYER_TERMS, creditCode: '91320106MA1XY012AA' }, 'student', 'offline', STUDENT_PREFILL),
      'creditCode',
      'creditCode',
    );
  });

  it('review: the school writes its opinion; the college only reads', () => {
    const school = run(
      agreement,
      {
        schoolOpinion: '同意',
        schoolAuthority: '江苏示范大学学生就业指导中心',
        schoolContact: '钱老师',
        schoolPhone: '025-83590000',
        schoolPostcode: '210023',
      },
      'school',
      'review',
      invited.values,
    );
    expectOk(school);
    expect(school.values.schoolOpinion).toBe('同意');
    const college = run(agreement, { schoolOpinion: '同意', jobTitle: '改了' }, 'college', 'review', invited.values);
    expectOk(college);
    expect(college.values.schoolOpinion).toBeUndefined();
    expect(college.values.jobTitle).toBe('Java 后端开发工程师');
  });

  it('the parties and reviewers can see every field in every step (the deadline is not part of an offline agreement)', () => {
    for (const step of agreement.workflow.map((w) => w.key)) {
      for (const role of ['student', 'employer', 'college', 'school'] as Role[]) {
        for (const field of allFields(agreement)) {
          if (field.key === 'deadline' && step === 'offline') continue;
          expect(fieldAccess(agreement, field.key, role, step), `${field.key} ${role} ${step}`).not.toBe('hidden');
        }
      }
    }
  });
});

// ── termination.json ──────────────────────────────────────────────────────────────

describe('termination.json (签约解除)', () => {
  const OFFLINE: Values = {
    agreementNo: '910012027000001',
    mode: 'offline',
    initiator: 'student',
    name: '李思远',
    employerName: '南京云帆信息科技有限公司',
  };
  const ONLINE: Values = { ...OFFLINE, mode: 'online', initiator: 'employer' };
  const OFFLINE_APPLICATION: Values = {
    reason: '03',
    liability: 'paid',
    penaltyAmount: 5000,
    remarks: '已考取本校硕士研究生，与单位协商解约。',
    letter: ['f_01JQ8Y2K6V7W'],
  };

  it('apply (offline): the student applies with the termination letter', () => {
    const result = run(termination, OFFLINE_APPLICATION, 'student', 'apply', OFFLINE);
    expectOk(result);
    expect(result.values).toMatchObject({ mode: 'offline', reason: '03', penaltyAmount: 5000, letter: ['f_01JQ8Y2K6V7W'] });
  });

  it('apply (offline): without the letter it fails at letter', () => {
    expectErrorAt(run(termination, without(OFFLINE_APPLICATION, 'letter'), 'student', 'apply', OFFLINE), 'letter', 'required');
  });

  it('apply: the mode is set by the system, not by the applicant', () => {
    const result = run(termination, { ...without(OFFLINE_APPLICATION, 'letter'), mode: 'online' }, 'student', 'apply', OFFLINE);
    expectErrorAt(result, 'letter', 'required');
    expect(result.values.mode).toBe('offline');
    expect(fieldAccess(termination, 'mode', 'student', 'apply')).toBe('read');
  });

  it('apply (online): the employer applies without a letter', () => {
    const result = run(
      termination,
      { reason: '01', liability: 'mutual', remarks: '岗位调整，经双方协商解除。', letter: ['f_x'] },
      'employer',
      'apply',
      ONLINE,
    );
    expectOk(result);
    expect(result.values.letter).toBeUndefined();
  });

  it('apply: a missing reason fails at reason; 其他原因 needs a description', () => {
    expectErrorAt(run(termination, without(OFFLINE_APPLICATION, 'reason'), 'student', 'apply', OFFLINE), 'reason', 'required');
    expectErrorAt(run(termination, { ...OFFLINE_APPLICATION, reason: '99' }, 'student', 'apply', OFFLINE), 'reasonDetail', 'required');
  });

  it('apply: a paid penalty needs its amount', () => {
    expectErrorAt(
      run(termination, without(OFFLINE_APPLICATION, 'penaltyAmount'), 'student', 'apply', OFFLINE),
      'penaltyAmount',
      'required',
    );
  });

  it('consent: the other party adds its remark and cannot change the application', () => {
    const applied = run(termination, { reason: '01', liability: 'mutual' }, 'employer', 'apply', ONLINE).values;
    const result = run(termination, { consentRemark: '同意解约。', reason: '02' }, 'student', 'consent', applied);
    expectOk(result);
    expect(result.values).toMatchObject({ consentRemark: '同意解约。', reason: '01' });
  });

  it('review: college and school each write their own remark', () => {
    const applied = run(termination, OFFLINE_APPLICATION, 'student', 'apply', OFFLINE).values;
    const college = run(termination, { collegeRemark: '情况属实，同意。', schoolRemark: 'x' }, 'college', 'review', applied);
    expectOk(college);
    expect(college.values.collegeRemark).toBe('情况属实，同意。');
    expect(college.values.schoolRemark).toBeUndefined();
    expectOk(run(termination, { schoolRemark: '同意解约，恢复网签资格。' }, 'school', 'review', college.values));
  });
});

// ── dispatch.json ─────────────────────────────────────────────────────────────────

describe('dispatch.json (派遣信息上报)', () => {
  const agreementValues = run(agreement, JOB_TERMS, 'employer', 'invite', { ...STUDENT_PREFILL, ...EMPLOYER_PREFILL }).values;
  const prefilled = applyMappings(dispatch, 'agreement', agreementValues);
  const CONFIRM: Values = {
    destination: '10',
    proofPhotos: ['f_01JQ8Z0A1B2C', 'f_01JQ8Z0A1B2D'],
    reportUnitName: '南京云帆信息科技有限公司',
  };

  it('maps agreement fields that exist there, onto fields of the same type', () => {
    for (const mapping of dispatch.mappings ?? []) {
      expect(mapping.from).toBe('agreement');
      for (const [target, from] of Object.entries(mapping.fields)) {
        const src = findField(agreement, from);
        expect(src, from).toBeDefined();
        expect(findField(dispatch, target)?.type).toBe(src?.type);
      }
    }
    expect(prefilled).toMatchObject({
      employerName: '南京云帆信息科技有限公司',
      creditCode: CREDIT_CODE,
      unitNature: '39',
      industry: 'I',
      employerRegion: '320106',
      archiveUnitName: '南京市人才服务中心',
      archivePostcode: '210009',
      householdAddress: JOB_TERMS.householdAddress,
    });
  });

  it('student: confirms the prefilled data and uploads the stamped agreement photos', () => {
    const result = run(dispatch, CONFIRM, 'student', 'student', prefilled);
    expectOk(result);
    expect(result.values).toMatchObject({ destination: '10', employerName: '南京云帆信息科技有限公司', proofPhotos: CONFIRM.proofPhotos });
  });

  it('student: without proof photos it fails at proofPhotos', () => {
    expectErrorAt(run(dispatch, without(CONFIRM, 'proofPhotos'), 'student', 'student', prefilled), 'proofPhotos', 'required');
  });

  it('student: without the employer name (employment) it fails at employerName', () => {
    expectErrorAt(run(dispatch, { ...CONFIRM, employerName: '' }, 'student', 'student', prefilled), 'employerName', 'required');
  });

  it('student: at most 5 photos', () => {
    const photos = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => `f_${x}`);
    expectErrorAt(run(dispatch, { ...CONFIRM, proofPhotos: photos }, 'student', 'student', prefilled), 'proofPhotos', 'file');
  });

  it('student: a destination other than employment hides and drops the employer fields', () => {
    const result = run(dispatch, { ...CONFIRM, destination: '80' }, 'student', 'student', prefilled);
    expectOk(result);
    expect(result.values.employerName).toBeUndefined();
    expect(result.values.archiveUnitName).toBe('南京市人才服务中心');
  });

  it('review: college, school and centre read everything and change nothing', () => {
    const confirmed = run(dispatch, CONFIRM, 'student', 'student', prefilled).values;
    for (const role of ['college', 'school', 'center'] as Role[]) {
      const result = run(dispatch, { employerName: '别的单位' }, role, 'review', confirmed);
      expectOk(result);
      expect(result.values.employerName).toBe('南京云帆信息科技有限公司');
    }
  });
});
