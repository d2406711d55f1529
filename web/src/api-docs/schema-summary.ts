/** A JSON Schema of the OpenAPI document in a few Chinese words: the type, and what it refers to. */
export type Schema = { [key: string]: unknown };

export const refName = (ref: string) => ref.replace('#/components/schemas/', '');

const TYPE_WORDS: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  object: '对象',
  array: '数组',
  null: '空',
};

/** `文字`, `整数 ≥ 0`, `数组，元素：文字`, `文字（可为空）`, `取值：a、b、c`, or a schema's name. */
export function typeWords(schema: Schema | undefined): string {
  if (!schema || Object.keys(schema).length === 0) return '任意';
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if ('const' in schema) return `固定为 ${JSON.stringify(schema.const)}`;
  if (Array.isArray(schema.enum)) {
    const shown = schema.enum
      .slice(0, 8)
      .map((e) => String(e))
      .join('、');
    return `取值：${shown}${schema.enum.length > 8 ? ` 等 ${schema.enum.length} 项` : ''}`;
  }
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(union)) {
    const nonNull = union.filter((s) => s.type !== 'null');
    const words = nonNull.map(typeWords).join(' 或 ');
    return nonNull.length < union.length ? `${words}（可为空）` : words;
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  const main = types.filter((t) => t !== 'null');
  let words = main.map((t) => TYPE_WORDS[t] ?? t).join(' 或 ') || '任意';
  if (main.includes('array') && schema.items) words = `数组，元素：${typeWords(schema.items as Schema)}`;
  if (main.includes('object') && schema.additionalProperties && typeof schema.additionalProperties === 'object' && !schema.properties) {
    words = `对象，值：${typeWords(schema.additionalProperties as Schema)}`;
  }
  const bounds: string[] = [];
  if (typeof schema.maxLength === 'number') bounds.push(`最多 ${schema.maxLength} 字`);
  if (typeof schema.minimum === 'number') bounds.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === 'number') bounds.push(`≤ ${schema.maximum}`);
  if (schema.format === 'date') bounds.push('日期 YYYY-MM-DD');
  if (schema.format === 'email') bounds.push('电子邮箱');
  if (bounds.length) words += `（${bounds.join('，')}）`;
  if (types.includes('null')) words += '（可为空）';
  return words;
}

/** The properties of an object schema, in order, with whether each is required. */
export function propertiesOf(schema: Schema | undefined): Array<{ name: string; schema: Schema; required: boolean }> {
  const props = schema?.properties as Record<string, Schema> | undefined;
  if (!props) return [];
  const required = new Set(Array.isArray(schema?.required) ? (schema.required as string[]) : []);
  return Object.entries(props).map(([name, s]) => ({ name, schema: s, required: required.has(name) }));
}

/** The object schema whose fields to list under a property: itself, its array's items, or the object of a nullable one. */
export function objectInside(schema: Schema | undefined): Schema | null {
  if (!schema) return null;
  if (propertiesOf(schema).length) return schema;
  if (schema.items && typeof schema.items === 'object') return objectInside(schema.items as Schema);
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(union)) {
    const objects = union.map(objectInside).filter((s): s is Schema => s !== null);
    return objects.length === 1 ? (objects[0] ?? null) : null;
  }
  return null;
}
