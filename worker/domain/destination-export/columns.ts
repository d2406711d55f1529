/**
 * The national 毕业去向登记 column order (docs/architecture.md, 毕业去向登记): the graduate's identity
 * as the dispatch plan has it, then the destination code and its details. Values are codes where the
 * receiving systems read codes; a detail column takes the first of its keys the registration holds
 * (单位名称: the employer, the company founded, or the 基层项目).
 */
export interface DestinationColumn {
  header: string;
  from: 'source' | 'school' | 'destination' | 'record';
  keys: string[];
}

export const DESTINATION_EXPORT_COLUMNS: DestinationColumn[] = [
  { header: '考生号', from: 'source', keys: ['examNo'] },
  { header: '身份证号', from: 'source', keys: ['idNumber'] },
  { header: '姓名', from: 'source', keys: ['name'] },
  { header: '性别代码', from: 'source', keys: ['gender'] },
  { header: '院校代码', from: 'school', keys: ['code'] },
  { header: '院校名称', from: 'school', keys: ['name'] },
  { header: '学号', from: 'source', keys: ['studentNo'] },
  { header: '学历代码', from: 'source', keys: ['education'] },
  { header: '专业名称', from: 'source', keys: ['major'] },
  { header: '毕业届', from: 'source', keys: ['cohort'] },
  { header: '生源所在地代码', from: 'source', keys: ['originRegion'] },
  { header: '毕业去向代码', from: 'destination', keys: ['destination'] },
  { header: '单位名称', from: 'destination', keys: ['employerName', 'companyName', 'projectName'] },
  { header: '统一社会信用代码', from: 'destination', keys: ['creditCode', 'companyCreditCode'] },
  { header: '本人职务', from: 'destination', keys: ['companyRole'] },
  { header: '自由职业内容', from: 'destination', keys: ['freelanceWork'] },
  { header: '升学院校', from: 'destination', keys: ['furtherSchool'] },
  { header: '升学专业', from: 'destination', keys: ['furtherMajor'] },
  { header: '录取层次', from: 'destination', keys: ['furtherLevel'] },
  { header: '出国（境）国家或地区', from: 'destination', keys: ['abroadRegion'] },
  { header: '出国（境）院校或单位', from: 'destination', keys: ['abroadInstitution'] },
  { header: '暂不就业说明', from: 'destination', keys: ['notEmployedReason'] },
  { header: '登记状态', from: 'record', keys: ['stateLabel'] },
];
