/** Chinese names of the definition format's choices, as the editor shows them. */
import type { FieldType } from './editor-engine';

export const FIELD_TYPE_LABELS: Record<FieldType, string> = {
  text: '单行文本',
  textarea: '多行文本',
  number: '数字',
  date: '日期',
  select: '下拉选择',
  radio: '单选',
  region: '行政区划',
  phone: '手机号',
  idNumber: '身份证号',
  creditCode: '统一社会信用代码',
  email: '电子邮箱',
  file: '附件',
  group: '分组（可多行）',
};

/** A field type's name; a type the editor does not know (typed into the JSON) shows as written. */
export function fieldTypeLabel(type: string): string {
  return Object.hasOwn(FIELD_TYPE_LABELS, type) ? FIELD_TYPE_LABELS[type as FieldType] : type;
}

export const PATTERN_LABELS: Record<string, string> = {
  chineseName: '姓名（中文/少数民族/外籍）',
  postcode: '邮政编码',
  landline: '固定电话',
  digits: '仅数字',
  studentNo: '学号',
  examNo: '考生号（14 位）',
  alnum: '仅字母和数字',
};

export const ROLE_LABELS: Record<string, string> = {
  student: '学生',
  employer: '用人单位',
  college: '学院',
  school: '学校',
  province: '省级',
  center: '就业中心',
  admin: '管理员',
};

export const OPERATOR_LABELS: Record<string, string> = {
  '==': '等于',
  '!=': '不等于',
  '>': '大于',
  '>=': '大于等于',
  '<': '小于',
  '<=': '小于等于',
  in: '属于（逗号分隔）',
  empty: '为空',
  notEmpty: '不为空',
};

export const EXPR_KIND_LABELS: Record<string, string> = {
  field: '字段',
  number: '数字',
  text: '文字',
  bool: '是/否',
  today: '今天',
  '+': '相加',
  '-': '相减',
  '*': '相乘',
  '/': '相除',
  min: '取最小值',
  max: '取最大值',
  concat: '拼接文字',
  len: '文字长度',
  days: '日期（按天计）',
  if: '如果…否则…',
};
