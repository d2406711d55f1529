/**
 * The numbers of 就业统计 as the office reports them: one row per group, the totals row at the foot,
 * the 毕业去向 categories after the rates (待就业 and 暂不就业 marked as not counted as 落实). On a
 * phone the table scrolls sideways with the group's name held at the left.
 */
import { STATISTICS_BY_LABELS } from '../../../../contract/statistics';
import type { Statistics, StatisticsRow } from '../../api/statistics';
import { formatRate } from './RateBars';

function GroupRow({ row, categories, total = false }: { row: StatisticsRow; categories: Statistics['categories']; total?: boolean }) {
  return (
    <tr className={total ? 'statistics-total' : undefined}>
      <th scope="row">{row.label}</th>
      <td className="num">{row.graduates}</td>
      <td className="num">{row.signed}</td>
      <td className="num">{formatRate(row.signingRate)}</td>
      <td className="num">{row.registered}</td>
      <td className="num">{row.placed}</td>
      <td className="num">{formatRate(row.placementRate)}</td>
      {categories.map((c) => (
        <td key={c.key} className="num">
          {row.categories[c.key] ?? 0}
        </td>
      ))}
    </tr>
  );
}

function DayTable({ s }: { s: Statistics }) {
  const sum = (pick: (d: Statistics['days'][number]) => number) => s.days.reduce((n, d) => n + pick(d), 0);
  return (
    <table className="statistics-table">
      <caption className="sr-only">{s.cohort} 届每日签约与去向登记</caption>
      <thead>
        <tr>
          <th scope="col">日期</th>
          <th scope="col">协议书生效</th>
          <th scope="col">去向登记通过</th>
        </tr>
      </thead>
      <tbody>
        {s.days.map((d) => (
          <tr key={d.day}>
            <th scope="row">{d.day}</th>
            <td className="num">{d.agreements}</td>
            <td className="num">{d.destinations}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="statistics-total">
          <th scope="row">合计</th>
          <td className="num">{sum((d) => d.agreements)}</td>
          <td className="num">{sum((d) => d.destinations)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function StatisticsTable({ s }: { s: Statistics }) {
  if (s.by === 'day') {
    return (
      <div className="statistics-table-wrap" tabIndex={0} role="region" aria-label="每日统计表">
        <DayTable s={s} />
      </div>
    );
  }
  return (
    <div className="statistics-table-wrap" tabIndex={0} role="region" aria-label="就业统计表">
      <table className="statistics-table">
        <caption className="sr-only">
          {s.cohort} 届毕业生就业统计，按{STATISTICS_BY_LABELS[s.by]}
        </caption>
        <thead>
          <tr>
            <th scope="col">{STATISTICS_BY_LABELS[s.by]}</th>
            <th scope="col">毕业生数</th>
            <th scope="col">已签约</th>
            <th scope="col">签约率</th>
            <th scope="col">已登记去向</th>
            <th scope="col">已落实</th>
            <th scope="col">去向落实率</th>
            {s.categories.map((c) => (
              <th
                scope="col"
                key={c.key}
                title={c.placed ? '计入去向落实' : '不计入去向落实'}
                className={c.placed ? undefined : 'not-placed'}
              >
                {c.label}
                {!c.placed && <span className="muted small">（不计入落实）</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.rows.length === 0 ? (
            <tr>
              <td colSpan={7 + s.categories.length} className="empty">
                本届没有毕业生
              </td>
            </tr>
          ) : (
            s.rows.map((row) => <GroupRow key={row.key} row={row} categories={s.categories} />)
          )}
        </tbody>
        <tfoot>
          <GroupRow row={s.total} categories={s.categories} total />
        </tfoot>
      </table>
    </div>
  );
}
