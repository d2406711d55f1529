/**
 * Which records a new version of a form could still meet: those in a state some transition leaves
 * (not approved, not in a final state), and the workflow steps their data is submitted in.
 */
import type { Role } from '../../../forms/engine';
import { LIFECYCLES } from '../../lifecycle/registry';
import type { Lifecycle, Transition } from '../../lifecycle/types';

export function lifecyclesOfForm(formKey: string): Lifecycle[] {
  return Object.values(LIFECYCLES).filter((l) => l.form === formKey);
}

/** States with at least one way out: the record is still moving. */
export function inFlightStates(lifecycle: Lifecycle): string[] {
  const leaving = new Set(lifecycle.transitions.flatMap((t) => t.from));
  if (lifecycle.lapse) for (const s of lifecycle.lapse.from) leaving.add(s);
  return Object.keys(lifecycle.states).filter((s) => leaving.has(s));
}

export interface SubmissionStep {
  step: string;
  role: Role;
}

/**
 * The submissions to check a record in `state` against: those that may still happen from that
 * state, or, for a record waiting on reviewers, every submission the lifecycle knows (a reject
 * sends it back to them).
 */
export function submissionSteps(lifecycle: Lifecycle, state: string): SubmissionStep[] {
  const withData = lifecycle.transitions.filter((t): t is Transition & { step: string } => !!t.step && !t.draft);
  const fromHere = withData.filter((t) => t.from.includes(state));
  const chosen = fromHere.length > 0 ? fromHere : withData;
  const seen = new Set<string>();
  const out: SubmissionStep[] = [];
  for (const t of chosen) {
    for (const role of t.by) {
      const id = `${t.step}:${role}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ step: t.step, role });
    }
  }
  return out;
}
