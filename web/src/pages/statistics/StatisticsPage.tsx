/**
 * /statistics — 就业统计 (college and school reviewers, the province, the centre): one cohort's
 * 签约率 and 毕业去向落实率 in the caller's scope by 学院, 专业, 学历, 性别, 生源地 or per day, with a
 * bar chart, the table with its totals row and the export (GET /api/statistics). Cohort, dimension
 * and school live in the URL, so a refresh or a shared link shows the same numbers.
 */
import { useQuery } from '@tanstack/react-query';
import { STATISTICS_BY_LABELS, STATISTICS_BY_VALUES, type StatisticsBy } from '../../../../contract/statistics';
import { loadSchools } from '../../api/organisations';
import { queryKeys } from '../../api/query-keys';
import { loadStatistics, statisticsExportHref, type StatisticsQuery } from '../../api/statistics';
import { can } from '../../auth/abilities';
import { useUser } from '../../auth/session';
import { Alert, Loading } from '../../components/Alert';
import { useTitle } from '../../hooks';
import { beijingWallClockAt } from '../../lib/beijing-time';
import { replaceQuery, useLocation } from '../../router';
import { DayColumns } from './DayColumns';
import { formatRate, RateBars } from './RateBars';
import { StatisticsTable } from './StatisticsTable';

/** the cohort graduating next (from September on, next year's), by the Beijing calendar, as the server defaults to */
export function graduatingCohort(now = Date.now()): number {
  const c = beijingWallClockAt(now);
  return c.year + (c.month >= 9 ? 1 : 0);
}

const isBy = (value: string | null): value is StatisticsBy => (STATISTICS_BY_VALUES as readonly (string | null)[]).includes(value);

/** the query the URL holds, anything unreadable falling back to the defaults */
function queryOf(params: URLSearchParams): StatisticsQuery {
  const cohort = Number(params.get('cohort'));
  const by = params.get('by');
  return {
    cohort: Number.isInteger(cohort) && cohort >= 1900 && cohort <= 2199 ? cohort : graduatingCohort(),
    by: isBy(by) ? by : 'college',
    school: params.get('school') ?? '',
  };
}

function cohortChoices(selected: number): number[] {
  const current = graduatingCohort();
  const years = [current + 1, current, current - 1, current - 2, current - 3];
  return years.includes(selected) ? years : [...years, selected].sort((a, b) => b - a);
}

export default function StatisticsPage() {
  useTitle('就业统计');
  const user = useUser();
  const { query: params } = useLocation();
  const query = queryOf(params);
  const bySchool = can(user, 'filter_by_school');
  const schools = useQuery({ queryKey: queryKeys.schools(user.id), queryFn: () => loadSchools(user.id), enabled: bySchool });
  const loaded = useQuery({
    queryKey: queryKeys.statistics(query.cohort, query.by, query.school),
    queryFn: ({ signal }) => loadStatistics(query, signal),
  });
  const s = loaded.data;
  const set = (change: Partial<StatisticsQuery>) => {
    const next = { ...query, ...change };
    replaceQuery({ cohort: String(next.cohort), by: next.by, school: next.school || undefined });
  };

  return (
    <main id="main" className="page statistics-page">
      <h1 className="page-title">就业统计</h1>
      <p className="muted">
        毕业生数为本届在{bySchool ? '所选范围' : user.role === 'college' ? '本学院' : '本校'}
        的全部学生；签约率 = 协议书经学校审核通过的人数 ÷ 毕业生数；去向落实率 = 毕业去向登记已通过且属于落实类别的人数 ÷
        毕业生数（待就业、暂不就业不计入）。
      </p>
      <form className="filters statistics-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="s-cohort" className="field-label">
            毕业届
          </label>
          <select id="s-cohort" className="input" value={query.cohort} onChange={(e) => set({ cohort: Number(e.target.value) })}>
            {cohortChoices(query.cohort).map((y) => (
              <option key={y} value={y}>
                {y} 届
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="s-by" className="field-label">
            统计维度
          </label>
          <select
            id="s-by"
            className="input"
            value={query.by}
            onChange={(e) => set({ by: isBy(e.target.value) ? e.target.value : 'college' })}
          >
            {STATISTICS_BY_VALUES.map((by) => (
              <option key={by} value={by}>
                {STATISTICS_BY_LABELS[by]}
              </option>
            ))}
          </select>
        </div>
        {bySchool && (
          <div className="field field-grow">
            <label htmlFor="s-school" className="field-label">
              学校
            </label>
            <select id="s-school" className="input" value={query.school} onChange={(e) => set({ school: e.target.value })}>
              <option value="">全部学校</option>
              {schools.data?.map((school) => (
                <option key={school.id} value={school.id}>
                  {school.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>

      {loaded.error && <Alert>{loaded.error.message}</Alert>}
      {!s && !loaded.error && <Loading />}
      {s && (
        <>
          <section className="statistics-summary" aria-label="合计">
            <h2 className="statistics-scope">
              {s.scopeLabel} · {s.cohort} 届
            </h2>
            <dl className="statistics-figures">
              <div>
                <dt>毕业生数</dt>
                <dd>{s.total.graduates}</dd>
              </div>
              <div>
                <dt>签约率</dt>
                <dd>{formatRate(s.total.signingRate)}</dd>
              </div>
              <div>
                <dt>去向落实率</dt>
                <dd>{formatRate(s.total.placementRate)}</dd>
              </div>
              <div>
                <dt>已登记去向</dt>
                <dd>{s.total.registered}</dd>
              </div>
            </dl>
          </section>
          {s.by === 'day' ? <DayColumns days={s.days} /> : <RateBars rows={s.rows} />}
          <StatisticsTable s={s} />
          <div className="dispatch-export statistics-export" role="group" aria-label="导出就业统计">
            <a className="btn" href={statisticsExportHref(query, 'csv')} download>
              导出 CSV
            </a>
            <a className="btn" href={statisticsExportHref(query, 'xlsx')} download>
              导出 Excel
            </a>
          </div>
        </>
      )}
    </main>
  );
}
