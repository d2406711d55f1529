/**
 * Field keys the worker itself reads from record data, per form. A published definition must keep
 * each of them as a top-level field, or a lifecycle, the agreement PDF, the dispatch export or the
 * source import would silently lose what it reads. Workflow steps the lifecycles submit in are
 * derived from the lifecycle tables instead (see worker/domain/form-publishing/lifecycle-dependencies.ts).
 */
import { DISPATCH_EXPORT_COLUMNS } from '../domain/dispatch-export/columns';
import { AGREEMENT_SCHOOL_PROFILE_FIELDS } from '../lifecycle/school-profile-fields';

export interface RequiredKey {
  key: string;
  /** who reads it, shown to the admin when a draft drops it */
  usedBy: string;
}

const exportColumns = (from: 'source' | 'dispatch'): RequiredKey[] =>
  DISPATCH_EXPORT_COLUMNS.filter((c) => c.from === from).map((c) => ({ key: c.key, usedBy: `派遣方案导出「${c.header}」列` }));

const keys = (usedBy: string, ...list: string[]): RequiredKey[] => list.map((key) => ({ key, usedBy }));

export const REQUIRED_KEYS: Record<string, RequiredKey[]> = {
  source: [
    ...keys('生源导入（学生账号与学院归属）', 'idNumber', 'name', 'college', 'cohort'),
    ...keys('用人单位按手机号查找学生', 'mobile'),
    // copied into every new agreement by studentPrefill (worker/lifecycle/definitions/shared.ts)
    ...keys('协议书自动带入学生信息', 'gender', 'major', 'education', 'originRegion', 'studentNo'),
    ...exportColumns('source'),
  ],
  agreement: [
    ...keys('协议书、邀约和解约的列表标题', 'name', 'idNumber', 'employerName'),
    ...keys('职位邀约的标题', 'jobTitle'),
    ...keys('职位邀约的应约截止日期（逾期自动失效）', 'deadline'),
    ...keys('学校审核时从「学校信息」带入', ...Object.keys(AGREEMENT_SCHOOL_PROFILE_FIELDS)),
  ],
  termination: [
    ...keys('解约流程区分线上/线下和发起方', 'mode', 'initiator'),
    ...keys('解约列表标题', 'agreementNo', 'name', 'employerName'),
  ],
  dispatch: [...keys('派遣信息列表标题', 'employerName'), ...exportColumns('dispatch')],
  destination: [...keys('毕业去向列表、导出和签约自动登记', 'destination', 'employerName', 'creditCode')],
  employer: [
    ...keys(
      '单位注册审核通过后写入单位信息',
      'employerName',
      'creditCode',
      'unitNature',
      'industry',
      'employerRegion',
      'employerAddress',
      'contactName',
      'contactPhone',
    ),
  ],
};

/** Each key once, the first reason kept. */
export function requiredKeysOf(formKey: string): RequiredKey[] {
  const seen = new Set<string>();
  return (REQUIRED_KEYS[formKey] ?? []).filter((k) => !seen.has(k.key) && seen.add(k.key));
}
