/** Selected row ids of one filtered list, kept in sessionStorage so a refresh keeps the ticks. */
import { useCallback, useState } from 'react';

function read(key: string): string[] {
  try {
    const raw = sessionStorage.getItem(key);
    const v: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function useSelection(scope: string) {
  const key = `wq:select:${scope}`;
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(read(key)));

  // another list: its own saved selection
  const [readOf, setReadOf] = useState(key);
  if (readOf !== key) {
    setReadOf(key);
    setSelected(new Set(read(key)));
  }

  const update = useCallback(
    (next: ReadonlySet<string>) => {
      setSelected(next);
      try {
        if (next.size) sessionStorage.setItem(key, JSON.stringify([...next]));
        else sessionStorage.removeItem(key);
      } catch {
        // storage unavailable: selection is a convenience
      }
    },
    [key],
  );

  const toggle = useCallback(
    (id: string, on: boolean) => {
      const next = new Set(selected);
      if (on) next.add(id);
      else next.delete(id);
      update(next);
    },
    [selected, update],
  );

  return { selected, toggle, set: update };
}
