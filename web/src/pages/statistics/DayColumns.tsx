/**
 * The signing season per day as an SVG column chart: agreements that became active (学校审核通过)
 * and destinations approved each day, side by side, scaled to the busiest day. The table below
 * carries the same numbers for reading.
 */
import type { StatisticsDay } from '../../api/statistics';

const HEIGHT = 120;
const GROUP = 18;

export function DayColumns({ days }: { days: readonly StatisticsDay[] }) {
  if (days.length === 0) return <p className="empty">本届还没有生效的协议书或通过的去向登记</p>;
  const most = Math.max(1, ...days.map((d) => Math.max(d.agreements, d.destinations)));
  const width = days.length * GROUP;
  const h = (n: number) => Math.round((n / most) * HEIGHT);
  const first = days[0];
  const last = days.at(-1);
  return (
    <figure className="day-columns" aria-labelledby="day-columns-title">
      <figcaption id="day-columns-title" className="rate-bars-title">
        每日签约与去向登记（最多一天 {most} 件）
        <span className="rate-bars-legend" aria-hidden="true">
          <span className="rate-bar-swatch rate-bar-signed" /> 协议书生效
          <span className="rate-bar-swatch rate-bar-placed" /> 去向登记通过
        </span>
      </figcaption>
      <div className="day-columns-scroll">
        <svg
          viewBox={`0 0 ${width} ${HEIGHT}`}
          width={Math.max(width, 120)}
          height={HEIGHT}
          role="img"
          aria-label="每日签约与去向登记柱状图"
        >
          {days.map((d, i) => (
            <g key={d.day}>
              <title>{`${d.day}：协议书生效 ${d.agreements}，去向登记通过 ${d.destinations}`}</title>
              <rect className="rate-bar-signed" x={i * GROUP + 2} y={HEIGHT - h(d.agreements)} width={6} height={h(d.agreements)} />
              <rect className="rate-bar-placed" x={i * GROUP + 9} y={HEIGHT - h(d.destinations)} width={6} height={h(d.destinations)} />
            </g>
          ))}
        </svg>
      </div>
      {first && last && (
        <p className="muted small day-columns-range">
          {first.day} 至 {last.day}
        </p>
      )}
    </figure>
  );
}
