/**
 * The national dispatch-plan (就业方案 / 派遣计划) column order for approved dispatch records:
 * student identity first, then destination and employer codes, then archive and household
 * transfer. Values are codes, not labels: the receiving systems read codes.
 */
export interface ExportColumn {
  header: string;
  from: 'source' | 'dispatch' | 'school';
  key: string;
}

export const DISPATCH_EXPORT_COLUMNS: ExportColumn[] = [
  { header: '考生号', from: 'source', key: 'examNo' },
  { header: '身份证号', from: 'source', key: 'idNumber' },
  { header: '姓名', from: 'source', key: 'name' },
  { header: '性别代码', from: 'source', key: 'gender' },
  { header: '院校代码', from: 'school', key: 'code' },
  { header: '院校名称', from: 'school', key: 'name' },
  { header: '学号', from: 'source', key: 'studentNo' },
  { header: '学历代码', from: 'source', key: 'education' },
  { header: '专业名称', from: 'source', key: 'major' },
  { header: '毕业届', from: 'source', key: 'cohort' },
  { header: '生源所在地代码', from: 'source', key: 'originRegion' },
  { header: '毕业去向代码', from: 'dispatch', key: 'destination' },
  { header: '单位名称', from: 'dispatch', key: 'employerName' },
  { header: '统一社会信用代码', from: 'dispatch', key: 'creditCode' },
  { header: '单位性质代码', from: 'dispatch', key: 'unitNature' },
  { header: '单位行业代码', from: 'dispatch', key: 'industry' },
  { header: '单位所在地代码', from: 'dispatch', key: 'employerRegion' },
  { header: '单位地址', from: 'dispatch', key: 'employerAddress' },
  { header: '单位联系人', from: 'dispatch', key: 'contactName' },
  { header: '联系电话', from: 'dispatch', key: 'contactPhone' },
  { header: '报到证签往单位名称', from: 'dispatch', key: 'reportUnitName' },
  { header: '档案转寄单位名称', from: 'dispatch', key: 'archiveUnitName' },
  { header: '档案转寄单位地址', from: 'dispatch', key: 'archiveAddress' },
  { header: '档案转寄单位邮编', from: 'dispatch', key: 'archivePostcode' },
  { header: '户口迁转地址', from: 'dispatch', key: 'householdAddress' },
];
