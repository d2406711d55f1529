/**
 * The engine as a Standard Schema v1, so @tanstack/react-form (and anything else speaking the
 * spec) can validate a whole form with it.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { FormDefinition, ValidationContext, Values } from './types';
import { validate } from './validate';

/** 'group.0.sub' → ['group', 0, 'sub']; '' → []. */
export function pathSegments(path: string): Array<string | number> {
  if (path === '') return [];
  return path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export function toStandardSchema(def: FormDefinition, ctx: ValidationContext): StandardSchemaV1<unknown, Values> {
  return {
    '~standard': {
      version: 1,
      vendor: 'wangqian',
      validate(value: unknown): StandardSchemaV1.Result<Values> {
        const result = validate(def, value, ctx);
        if (result.ok) return { value: result.values };
        return { issues: result.errors.map((e) => ({ message: e.message, path: pathSegments(e.path) })) };
      },
    },
  };
}
