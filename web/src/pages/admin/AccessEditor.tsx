/**
 * Who may edit / read each field per workflow step. A step left unset here falls through to the
 * section's and then the form's settings (the engine's resolution order).
 */
import { ROLES, type AccessMap, type FormDefinition, type Role } from './editor-engine';
import { ROLE_LABELS } from './labels';

type Level = 'edit' | 'read' | 'hidden';

function levelOf(entry: { edit?: Role[]; read?: Role[] }, role: Role): Level {
  if (entry.edit?.includes(role)) return 'edit';
  if (entry.read?.includes(role)) return 'read';
  return 'hidden';
}

function withLevel(entry: { edit?: Role[]; read?: Role[] }, role: Role, level: Level) {
  const edit = (entry.edit ?? []).filter((r) => r !== role);
  const read = (entry.read ?? []).filter((r) => r !== role);
  if (level === 'edit') edit.push(role);
  if (level === 'read') read.push(role);
  return { ...(edit.length ? { edit } : {}), ...(read.length ? { read } : {}) };
}

interface Props {
  def: FormDefinition;
  value: AccessMap | undefined;
  onChange: (map: AccessMap | undefined) => void;
  /** what an unset step means here, e.g. 沿用分节/表单设置 */
  inheritLabel: string;
  errors: string[];
  label: string;
}

export function AccessEditor({ def, value, onChange, inheritLabel, errors, label }: Props) {
  const steps = [...def.workflow.map((w) => ({ key: w.key, label: w.label })), { key: '*', label: '其他环节' }];
  const map = value ?? {};
  const set = (next: AccessMap) => onChange(Object.keys(next).length ? next : undefined);
  return (
    <fieldset className="access-editor">
      <legend>{label}</legend>
      <div className="wide-scroll">
        <table className="access-table">
          <thead>
            <tr>
              <th scope="col">环节</th>
              <th scope="col">设置</th>
              {ROLES.map((r) => (
                <th key={r} scope="col">
                  {ROLE_LABELS[r]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => {
              const entry = Object.hasOwn(map, s.key) ? map[s.key] : undefined;
              return (
                <tr key={s.key}>
                  <th scope="row">{s.label}</th>
                  <td>
                    <label className="inline">
                      <input
                        type="checkbox"
                        checked={!!entry}
                        onChange={(e) => {
                          const { [s.key]: _, ...others } = map;
                          set(e.target.checked ? { ...map, [s.key]: {} } : others);
                        }}
                      />
                      {entry ? '单独设置' : inheritLabel}
                    </label>
                  </td>
                  {ROLES.map((r) => (
                    <td key={r}>
                      {entry && (
                        <select
                          className="input input-compact"
                          aria-label={`${s.label} · ${ROLE_LABELS[r]}`}
                          value={levelOf(entry, r)}
                          onChange={(e) => set({ ...map, [s.key]: withLevel(entry, r, e.target.value as Level) })}
                        >
                          <option value="edit">填写</option>
                          <option value="read">只读</option>
                          <option value="hidden">不可见</option>
                        </select>
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {errors.length > 0 && (
        <ul className="field-error">
          {errors.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
