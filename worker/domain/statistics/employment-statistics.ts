/**
 * 就业统计 (docs/architecture.md, 就业统计): the counts D1 grouped, turned into the rows the
 * employment office reports — 毕业生数, 已签约 and 签约率, 已登记去向, 已落实 and 去向落实率, and the
 * registered graduates per 毕业去向 category — each group labelled from the code tables and the
 * organisations, with a totals row over the whole scope.
 */
import { codeLabel, findCode, regionName } from '../../../forms/engine';
import { BUILTIN_CODE_TABLES } from '../../../forms/codes';
import { DESTINATION_CATEGORIES, destinationCategoryOf } from '../../../forms/codes/destination-categories';
import type { Db } from '../../db/client';
import { readStatistics, type GroupCountRow, type OrganisationRow, type StatisticsScope } from '../../db/statistics';
import { badRequest } from '../../http/errors';
import type { AnswerOf } from '../../../contract/route';
import type { StatisticsBy, StatisticsRowSchema, StatisticsSchema } from '../../../contract/statistics';

export type StatisticsRow = AnswerOf<typeof StatisticsRowSchema>;
export type Statistics = AnswerOf<typeof StatisticsSchema>;

const UNKNOWN = '未填写';

/** percent with two decimals, as the reports give it; none without graduates */
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10000) / 100);

function emptyRow(key: string, label: string): StatisticsRow {
  return {
    key,
    label,
    graduates: 0,
    signed: 0,
    signingRate: null,
    registered: 0,
    placed: 0,
    placementRate: null,
    categories: Object.fromEntries(DESTINATION_CATEGORIES.map((c) => [c.key, 0])),
  };
}

/** Adds one line of the counts (graduates, signed, or registered with one code) to a row. */
function add(row: StatisticsRow, cell: GroupCountRow): void {
  row.graduates += cell.graduates;
  row.signed += cell.signed;
  row.registered += cell.registered;
  const category = cell.destination === null ? undefined : destinationCategoryOf(cell.destination);
  if (!category) return;
  row.categories[category.key] = (row.categories[category.key] ?? 0) + cell.registered;
  if (category.placed) row.placed += cell.registered;
}

function withRates(row: StatisticsRow): StatisticsRow {
  return { ...row, signingRate: rate(row.signed, row.graduates), placementRate: rate(row.placed, row.graduates) };
}

/** The label of a group key, from the code tables or the organisations; a college of another school names its school. */
function labeller(by: StatisticsBy, organisations: OrganisationRow[], severalSchools: boolean): (key: string) => string {
  const colleges = new Map(organisations.map((o) => [o.collegeId, severalSchools ? `${o.schoolName} ${o.collegeName}` : o.collegeName]));
  switch (by) {
    case 'college':
      return (key) => colleges.get(key) ?? key;
    case 'education':
    case 'gender':
      return (key) => codeLabel(null, by, key) ?? key;
    case 'origin':
      return (key) => regionName(`${key}0000`) ?? key;
    case 'major':
    case 'day':
      return (key) => key;
  }
}

/** The order groups are shown in: as the organisations or code tables list them, else by label; 未填写 last. */
function orderer(by: StatisticsBy, organisations: OrganisationRow[]): (a: StatisticsRow, b: StatisticsRow) => number {
  const position = (key: string): number => {
    if (by === 'college') return organisations.findIndex((o) => o.collegeId === key);
    if (by === 'education' || by === 'gender') {
      const items = BUILTIN_CODE_TABLES[by].items;
      const item = findCode(BUILTIN_CODE_TABLES[by], key);
      return item ? items.indexOf(item) : -1;
    }
    return 0;
  };
  return (a, b) => {
    if ((a.key === '') !== (b.key === '')) return a.key === '' ? 1 : -1;
    const pa = position(a.key);
    const pb = position(b.key);
    if (pa !== pb) return (pa < 0 ? Infinity : pa) - (pb < 0 ? Infinity : pb);
    return by === 'origin' ? a.key.localeCompare(b.key) : a.label.localeCompare(b.label, 'zh-Hans-CN');
  };
}

function scopeLabelOf(scope: StatisticsScope, organisations: OrganisationRow[]): string {
  const first = organisations[0];
  if (!first) return '全省';
  if (scope.collegeId) return `${first.schoolName} ${first.collegeName}`;
  if (scope.schoolId) return first.schoolName;
  return '全省各校';
}

export async function employmentStatistics(
  db: Db,
  scope: StatisticsScope,
  query: { cohort: number; by: StatisticsBy; school: string | null },
): Promise<Statistics> {
  const { groups, days, organisations } = await readStatistics(db, scope, query.cohort, query.by);
  // a school filtered by that has no colleges is not one of the province's schools
  if (scope.schoolId && organisations.length === 0) throw badRequest('bad_query', '没有这所学校');
  const severalSchools = new Set(organisations.map((o) => o.schoolId)).size > 1;
  const label = labeller(query.by, organisations, severalSchools);

  const total = emptyRow('total', '合计');
  const rows = new Map<string, StatisticsRow>();
  for (const cell of groups) {
    add(total, cell);
    if (query.by === 'day') continue;
    const key = cell.groupKey ?? '';
    let row = rows.get(key);
    if (!row) {
      row = emptyRow(key, key === '' ? UNKNOWN : label(key));
      rows.set(key, row);
    }
    add(row, cell);
  }

  return {
    cohort: query.cohort,
    by: query.by,
    school: query.school,
    scopeLabel: scopeLabelOf(scope, organisations),
    categories: DESTINATION_CATEGORIES.map((c) => ({ key: c.key, label: c.label, placed: c.placed, codes: [...c.codes] })),
    rows: [...rows.values()].map(withRates).sort(orderer(query.by, organisations)),
    total: withRates(total),
    days: days.map((d) => ({ day: d.day, agreements: d.agreements, destinations: d.destinations })),
  };
}
