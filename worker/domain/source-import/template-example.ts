/**
 * The import template's example row is never imported: its 身份证号 (the form's `example` for the
 * field, sequence 000, which is never issued) marks it, however the rest of the row was edited.
 */
import { allFields } from '../../../forms/engine';
import { normalizeIdText } from '../../../forms/engine/normalize';
import type { FormDefinition } from '../../../forms/engine/types';

export const TEMPLATE_EXAMPLE_MESSAGE = '这是导入模板的示例行，未导入；请删除该行，从第 2 行起填写学生信息';

export function isTemplateExample(definition: FormDefinition, idNumber: unknown): boolean {
  const example = allFields(definition).find((f) => f.key === 'idNumber')?.example;
  return !!example && typeof idNumber === 'string' && normalizeIdText(idNumber) === normalizeIdText(example);
}
