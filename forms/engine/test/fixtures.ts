/**
 * A small agreement-like definition for engine tests (independent of the shipped forms/*.json).
 * The employer fills the invitation, the student fills their part and uploads proof, reviewers
 * comment; a school-only note is hidden from everyone else.
 */
import { idNumberCheckChar } from '../validators/id-number';
import { creditCodeCheckChar } from '../validators/credit-code';
import type { CodeTable, FormDefinition, Values } from '../types';

export const TODAY = '2025-03-01';

/** A valid ID number (the GB 11643 example, check character X). */
export const VALID_ID = '11010519491231002X';
/** A valid ID number for a woman born 2003-05-17 in 海淀区. */
export const VALID_ID_2 = `11010820030517002${idNumberCheckChar('11010820030517002')}`;
/** A valid credit code (the GB 32100 example). */
export const VALID_CREDIT_CODE = `91350100M000100Y4${creditCodeCheckChar('91350100M000100Y4')}`;

/** The 是/否 code table, a new copy each time (tests change theirs). */
export function yesNoTable(key = 'yesNo'): CodeTable {
  return {
    key,
    label: '是否',
    items: [
      { code: '1', label: '是' },
      { code: '0', label: '否' },
    ],
  };
}

const ALL_READERS = ['student', 'employer', 'college', 'school'] as const;

