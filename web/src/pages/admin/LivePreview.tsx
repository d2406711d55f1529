/**
 * The form as one role sees it in one workflow step, rendered by the same renderer users get, with
 * test values the admin types in: visible-when, required-when, checks and computed values fire.
 * It shows the last definition that passed the checker, so a half-typed edit never breaks it.
 */
import { Component, useState, type ReactNode } from 'react';
import { FormRenderer } from '../../form-renderer/FormRenderer';
import { ROLES, type FormDefinition, type Role } from './editor-engine';
import { ROLE_LABELS } from './labels';

class PreviewBoundary extends Component<{ children: ReactNode; resetKey: unknown }, { failed: boolean; key: unknown }> {
  state = { failed: false, key: this.props.resetKey };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  static getDerivedStateFromProps(props: { resetKey: unknown }, state: { key: unknown }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }
  render() {
    return this.state.failed ? <p className="field-error">预览无法显示此定义。</p> : this.props.children;
  }
}

export function LivePreview({ def, stale }: { def: FormDefinition; stale: boolean }) {
  const [role, setRole] = useState<Role>('student');
  const [step, setStep] = useState(def.workflow[0]?.key ?? '');
  const [round, setRound] = useState(0);
  const steps = def.workflow.map((w) => w.key).includes(step) ? step : (def.workflow[0]?.key ?? '');
  return (
    <section className="live-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">实时预览</h2>
      <div className="editor-grid">
        <label className="field">
          <span className="field-label">预览角色</span>
          <select className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">业务环节</span>
          <select className="input" value={steps} onChange={(e) => setStep(e.target.value)}>
            {def.workflow.map((w) => (
              <option key={w.key} value={w.key}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">
        在下方填入测试数据，显示条件、必填条件和校验会即时生效（不会保存）。
        <button type="button" className="btn btn-small" onClick={() => setRound((n) => n + 1)}>
          清空测试数据
        </button>
      </p>
      {stale && (
        <p className="field-error" role="status">
          定义有错误，预览停留在最近一次有效的版本。
        </p>
      )}
      <PreviewBoundary resetKey={def}>
        <FormRenderer
          key={`${role}/${steps}/${round}`}
          definition={def}
          values={{}}
          role={role}
          step={steps}
          mode="edit"
          submitLabel="校验测试数据"
          onSubmit={() => undefined}
        />
      </PreviewBoundary>
    </section>
  );
}
