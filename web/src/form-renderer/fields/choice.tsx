import { RadioField, SelectField } from './ChoiceField';
import type { WidgetProps } from './types';

export function ChoiceWidget(p: WidgetProps) {
  return p.field.type === 'radio' ? <RadioField {...p} /> : <SelectField {...p} />;
}
