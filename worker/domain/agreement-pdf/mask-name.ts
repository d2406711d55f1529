/**
 * A student's name as the public verification page shows it: enough for the holder to recognise,
 * not enough to identify a stranger. The surname (a compound one such as 欧阳 counts as one) and
 * the last character stay, everything between becomes a single * (which also hides the length):
 * 李思远 → 李*远, 欧阳明堃 → 欧阳*堃. When that would reveal the whole name (李明, 欧阳堃) only the
 * surname stays.
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '申屠',
  '澹台',
  '公羊',
  '赫连',
  '呼延',
  '万俟',
  '闻人',
  '濮阳',
  '钟离',
  '太史',
  '淳于',
  '单于',
  '东郭',
  '百里',
  '司空',
  '左丘',
  '拓跋',
  '第五',
  '谷梁',
  '段干',
  '鲜于',
  '闾丘',
  '梁丘',
]);

export function maskName(name: unknown): string {
  const chars = Array.from(typeof name === 'string' ? name.trim() : '');
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  const surnameLength = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const surname = chars.slice(0, surnameLength).join('');
  const given = chars.length - surnameLength;
  return given >= 2 ? `${surname}*${chars.at(-1) ?? ''}` : `${surname}*`;
}
