import { describe, expect, it } from 'vitest';
import { LIFECYCLES } from './registry';
import { REVIEW_QUEUES } from './review-queues';
import type { Kind } from '../../contract/kinds';

describe('the review queues the web offers are states the server lets the role approve', () => {
  it('every queued state of every role has an approve transition by that role from it', () => {
    const missing: string[] = [];
    for (const [kind, queue] of Object.entries(REVIEW_QUEUES)) {
      const transitions = LIFECYCLES[kind as Kind]?.transitions ?? [];
      for (const [role, states] of Object.entries(queue.states)) {
        for (const state of states) {
          const approves = transitions.some((t) => t.action === 'approve' && t.from.includes(state) && (t.by as string[]).includes(role));
          if (!approves) missing.push(`${kind} ${role} ${state}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
