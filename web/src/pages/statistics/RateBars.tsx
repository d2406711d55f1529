/**
 * 签约率 and 去向落实率 per group as horizontal bars (plain CSS widths, no chart library): each group
 * a label and two bars with their percentages written out, so the numbers read without the colours.
 */
import type { StatisticsRow } from '../../api/statistics';

export const formatRate = (rate: number | null) => (rate === null ? '—' : `${rate.toFixed(2)}%`);

function Bar({ rate, tone, name }: { rate: number | null; tone: 'signed' | 'placed'; name: string }) {
  return (
    <div className="rate-bar">
      <span className="rate-bar-name">{name}</span>
      <span className="rate-bar-track">
        <span className={`rate-bar-fill rate-bar-${tone}`} style={{ width: `${Math.min(100, rate ?? 0)}%` }} />
      </span>
      <span className="rate-bar-value">{formatRate(rate)}</span>
    </div>
  );
}

export function RateBars({ rows }: { rows: readonly StatisticsRow[] }) {
  if (rows.length === 0) return null;
  return (
    <figure className="rate-bars" aria-labelledby="rate-bars-title">
      <figcaption id="rate-bars-title" className="rate-bars-title">
        签约率与去向落实率
        <span className="rate-bars-legend" aria-hidden="true">
          <span className="rate-bar-swatch rate-bar-signed" /> 签约率
          <span className="rate-bar-swatch rate-bar-placed" /> 去向落实率
        </span>
      </figcaption>
      <ul className="rate-bars-list">
        {rows.map((row) => (
          <li key={row.key} className="rate-bars-group" data-group={row.key}>
            <span className="rate-bars-label">
              {row.label} <span className="muted small">{row.graduates} 人</span>
            </span>
            <Bar rate={row.signingRate} tone="signed" name="签约率" />
            <Bar rate={row.placementRate} tone="placed" name="去向落实率" />
          </li>
        ))}
      </ul>
    </figure>
  );
}
