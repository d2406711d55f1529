/** One field: label (with * when required), the widget or its read-only value, help, and its error. */
import { memo, type ComponentType } from 'react';
import type { FieldDef, FormDefinition, Values } from './engine';
import type { ErrorMap } from './errors';
import { ChoiceWidget } from './fields/choice';
import { FileField } from './fields/FileField';
import { GroupField } from './fields/GroupField';
import { NumberField } from './fields/NumberField';
import { RegionField } from './fields/RegionField';
import { TextField } from './fields/TextField';
import type { WidgetProps } from './fields/types';
import { ReadValue } from './ReadValue';

const WIDGETS: Record<string, ComponentType<WidgetProps>> = {
  text: TextField,
  textarea: TextField,
  phone: TextField,
  idNumber: TextField,
  creditCode: TextField,
  email: TextField,
  date: TextField,
  number: NumberField,
  select: ChoiceWidget,
  radio: ChoiceWidget,
  region: RegionField,
  file: FileField,
};

/** widgets made of several controls: their label is not a <label for> */
const COMPOSITE = new Set(['radio', 'region', 'file', 'group']);

export interface FieldViewProps {
  def: FormDefinition;
  field: FieldDef;
  /** input id; also the prefix of label/help/error ids */
  id: string;
  access: 'edit' | 'read';
  value: unknown;
  required: boolean;
  /** the message to show now (already filtered by touched/submitted) */
  error?: string;
  /** group only: errors of the group's rows ('key.0.sub') to show now */
  rowErrors?: ErrorMap;
  /** group only: the whole form's values, for row rules */
  formValues?: Values;
  path: string;
  onChange: (path: string, value: unknown) => void;
  onBlur: (path: string) => void;
}

export const FieldView = memo(function FieldView(props: FieldViewProps) {
  const { def, field, id, access, value, required, error, path } = props;
  const labelId = `${id}-label`;
  const helpId = field.help ? `${id}-help` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [helpId, errId].filter(Boolean).join(' ') || undefined;
  const editing = access === 'edit';
  const unit = field.type === 'number' && field.unit ? <span className="sr-only">（单位：{field.unit}）</span> : null;

  const label = (
    <span className="field-label-text">
      {field.label}
      {unit}
      {editing && required && (
        <span className="req" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </span>
  );

  let body;
  if (!editing) {
    body = (
      <div className="read-value" aria-labelledby={labelId} role="group">
        <ReadValue def={def} field={field} value={value} />
      </div>
    );
  } else if (field.type === 'group') {
    body = (
      <GroupField
        def={def}
        field={field}
        id={id}
        value={value}
        path={path}
        labelId={labelId}
        describedBy={describedBy}
        rowErrors={props.rowErrors}
        formValues={props.formValues ?? {}}
        onChange={props.onChange}
        onBlur={props.onBlur}
      />
    );
  } else {
    const Widget = WIDGETS[field.type] ?? TextField;
    body = (
      <Widget
        def={def}
        field={field}
        id={id}
        value={value}
        onChange={(v) => props.onChange(path, v)}
        onBlur={() => props.onBlur(path)}
        required={required}
        invalid={!!error}
        describedBy={describedBy}
        labelId={labelId}
      />
    );
  }

  return (
    <div className={`field field-${field.type}${editing ? '' : ' field-read'}${error ? ' field-invalid' : ''}`} data-field={path}>
      {editing && !COMPOSITE.has(field.type) && !(field.type === 'select' && field.multiple) ? (
        <label id={labelId} htmlFor={id} className="field-label">
          {label}
        </label>
      ) : (
        <span id={labelId} className="field-label">
          {label}
        </span>
      )}
      {body}
      {field.help && editing && (
        <p id={helpId} className="field-help">
          {field.help}
        </p>
      )}
      {error && (
        <p id={errId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
});
