/** The shipped form definitions (forms/*.json); there is no list endpoint yet. */
export const FORM_KEYS: Array<[key: string, label: string]> = [
  ['source', '生源信息'],
  ['agreement', '就业协议书'],
  ['termination', '解约申请'],
  ['dispatch', '派遣信息'],
  ['employer', '用人单位注册'],
  ['destination', '毕业去向登记'],
];
