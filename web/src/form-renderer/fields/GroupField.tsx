/** group: repeatable rows of sub-fields with 添加 / 删除; row rules read `$row.x`. */
import { isRequired, ruleHolds, type FieldDef, type FormDefinition, type Values } from '../engine';
import type { ErrorMap } from '../errors';
import { FieldView } from '../FieldView';

interface Props {
  def: FormDefinition;
  field: FieldDef;
  id: string;
  value: unknown;
  path: string;
  labelId: string;
  describedBy?: string;
  rowErrors?: ErrorMap;
  formValues: Values;
  onChange: (path: string, value: unknown) => void;
  onBlur: (path: string) => void;
}

const DEFAULT_MAX_ITEMS = 100;

export function GroupField({ def, field, id, value, path, labelId, describedBy, rowErrors, formValues, onChange, onBlur }: Props) {
  const rows: Array<Record<string, unknown>> = Array.isArray(value)
    ? value.map((r) => (r && typeof r === 'object' ? (r as Record<string, unknown>) : {}))
    : [];
  const subs = field.fields ?? [];
  const max = field.maxItems ?? DEFAULT_MAX_ITEMS;
  const min = field.minItems ?? 0;

  const setRow = (i: number, key: string, v: unknown) => {
    const next = rows.map((r, j) => {
      if (j !== i) return r;
      if (v !== undefined) return { ...r, [key]: v };
      const { [key]: _, ...rest } = r;
      return rest;
    });
    onChange(path, next);
  };

  return (
    <div className="group" role="group" aria-labelledby={labelId} aria-describedby={describedBy} id={id}>
      {rows.length === 0 && <p className="muted">暂无，点击「添加」新增一行。</p>}
      {rows.map((row, i) => {
        const scope = { values: formValues, row };
        return (
          <fieldset key={i} className="group-row">
            <legend>第 {i + 1} 行</legend>
            <div className="row">
              {subs
                .filter((s) => s.visibleWhen === undefined || ruleHolds(s.visibleWhen, scope))
                .map((s) => {
                  const subPath = `${path}.${i}.${s.key}`;
                  return (
                    <FieldView
                      key={s.key}
                      def={def}
                      field={s}
                      id={`${id}-${i}-${s.key}`}
                      access={s.computed !== undefined ? 'read' : 'edit'}
                      value={row[s.key]}
                      required={s.computed === undefined && isRequired(s, scope)}
                      error={rowErrors?.get(subPath)}
                      path={subPath}
                      onChange={(_p, v) => setRow(i, s.key, v)}
                      onBlur={onBlur}
                    />
                  );
                })}
            </div>
            {rows.length > min && (
              <button
                type="button"
                className="btn btn-small btn-link-danger"
                onClick={() =>
                  onChange(
                    path,
                    rows.filter((_, j) => j !== i),
                  )
                }
                aria-label={`删除第 ${i + 1} 行`}
              >
                删除
              </button>
            )}
          </fieldset>
        );
      })}
      {rows.length < max && (
        <button type="button" className="btn btn-small" onClick={() => onChange(path, [...rows, {}])}>
          添加
        </button>
      )}
    </div>
  );
}
