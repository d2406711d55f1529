/**
 * One side of a change (before or after), as 变更 and the employer's changed terms show it: read as
 * the form shows the field, or, for a field the form no longer has, the stored value as text.
 */
import type { FieldDef, FormDefinition } from '../../form-renderer/engine';
import { ReadValue } from '../../form-renderer/ReadValue';

export function ChangedValue({ definition, field, value }: { definition: FormDefinition; field: FieldDef | undefined; value: unknown }) {
  if (field) return <ReadValue def={definition} field={field} value={value} />;
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
