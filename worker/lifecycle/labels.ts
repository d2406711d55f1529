import type { Lifecycle } from './types';

/**
 * State labels as users see them. The dispatch record's final label is configuration
 * (DISPATCH_APPROVED_LABEL): the seed says 报到证待打印, since 2023 the national term is 毕业去向登记.
 */
export function labelsFor(env: Pick<Env, 'DISPATCH_APPROVED_LABEL'>, lifecycle: Lifecycle): Record<string, string> {
  const labels = Object.fromEntries(Object.entries(lifecycle.states).map(([k, s]) => [k, s.label]));
  if (lifecycle.kind === 'dispatches' && env.DISPATCH_APPROVED_LABEL) labels.approved = env.DISPATCH_APPROVED_LABEL;
  return labels;
}
