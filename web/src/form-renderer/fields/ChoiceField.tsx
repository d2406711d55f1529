/** select (single or multiple) and radio, with options from the definition's or the built-in code tables. */
import { resolveCodeTable, type CodeItem } from '../engine';
import { aria, type WidgetProps } from './types';

function useItems(p: WidgetProps): CodeItem[] {
  const table = p.field.codeTable ? resolveCodeTable(p.def, p.field.codeTable) : undefined;
  return table?.items ?? [];
}

function Options({ items }: { items: CodeItem[] }) {
  return (
    <>
      {items.map((item) =>
        item.children && item.children.length > 0 ? (
          <optgroup key={item.code} label={item.label}>
            <option value={item.code}>{item.label}（全部）</option>
            {item.children.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </optgroup>
        ) : (
          <option key={item.code} value={item.code}>
            {item.label}
          </option>
        ),
      )}
    </>
  );
}

function flat(items: CodeItem[]): CodeItem[] {
  return items.flatMap((i) => [i, ...flat(i.children ?? [])]);
}

export function SelectField(p: WidgetProps) {
  const { field, id, value, onChange, onBlur } = p;
  const items = useItems(p);
  if (field.multiple) {
    const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
    return (
      <div id={id} role="group" aria-labelledby={p.labelId} className="choices" {...aria(p)} aria-required={undefined}>
        {flat(items).map((item) => (
          <label key={item.code} className="choice">
            <input
              type="checkbox"
              name={field.key}
              value={item.code}
              checked={chosen.has(item.code)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(item.code);
                else next.delete(item.code);
                onChange(
                  flat(items)
                    .map((i) => i.code)
                    .filter((c) => next.has(c)),
                );
              }}
              onBlur={onBlur}
            />
            <span>{item.label}</span>
          </label>
        ))}
      </div>
    );
  }
  return (
    <select
      id={id}
      name={field.key}
      className="input"
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value || undefined)}
      onBlur={onBlur}
      {...aria(p)}
    >
      <option value="">请选择</option>
      <Options items={items} />
    </select>
  );
}

export function RadioField(p: WidgetProps) {
  const { id, value, onChange, onBlur } = p;
  const items = flat(useItems(p));
  return (
    <div id={id} role="radiogroup" aria-labelledby={p.labelId} className="choices choices-inline" {...aria(p)}>
      {items.map((item) => (
        <label key={item.code} className="choice">
          <input
            type="radio"
            name={`${id}-radio`}
            value={item.code}
            checked={value === item.code}
            onChange={() => onChange(item.code)}
            onBlur={onBlur}
          />
          <span>{item.label}</span>
        </label>
      ))}
    </div>
  );
}
