/** Loads once per key, aborting the previous load: what the destination pages read (data, error). */
import { useEffect, useState } from 'react';

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): { data: T | undefined; error: Error | null } {
  const [state, setState] = useState<{ key: string; data: T | undefined; error: Error | null }>({ key: '', data: undefined, error: null });
  useEffect(() => {
    const ctl = new AbortController();
    load(ctl.signal).then(
      (data) => { if (!ctl.signal.aborted) setState({ key, data, error: null }); },
      (error: unknown) => { if (!ctl.signal.aborted) setState({ key, data: undefined, error: error instanceof Error ? error : new Error('加载失败') }); },
    );
    return () => ctl.abort(); // `load` is a fresh closure each render: the key says when to load again
  }, [key]);
  return state.key === key ? state : { data: undefined, error: null };
}

/** 2026-12-07 16:55, in Beijing time. */
export function beijingMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
