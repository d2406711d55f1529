/**
 * A small interleaved timing loop: every validator is warmed up, then each sample times every
 * validator in turn (in a rotating order) for a fixed slice of wall time, so a load change on the
 * shared machine hits all of them alike and the ratios hold even when absolute numbers drift.
 */
import { median } from '../figures';

export interface Timed {
  name: string;
  /** operations per second, one per sample */
  samples: number[];
}

export interface LoopOptions {
  warmupMs: number;
  samples: number;
  sampleMs: number;
}

let sink: unknown;
/** The last answer of the loop, read so the calls cannot be dropped. */
export const lastAnswer = () => sink;

function runFor(fn: () => unknown, ms: number, batch: number): { ops: number; ms: number } {
  const start = performance.now();
  let ops = 0;
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) sink = fn();
    ops += batch;
    now = performance.now();
  }
  return { ops, ms: now - start };
}

export function measureInterleaved(subjects: ReadonlyArray<{ name: string; fn: () => unknown }>, options: LoopOptions): Timed[] {
  // warm-up, and a batch size of about 0.2 ms so reading the clock costs nothing that matters
  const batches = subjects.map((s) => {
    const { ops, ms } = runFor(s.fn, options.warmupMs, 1);
    return Math.max(1, Math.round((ops / ms) * 0.2));
  });
  const out: Timed[] = subjects.map((s) => ({ name: s.name, samples: [] }));
  // round -1 is discarded: after every validator's warm-up, code they share may have been re-optimised
  for (let round = -1; round < options.samples; round++) {
    for (let k = 0; k < subjects.length; k++) {
      const i = (round + 1 + k) % subjects.length;
      const subject = subjects[i];
      const timed = out[i];
      if (!subject || !timed) continue;
      const { ops, ms } = runFor(subject.fn, options.sampleMs, batches[i] ?? 1);
      if (round >= 0) timed.samples.push((ops / ms) * 1000);
    }
  }
  return out;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max − min) / median, in per cent */
  spreadPct: number;
}

export function summarize(samples: readonly number[]): Summary {
  const m = median([...samples]);
  const min = Math.min(...samples);
  const max = Math.max(...samples);
  return { median: m, min, max, spreadPct: ((max - min) / m) * 100 };
}
