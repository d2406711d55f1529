/** Error paths ('key', 'group.0.sub') mapped to messages, and which of them to show now. */
export type ErrorMap = Map<string, string>;

export function toErrorMap(errors: ReadonlyArray<{ path: string; message: string }> | undefined): ErrorMap {
  const map: ErrorMap = new Map();
  for (const e of errors ?? []) if (!map.has(e.path)) map.set(e.path, e.message);
  return map;
}

/** The top-level field key of a path: 'group.0.sub' → 'group'. */
export function topKey(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}

/** Paths belonging to one top-level field (the field itself and its group rows). */
export function errorsUnder(map: ErrorMap, key: string): ErrorMap {
  const out: ErrorMap = new Map();
  for (const [path, message] of map) if (path === key || path.startsWith(key + '.')) out.set(path, message);
  return out;
}

export interface SummaryItem {
  path: string;
  key: string;
  /** the link text: the message itself when it names its field, else the field's label */
  lead: string;
  /** what follows the link (「：message」), or nothing */
  text: string;
}

/**
 * The lines of the error summary, one per error shown: its heading counts exactly these. A message
 * that names its field (the engine's do) reads alone; others get the label in front; a field
 * without a label on the page never shows its internal key.
 */
export function summaryItems(shown: ErrorMap, labelOf: (key: string) => string | undefined): SummaryItem[] {
  return [...shown].map(([path, msg]) => {
    const key = topKey(path);
    const label = labelOf(key);
    const [lead, text] = !label || msg.includes(label) ? [msg, ''] : [label, `：${msg}`];
    return { path, key, lead, text };
  });
}
