/**
 * number with its unit. Typed as text (inputMode decimal) so partial input like "12." survives;
 * a parseable entry is handed up as a number, anything else as the raw string (the engine reports it).
 */
import { useState } from 'react';
import { aria, type WidgetProps } from './types';

const NUM = /^-?\d+(\.\d+)?$/;

function toText(v: unknown): string {
  return v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}

export function NumberField(p: WidgetProps) {
  const { field, id, value, onChange, onBlur } = p;
  const [text, setText] = useState(toText(value));
  // follow outside changes (reset, computed) unless they match what is typed
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText((t) => (t.trim() !== '' && Number(t) === value ? t : toText(value)));
  }
  const decimals = field.decimals ?? 0;
  return (
    <span className="with-unit">
      <input
        id={id}
        name={field.key}
        className="input"
        type="text"
        inputMode={decimals > 0 ? 'decimal' : 'numeric'}
        autoComplete="off"
        value={text}
        placeholder={field.placeholder}
        maxLength={20}
        onChange={(e) => {
          const t = e.target.value.replace(/[，,\s]/g, '');
          setText(t);
          onChange(t === '' ? undefined : NUM.test(t) ? Number(t) : t);
        }}
        onBlur={onBlur}
        {...aria(p)}
      />
      {field.unit && (
        <span className="unit" aria-hidden="true">
          {field.unit}
        </span>
      )}
    </span>
  );
}
