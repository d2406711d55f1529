/** The wizard's steps: done, current and ahead; any step can be opened. */
import type { RenderedStep } from './layout';

export function Stepper({ pages, current, onPick }: { pages: RenderedStep[]; current: number; onPick: (page: number) => void }) {
  return (
    <ol className="stepper" aria-label="填写步骤">
      {pages.map((p, i) => (
        <li key={p.step.key} className={i === current ? 'is-current' : i < current ? 'is-done' : ''}>
          <button type="button" className="stepper-btn" aria-current={i === current ? 'step' : undefined} onClick={() => onPick(i)}>
            <span className="stepper-no">{i + 1}</span>
            <span className="stepper-label">{p.step.label}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
