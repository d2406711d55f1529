/**
 * The data the peer bench validates: for the agreement and the dispatch form, a complete valid
 * record as the worker tests build it (worker/test/job-terms.ts, the paper agreement of
 * worker/test/scenarios.ts) and an invalid one with the mistakes people typically make. Each
 * mistake says whether a JSON Schema can express the rule it breaks, so the comparison of what each
 * validator catches has an expectation to hold to.
 */
import type { FormDefinition, Role } from '../../forms/engine/types';
import agreementJson from '../../forms/agreement.json';
import dispatchJson from '../../forms/dispatch.json';
import { jobTerms } from '../../worker/test/job-terms';

export interface Mistake {
  field: string;
  what: string;
  /** the rule is one a JSON Schema of the form states (required, pattern, bound, enum) */
  inJsonSchema: boolean;
}

export interface PeerForm {
  key: string;
  definition: FormDefinition;
  /** how the server validates a write of this form: the writer's role and workflow step */
  role: Role;
  step: string;
  /** the part of the record the server takes from elsewhere (the student's profile), not from the body */
  fromProfile: readonly string[];
  valid: Record<string, unknown>;
  invalid: Record<string, unknown>;
  mistakes: readonly Mistake[];
}

/** What an agreement's student page is prefilled with from the student's profile (the offline create). */
const studentProfile = {
  name: '李明',
  gender: '1',
  idNumber: '320102200203151239',
  schoolName: '南京示范大学',
  college: '计算机学院',
  major: '软件工程',
  education: '31',
  studentNo: '2022010101',
  cohort: 2026,
  originRegion: '320102',
  mobile: '13800138000',
  email: 'liming@example.com',
};

/** The paper agreement a student types in (worker/test/scenarios.ts), with the terms' deadline kept. */
const paperAgreement = {
  employerName: '无锡星河精密机械有限公司',
  creditCode: '91320000134765432Y',
  unitNature: '39',
  industry: 'C',
  employerRegion: '320211',
  ...jobTerms(),
};

const agreementValid = { ...studentProfile, ...paperAgreement };

const agreementMistakes: Mistake[] = [
  { field: 'jobTitle', what: '必填项未填（岗位名称）', inJsonSchema: true },
  { field: 'contactName', what: '必填项未填（联系人）', inJsonSchema: true },
  { field: 'idNumber', what: '身份证号校验位错误（18 位）', inJsonSchema: false },
  { field: 'contactPhone', what: '手机号含字母', inJsonSchema: true },
  { field: 'monthlySalary', what: '月薪超出上限 1,000,000', inJsonSchema: true },
  { field: 'industry', what: '代码不在代码表（单位行业 Z）', inJsonSchema: true },
  { field: 'workRegion', what: '不存在的行政区划代码', inJsonSchema: false },
  { field: 'archiveUnitName', what: '按条件必填未填（档案转寄单位，archiveMode = unit）', inJsonSchema: false },
  { field: 'probationMonths', what: '跨字段：合同半年，试用期 6 个月', inJsonSchema: false },
];

const agreementInvalid: Record<string, unknown> = {
  ...agreementValid,
  idNumber: '320102200203151230',
  contactPhone: '1380013800a',
  monthlySalary: 2_000_000,
  industry: 'Z',
  workRegion: '999999',
  contractYears: 0.5,
  probationMonths: 6,
};
for (const key of ['jobTitle', 'contactName', 'archiveUnitName']) Reflect.deleteProperty(agreementInvalid, key);

/** A graduate reporting a job (destination 10): the employer section shows, proof photos uploaded. */
const dispatchValid = {
  destination: '10',
  employerName: '无锡星河精密机械有限公司',
  creditCode: '91320000134765432Y',
  unitNature: '39',
  industry: 'C',
  employerRegion: '320211',
  employerAddress: '江苏省无锡市新吴区长江路 7 号',
  contactName: '赵经理',
  contactPhone: '13600001111',
  archiveUnitName: '无锡市人才服务中心',
  archivePostcode: '214028',
  archiveAddress: '江苏省无锡市新吴区长江路 9 号',
  householdAddress: '江苏省无锡市新吴区',
  reportUnitName: '无锡市人力资源和社会保障局',
  proofPhotos: ['file_01HZX3J8Q2M4', 'file_01HZX3J8Q2M5'],
};

const dispatchMistakes: Mistake[] = [
  { field: 'employerName', what: '必填项未填（单位名称，所在区块按条件显示）', inJsonSchema: false },
  { field: 'proofPhotos', what: '必填项未填（证明材料）', inJsonSchema: true },
  { field: 'creditCode', what: '统一社会信用代码校验位错误（18 位）', inJsonSchema: false },
  { field: 'contactPhone', what: '手机号含字母', inJsonSchema: true },
  { field: 'unitNature', what: '代码不在代码表（单位性质 77）', inJsonSchema: true },
  { field: 'archivePostcode', what: '邮政编码只有 5 位（预设格式）', inJsonSchema: false },
];

const dispatchInvalid: Record<string, unknown> = {
  ...dispatchValid,
  creditCode: '91320000134765432X',
  contactPhone: '1360000111a',
  unitNature: '77',
  archivePostcode: '21402',
};
for (const key of ['employerName', 'proofPhotos']) Reflect.deleteProperty(dispatchInvalid, key);

export const PEER_FORMS: readonly PeerForm[] = [
  {
    key: 'agreement',
    definition: agreementJson as unknown as FormDefinition,
    // a student entering a paper agreement (POST /api/agreements, mode offline)
    role: 'student',
    step: 'offline',
    fromProfile: Object.keys(studentProfile),
    valid: agreementValid,
    invalid: agreementInvalid,
    mistakes: agreementMistakes,
  },
  {
    key: 'dispatch',
    definition: dispatchJson as unknown as FormDefinition,
    // a graduate submitting the dispatch form
    role: 'student',
    step: 'student',
    fromProfile: [],
    valid: dispatchValid,
    invalid: dispatchInvalid,
    mistakes: dispatchMistakes,
  },
];