export function agreementDefinition(): FormDefinition {
  return {
    key: 'testAgreement',
    title: '测试就业协议书',
    schemaVersion: 1,
    workflow: [
      { key: 'invite', label: '职位邀约' },
      { key: 'student', label: '学生填写' },
      { key: 'review', label: '审核' },
    ],
    access: { '*': { read: [...ALL_READERS] } },
    codeTables: [yesNoTable()],
    steps: [
      {
        key: 'people',
        label: '基本信息',
        sections: [
          {
            key: 'studentInfo',
            label: '学生信息',
            access: { student: { edit: ['student'], read: ['employer', 'college', 'school'] } },
            rows: [
              [
                { key: 'name', type: 'text', label: '姓名', required: true, pattern: 'chineseName' },
                { key: 'idNumber', type: 'idNumber', label: '身份证号', required: true },
              ],
              [
                { key: 'mobile', type: 'phone', label: '手机号码', required: true },
                { key: 'email', type: 'email', label: '电子邮箱' },
              ],
              [
                { key: 'origin', type: 'region', label: '生源所在地', regionLevel: 'city' },
                { key: 'birthDate', type: 'date', label: '出生日期', max: 'today' },
                { key: 'education', type: 'select', label: '学历', codeTable: 'education', required: true },
              ],
              [
                { key: 'destination', type: 'select', label: '毕业去向', codeTable: 'destination', required: true },
                {
                  key: 'furtherSchool',
                  type: 'text',
                  label: '升学院校',
                  visibleWhen: { '==': [{ var: 'destination' }, '80'] },
                  requiredWhen: { '==': [{ var: 'destination' }, '80'] },
                },
              ],
              [{ key: 'proof', type: 'file', label: '协议书照片', maxFiles: 2, accept: ['image', 'pdf'] }],
            ],
          },
          {
            key: 'abroad',
            label: '出国出境',
            visibleWhen: { '==': [{ var: 'destination' }, '85'] },
            access: { student: { edit: ['student'] } },
            rows: [[{ key: 'abroadCountry', type: 'text', label: '前往国家（地区）', required: true }]],
          },
        ],
      },
      {
        key: 'job',
        label: '职位信息',
        sections: [
          {
            key: 'employerInfo',
            label: '单位信息',
            access: { invite: { edit: ['employer'] } },
            rows: [
              [
                { key: 'unitName', type: 'text', label: '单位名称', required: true, maxLength: 100 },
                { key: 'creditCode', type: 'creditCode', label: '统一社会信用代码', required: true },
              ],
              [
                { key: 'unitNature', type: 'select', label: '单位性质', codeTable: 'unitNature' },
                { key: 'industry', type: 'select', label: '单位行业', codeTable: 'industry' },
                { key: 'unitRegion', type: 'region', label: '单位所在地' },
              ],
              [
                { key: 'salary', type: 'number', label: '月薪', unit: '元/月', min: 0, max: 1000000, decimals: 2 },
                { key: 'bonus', type: 'number', label: '年终奖', min: 0 },
                {
                  key: 'annualPay',
                  type: 'number',
                  label: '年薪（估算）',
                  decimals: 2,
                  computed: { '+': [{ '*': [{ var: 'salary' }, 12] }, { if: [{ empty: { var: 'bonus' } }, 0, { var: 'bonus' }] }] },
                },
              ],
              [
                { key: 'startDate', type: 'date', label: '合同开始日期', required: true },
                { key: 'endDate', type: 'date', label: '合同结束日期' },
              ],
              [
                { key: 'hasProbation', type: 'radio', label: '有无试用期', codeTable: 'yesNo' },
                {
                  key: 'probationMonths',
                  type: 'number',
                  label: '试用期（月）',
                  min: 1,
                  max: 6,
                  visibleWhen: { '==': [{ var: 'hasProbation' }, '1'] },
                  requiredWhen: { '==': [{ var: 'hasProbation' }, '1'] },
                },
              ],
              [
                {
                  key: 'contacts',
                  type: 'group',
                  label: '单位联系人',
                  minItems: 1,
                  maxItems: 3,
                  required: true,
                  fields: [
                    { key: 'contactName', type: 'text', label: '联系人', required: true },
                    { key: 'contactPhone', type: 'phone', label: '联系电话', required: true },
                    { key: 'isPrimary', type: 'radio', label: '主要联系人', codeTable: 'yesNo' },
                    {
                      key: 'contactEmail',
                      type: 'email',
                      label: '联系人邮箱',
                      visibleWhen: { '==': [{ var: '$row.isPrimary' }, '1'] },
                      requiredWhen: { '==': [{ var: '$row.isPrimary' }, '1'] },
                    },
                    {
                      key: 'contactLabel',
                      type: 'text',
                      label: '显示名',
                      computed: { concat: [{ var: '$row.contactName' }, ' ', { var: '$row.contactPhone' }] },
                    },
                  ],
                },
              ],
            ],
          },
        ],
      },
      {
        key: 'opinions',
        label: '审核意见',
        sections: [
          {
            key: 'reviewInfo',
            label: '审核',
            access: { review: { edit: ['college', 'school'] } },
            rows: [
              [{ key: 'reviewComment', type: 'textarea', label: '审核意见', maxLength: 200 }],
              [
                {
                  key: 'schoolNote',
                  type: 'text',
                  label: '学校内部备注',
                  access: { review: { edit: ['school'] }, '*': { read: ['school'] } },
                },
              ],
            ],
          },
        ],
      },
    ],
    checks: [
      {
        rule: { or: [{ empty: { var: 'endDate' } }, { '>': [{ days: { var: 'endDate' } }, { days: { var: 'startDate' } }] }] },
        message: '合同结束日期须晚于开始日期',
        field: 'endDate',
        steps: ['invite'],
      },
    ],
  };
}

/** What an employer sends when inviting: a complete, valid employer section. */
export function validInvitation(): Values {
  return {
    unitName: '测试科技有限公司',
    creditCode: VALID_CREDIT_CODE,
    unitNature: '39',
    industry: 'I',
    unitRegion: '440305',
    salary: '12000.50',
    startDate: '2025-07-01',
    endDate: '2028-06-30',
    hasProbation: '1',
    probationMonths: 3,
    contacts: [{ contactName: '王经理', contactPhone: '13812341234', isPrimary: '1', contactEmail: 'hr@example.com' }],
  };
}

/** What a student sends in the student step: a complete, valid student section. */
export function validStudentPart(): Values {
  return {
    name: '张三',
    idNumber: VALID_ID_2,
    mobile: '13900001111',
    education: '11',
    destination: '10',
    origin: '110100',
    proof: ['file_1'],
  };
}
