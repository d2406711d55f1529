/** A value shown as text, the way it reads on the printed agreement: code → label, region → full name. */
import { FileGallery } from './fields/FileGallery';
import { codeLabel, regionFullName, type FieldDef, type FormDefinition } from './engine';

const EMPTY = <span className="read-empty">—</span>;

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

export function ReadValue({ def, field, value }: { def: FormDefinition; field: FieldDef; value: unknown }) {
  if (isBlank(value)) return EMPTY;
  switch (field.type) {
    case 'select':
    case 'radio': {
      const codes = Array.isArray(value) ? value : [value];
      return <>{codes.map((c) => (field.codeTable ? codeLabel(def, field.codeTable, c) : null) ?? String(c)).join('、')}</>;
    }
    case 'region':
      return <>{regionFullName(value) || String(value)}</>;
    case 'number':
      return (
        <>
          {String(value)}
          {field.unit && <span className="unit"> {field.unit}</span>}
        </>
      );
    case 'textarea':
      return <span className="pre">{String(value)}</span>;
    case 'file': {
      const ids = Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
      return <FileGallery ids={ids} label={field.label} />;
    }
    case 'group': {
      const rows = Array.isArray(value) ? value : [];
      const subs = field.fields ?? [];
      return (
        <div className="table-wrap">
          <table className="group-table">
            <thead>
              <tr>
                {subs.map((s) => (
                  <th key={s.key} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {subs.map((s) => (
                    <td key={s.key} data-label={s.label}>
                      <ReadValue
                        def={def}
                        field={s}
                        value={row && typeof row === 'object' ? (row as Record<string, unknown>)[s.key] : undefined}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    default:
      return <>{typeof value === 'string' ? value : JSON.stringify(value)}</>;
  }
}
