/** The whole definition as JSON: edits apply as soon as the text parses; the checker's errors list below. */
import { useState } from 'react';
import type { DefinitionError, FormDefinition } from './editor-engine';

interface Props {
  def: FormDefinition;
  errors: readonly DefinitionError[];
  onChange: (def: FormDefinition) => void;
}

export function JsonView({ def, errors, onChange }: Props) {
  const [text, setText] = useState(() => JSON.stringify(def, null, 2));
  const [syntax, setSyntax] = useState<string | null>(null);
  return (
    <div className="json-view">
      <label className="field">
        <span className="field-label">表单定义（JSON）</span>
        <textarea
          className="input mono"
          rows={24}
          spellCheck={false}
          value={text}
          aria-invalid={!!syntax || errors.length > 0}
          onChange={(e) => {
            setText(e.target.value);
            try {
              const parsed = JSON.parse(e.target.value) as FormDefinition;
              setSyntax(null);
              onChange(parsed);
            } catch (err) {
              setSyntax(`JSON 格式错误：${(err as Error).message}`);
            }
          }}
        />
      </label>
      {syntax && (
        <p className="field-error" role="alert">
          {syntax}
        </p>
      )}
      {!syntax && errors.length === 0 && <p className="ok-text">定义有效</p>}
      {!syntax && errors.length > 0 && (
        <ul className="field-error" aria-label="定义错误">
          {errors.map((e, i) => (
            <li key={i}>
              <code>{e.path || '（整个文档）'}</code>：{e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
