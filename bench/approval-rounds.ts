/**
 * The review transition's approvals with notifications on and off, as `npm run bench` and
 * `npm run bench:notifications` measure them: first one unmeasured round of each, as large as a
 * measured one (the statements, caches and JIT of both paths warm, so the first measured round —
 * always an "on" — does not pay for them), then `rounds` rounds of equal size in the order on off off on off on on off, repeated
 * (drift over the run, a growing database or a neighbour's load, falls on both alike). Each record
 * is approved once: `next` hands out the next one, and `amount` is how many there are in all.
 */
import { load, type LoadResult } from './load';

export type Notifications = 'on' | 'off';

const PATTERN: readonly Notifications[] = ['on', 'off', 'off', 'on', 'off', 'on', 'on', 'off'];

export interface ApprovalRounds {
  url: string;
  /** the request headers of each mode (the session, and the bench entry's switch) */
  headers: (mode: Notifications) => Record<string, string>;
  /** the next record to approve */
  next: () => string;
  /** approvals available in all, warm-up included */
  amount: number;
  rounds: number;
  connections: number;
  /** around each measured round: e.g. the server's CPU over it */
  measure?: (mode: Notifications, round: () => Promise<LoadResult>) => Promise<LoadResult>;
  /** passes over the records (default 1): before each pass after the first, `again` puts them back to be approved again */
  passes?: number;
  again?: () => Promise<void>;
}

export interface RoundsResult {
  on: { ok: number; seconds: number; requests: number };
  off: { ok: number; seconds: number; requests: number };
  perRound: number;
  warmUpPerMode: number;
  rounds: { mode: Notifications; run: LoadResult }[];
}

export async function approvalRounds(o: ApprovalRounds): Promise<RoundsResult> {
  // a whole round of each mode first: after 50 approvals of each, the first measured round (an on
  // round) still cost a fifth more of the server's CPU than the rest (4.6 against 3.8 ms)
  const perRound = Math.floor(o.amount / (o.rounds + 2));
  const warmUpPerMode = perRound;
  const round = async (mode: Notifications, amount: number) => {
    const run = await load({
      url: o.url,
      method: 'POST',
      headers: o.headers(mode),
      next: () => ({ path: `/api/agreements/${o.next()}/approve`, body: '{"version":1}' }),
      amount,
      connections: o.connections,
    });
    if (run.non2xx > 0 || run.errors > 0)
      throw new Error(`approve (notifications ${mode}): ${run.non2xx} non-2xx, ${run.errors} errors of ${run.requests}`);
    return run;
  };
  const result: RoundsResult = {
    on: { ok: 0, seconds: 0, requests: 0 },
    off: { ok: 0, seconds: 0, requests: 0 },
    perRound,
    warmUpPerMode,
    rounds: [],
  };
  const passes = o.passes ?? 1;
  for (let pass = 0; pass < passes; pass++) {
    if (pass > 0) {
      if (!o.again) throw new Error('more than one pass needs `again` to put the records back');
      await o.again();
    }
    // each pass warms both paths again: the reset rewrote the block's rows and indexes
    if (warmUpPerMode > 0) for (const mode of ['on', 'off'] as const) await round(mode, warmUpPerMode);
    for (let i = 0; i < o.rounds; i++) {
      const mode = PATTERN[i % PATTERN.length] ?? 'on';
      const run = o.measure ? await o.measure(mode, () => round(mode, perRound)) : await round(mode, perRound);
      result[mode].ok += run.ok;
      result[mode].seconds += run.seconds;
      result[mode].requests += run.requests;
      result.rounds.push({ mode, run });
    }
  }
  return result;
}
