/** region: 省 → 市 → 区县 cascading selects; the value is the 6-digit code of the deepest choice. */
import { useMemo } from 'react';
import { regionChildren, regionNode } from '../engine';
import { aria, type WidgetProps } from './types';

const LEVELS = ['省/直辖市', '市', '区/县'] as const;

/** The chosen codes from province down, e.g. ['320000', '320100', '320102']. */
function chain(code: unknown): string[] {
  const out: string[] = [];
  let node = regionNode(code);
  while (node) {
    out.unshift(node.code);
    node = node.parent ? regionNode(node.parent) : undefined;
  }
  return out;
}

export function RegionField(p: WidgetProps) {
  const { id, value, onChange, onBlur } = p;
  const picked = useMemo(() => chain(value), [value]);
  // regionLevel is the least depth accepted; the user may always pick down to 区县
  const maxShown = 3;

  const levels: Array<{ parent: string | null; options: ReturnType<typeof regionChildren> }> = [];
  for (let depth = 0; depth < maxShown; depth++) {
    const parent = depth === 0 ? null : picked[depth - 1];
    if (depth > 0 && !parent) break;
    const options = regionChildren(parent ?? null);
    if (options.length === 0) break;
    levels.push({ parent: parent ?? null, options });
  }

  return (
    <div className="region" role="group" aria-labelledby={p.labelId}>
      {levels.map((level, depth) => (
        <select
          key={depth}
          id={depth === 0 ? id : `${id}-${depth}`}
          className="input"
          aria-label={depth === 0 ? undefined : LEVELS[depth]}
          value={picked[depth] ?? ''}
          onChange={(e) => onChange(e.target.value || (depth === 0 ? undefined : (level.parent ?? undefined)))}
          onBlur={onBlur}
          {...aria(p)}
        >
          <option value="">{`请选择${LEVELS[depth]}`}</option>
          {level.options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      ))}
    </div>
  );
}
