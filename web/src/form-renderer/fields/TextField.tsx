/** text, textarea, phone, idNumber, creditCode, email, date: one native control each. */
import type { InputHTMLAttributes } from 'react';
import { lengthCap } from '../engine';
import { aria, type WidgetProps } from './types';

const TEXT_INPUT: InputHTMLAttributes<HTMLInputElement> = { type: 'text' };
const INPUT_PROPS: Record<string, InputHTMLAttributes<HTMLInputElement>> = {
  text: TEXT_INPUT,
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 20 },
  idNumber: { type: 'text', autoComplete: 'off', spellCheck: false, maxLength: 18, autoCapitalize: 'characters' },
  creditCode: { type: 'text', autoComplete: 'off', spellCheck: false, maxLength: 18, autoCapitalize: 'characters' },
  email: { type: 'email', inputMode: 'email', autoComplete: 'email', spellCheck: false },
  date: { type: 'date' },
};

const UPPER = new Set(['idNumber', 'creditCode']);

export function TextField(p: WidgetProps) {
  const { field, id, value, onChange, onBlur } = p;
  const str = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (field.type === 'textarea') {
    return (
      <textarea
        id={id}
        name={field.key}
        className="input textarea"
        rows={4}
        value={str}
        placeholder={field.placeholder}
        maxLength={lengthCap(field)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        {...aria(p)}
      />
    );
  }
  const extra = INPUT_PROPS[field.type] ?? TEXT_INPUT;
  const dateBounds =
    field.type === 'date'
      ? {
          min: typeof field.min === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(field.min) ? field.min : undefined,
          max: typeof field.max === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(field.max) ? field.max : undefined,
        }
      : {};
  return (
    <input
      id={id}
      name={field.key}
      className="input"
      {...extra}
      {...dateBounds}
      maxLength={field.type === 'text' || field.type === 'email' ? lengthCap(field) : extra.maxLength}
      value={str}
      placeholder={field.placeholder}
      onChange={(e) => onChange(UPPER.has(field.type) ? e.target.value.toUpperCase() : e.target.value)}
      onBlur={onBlur}
      {...aria(p)}
    />
  );
}
