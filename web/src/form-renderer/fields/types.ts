import type { FieldDef, FormDefinition } from '../engine';

/** What every edit widget gets. `id` is the input's id (the label's htmlFor). */
export interface WidgetProps {
  def: FormDefinition;
  field: FieldDef;
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
  onBlur: () => void;
  required: boolean;
  invalid: boolean;
  /** ids of help and error text */
  describedBy?: string;
  /** id of the visible label (for widgets made of several controls) */
  labelId: string;
}

/** aria attributes shared by single-control widgets. */
export function aria(p: Pick<WidgetProps, 'required' | 'invalid' | 'describedBy'>) {
  return {
    'aria-required': p.required || undefined,
    'aria-invalid': p.invalid || undefined,
    'aria-describedby': p.describedBy,
  } as const;
}
