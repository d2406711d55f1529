/**
 * The figures of `npm run bench` and their targets. Absolute numbers on a shared 2-core machine
 * mean little, so throughput and latency targets are ratios to the floor measured in the same run.
 * Pure: the harness measures, this decides what was met and how it is printed.
 */

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** human-readable target, e.g. "≥ 0.5× floor (≥ 76.0 req/s)"; "reported" when only reported */
  target: string;
  /** null when the figure is reported without a target */
  met: boolean | null;
  /** what else a reader needs: the raw numbers behind a ratio */
  detail?: string;
}

export interface Floor {
  rps: number;
  p50: number;
  p99: number;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

export function floorFigures(floor: Floor): Figure[] {
  return [
    { name: 'floor req/s (one indexed D1 point read)', value: round(floor.rps), unit: 'req/s', target: 'reported', met: null },
    { name: 'floor p50', value: floor.p50, unit: 'ms', target: 'reported', met: null },
    { name: 'floor p99', value: floor.p99, unit: 'ms', target: 'reported', met: null },
  ];
}

/** Throughput at least `ratio` × the floor's. */
export function throughputVsFloor(name: string, rps: number, floor: Floor, ratio: number): Figure {
  const need = floor.rps * ratio;
  return {
    name,
    value: round(rps / floor.rps, 2),
    unit: '× floor req/s',
    target: `≥ ${ratio}× (≥ ${round(need)} req/s)`,
    met: rps >= need,
    detail: `${round(rps)} req/s vs floor ${round(floor.rps)} req/s`,
  };
}

/**
 * Throughput with a feature on at least `ratio` × its throughput with it off, both measured in the
 * same run (e.g. a transition with and without its notifications).
 */
export function throughputOnVsOff(name: string, on: number, off: number, ratio: number): Figure {
  const need = off * ratio;
  return {
    name,
    value: round(on / off, 3),
    unit: '× off req/s',
    target: `≥ ${ratio}× (≥ ${round(need)} req/s)`,
    met: on >= need,
    detail: `on ${round(on)} req/s vs off ${round(off)} req/s`,
  };
}

/** p99 latency at most `ratio` × the floor's p99. */
export function p99VsFloor(name: string, p99: number, floor: Floor, ratio: number): Figure {
  const limit = floor.p99 * ratio;
  return {
    name,
    value: round(p99 / floor.p99, 2),
    unit: '× floor p99',
    target: `≤ ${ratio}× (≤ ${round(limit)} ms)`,
    met: p99 <= limit,
    detail: `p99 ${p99} ms vs floor p99 ${floor.p99} ms`,
  };
}

export function atMost(name: string, value: number, unit: string, limit: number, detail?: string): Figure {
  return { name, value: round(value, 2), unit, target: `≤ ${limit} ${unit}`, met: value <= limit, ...(detail ? { detail } : {}) };
}

export function atLeast(name: string, value: number, unit: string, limit: number, detail?: string): Figure {
  return { name, value: round(value, 2), unit, target: `≥ ${limit} ${unit}`, met: value >= limit, ...(detail ? { detail } : {}) };
}

export function reported(name: string, value: number, unit: string, detail?: string): Figure {
  return { name, value: round(value, 2), unit, target: 'reported', met: null, ...(detail ? { detail } : {}) };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? NaN;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? NaN) + upper) / 2;
}

/** The table printed at the end of a run; a missed target is marked ✗. */
export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => [f.met === null ? '·' : f.met ? '✓' : '✗', f.name, `${f.value} ${f.unit}`, f.target, f.detail ?? '']);
  const header = ['', 'figure', 'value', 'target', 'detail'];
  const width = (s: string) => Array.from(s).reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const cols = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat((cols[i] ?? 0) - width(c)))
      .join('  ')
      .trimEnd();
  return [line(header), line(cols.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function summary(figures: Figure[]): { met: number; missed: string[] } {
  return {
    met: figures.filter((f) => f.met === true).length,
    missed: figures.filter((f) => f.met === false).map((f) => f.name),
  };
}
