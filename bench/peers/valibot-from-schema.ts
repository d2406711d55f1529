/**
 * A valibot schema derived mechanically from the engine's JSON Schema (the subset
 * forms/engine/json-schema.ts writes), so valibot validates exactly what ajv and cfworker do. A
 * keyword it does not know throws: the bench never times a schema that silently accepts more.
 */
import * as v from 'valibot';
import type { JsonSchema } from '../../forms/engine/json-schema';

type Schema = v.GenericSchema;

const IGNORED = new Set(['title', 'description', 'readOnly', 'type']);

function known(schema: JsonSchema, keywords: readonly string[]): void {
  const unknown = Object.keys(schema).filter((k) => !IGNORED.has(k) && !keywords.includes(k));
  if (unknown.length > 0) throw new Error(`valibot-from-schema: cannot convert ${unknown.join(', ')}`);
}

const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);

function stringSchema(s: JsonSchema): Schema {
  known(s, ['maxLength', 'minLength', 'pattern', 'format', 'enum']);
  if (Array.isArray(s.enum)) return v.picklist(s.enum as string[]);
  const checks: Array<v.PipeItem<string, string, v.BaseIssue<unknown>>> = [];
  const max = num(s.maxLength);
  const min = num(s.minLength);
  // JSON Schema counts code points; valibot's maxLength counts UTF-16 units
  if (max !== undefined) checks.push(v.check((x) => Array.from(x).length <= max, `at most ${max} characters`));
  if (min !== undefined) checks.push(v.check((x) => Array.from(x).length >= min, `at least ${min} characters`));
  if (typeof s.pattern === 'string') checks.push(v.regex(new RegExp(s.pattern, 'u')));
  if (s.format === 'email') checks.push(v.email());
  else if (s.format === 'date') checks.push(v.isoDate());
  else if (s.format !== undefined) throw new Error(`valibot-from-schema: cannot convert format ${JSON.stringify(s.format)}`);
  return checks.length ? v.pipe(v.string(), ...checks) : v.string();
}

function numberSchema(s: JsonSchema, integer: boolean): Schema {
  known(s, ['minimum', 'maximum']);
  const checks: Array<v.PipeItem<number, number, v.BaseIssue<unknown>>> = integer ? [v.integer()] : [];
  const min = num(s.minimum);
  const max = num(s.maximum);
  if (min !== undefined) checks.push(v.minValue(min));
  if (max !== undefined) checks.push(v.maxValue(max));
  return checks.length ? v.pipe(v.number(), ...checks) : v.number();
}

function arraySchema(s: JsonSchema): Schema {
  known(s, ['items', 'maxItems', 'minItems', 'uniqueItems']);
  const checks: Array<v.PipeItem<unknown[], unknown[], v.BaseIssue<unknown>>> = [];
  const max = num(s.maxItems);
  const min = num(s.minItems);
  if (max !== undefined) checks.push(v.maxLength(max));
  if (min !== undefined) checks.push(v.minLength(min));
  if (s.uniqueItems === true) checks.push(v.check((xs) => new Set(xs).size === xs.length, 'items must be unique'));
  const items = valibotFromSchema((s.items ?? {}) as JsonSchema);
  return checks.length ? v.pipe(v.array(items), ...checks) : v.array(items);
}

function objectSchema(s: JsonSchema): Schema {
  known(s, ['properties', 'required']);
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const entries: Record<string, Schema> = {};
  for (const [key, prop] of Object.entries((s.properties ?? {}) as Record<string, JsonSchema>)) {
    const value = valibotFromSchema(prop);
    entries[key] = required.has(key) ? value : v.optional(value);
  }
  return v.object(entries);
}

export function valibotFromSchema(schema: JsonSchema): Schema {
  switch (schema.type) {
    case 'string':
      return stringSchema(schema);
    case 'integer':
    case 'number':
      return numberSchema(schema, schema.type === 'integer');
    case 'array':
      return arraySchema(schema);
    case 'object':
      return objectSchema(schema);
    case undefined:
      known(schema, []);
      return v.unknown();
    default:
      throw new Error(`valibot-from-schema: cannot convert type ${JSON.stringify(schema.type)}`);
  }
}

/** The top-level fields valibot flags, sorted. */
export function valibotFields(issues: readonly v.BaseIssue<unknown>[] | undefined): string[] {
  const keys = (issues ?? []).map((i) => {
    const key: unknown = i.path?.[0]?.key;
    return typeof key === 'string' ? key : '';
  });
  return [...new Set(keys)].filter((k) => k !== '').sort();
}
