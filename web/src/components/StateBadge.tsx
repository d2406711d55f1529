/** A state shown as a badge with its Chinese label, coloured by the tone the server declares for it. */
import type { StateTone } from '../api/types';

export function StateBadge({ state, label, tone }: { state: string; label?: string | null; tone?: StateTone | null }) {
  return (
    <span className={`badge badge-${tone ?? 'neutral'}`} data-state={state}>
      {label || state}
    </span>
  );
}
