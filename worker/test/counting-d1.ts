/**
 * A D1 binding that counts what reaches the database: each call (a batch, or a statement's run,
 * all, first or raw) and the number of statements of each batch. For tests that hold a write to a
 * number of round trips or statements.
 */
export interface CountingD1 {
  d1: D1Database;
  /** calls that reached the database */
  calls: () => number;
  /** the statements of each batch, in order */
  batches: number[];
}

export function countingD1(target: D1Database): CountingD1 {
  let calls = 0;
  const batches: number[] = [];
  const wrap = <T extends object>(object: T): T =>
    new Proxy(object, {
      get(t, key) {
        const value: unknown = Reflect.get(t, key);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (['batch', 'exec', 'all', 'run', 'first', 'raw'].includes(String(key))) calls++;
          if (key === 'batch' && Array.isArray(args[0])) batches.push(args[0].length);
          const out: unknown = Reflect.apply(value, t, args);
          return key === 'prepare' || key === 'bind' ? wrap(out as object) : out;
        };
      },
    });
  return { d1: wrap(target), calls: () => calls, batches };
}
