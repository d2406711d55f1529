import type { Lifecycle, StateTone } from './types';

/** Built once per lifecycle and configured label: every list and record view asks for them. */
const built = new WeakMap<Lifecycle, Map<string, Record<string, string>>>();

/**
 * State labels as users see them. The dispatch record's final label is configuration
 * (DISPATCH_APPROVED_LABEL): the seed says 报到证待打印, since 2023 the national term is 毕业去向登记.
 * Callers must not change the object they get.
 */
export function labelsFor(env: Pick<Env, 'DISPATCH_APPROVED_LABEL'>, lifecycle: Lifecycle): Record<string, string> {
  const configured = lifecycle.kind === 'dispatches' && env.DISPATCH_APPROVED_LABEL ? env.DISPATCH_APPROVED_LABEL : '';
  let byLabel = built.get(lifecycle);
  if (!byLabel) {
    byLabel = new Map();
    built.set(lifecycle, byLabel);
  }
  let labels = byLabel.get(configured);
  if (!labels) {
    labels = Object.fromEntries(Object.entries(lifecycle.states).map(([k, s]) => [k, s.label]));
    if (configured) labels.approved = configured;
    Object.freeze(labels);
    byLabel.set(configured, labels);
  }
  return labels;
}

/** The badge colour of a state (see `StateTone`); a state the lifecycle does not know is neutral. */
export function toneOf(lifecycle: Lifecycle, state: string | null): StateTone {
  return (state !== null && Object.hasOwn(lifecycle.states, state) ? lifecycle.states[state]?.tone : undefined) ?? 'neutral';
}
