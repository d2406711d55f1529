/**
 * Steps 1 and 2 of a write (docs/architecture.md, how a transition works): the body's `data` must be
 * an object, then the engine validates it for the workflow step the writer fills (dropping what the
 * role may not edit, recomputing computed fields) and the employer's company fields are taken from
 * the employer, never from what was typed. A create and a transition run these same steps.
 */
import { validate } from '../../../forms/engine';
import type { FieldError, FormDefinition } from '../../../forms/engine/types';
import type { Db } from '../../db/client';
import { badRequest, invalid } from '../../http/errors';
import type { Actor } from '../../auth/actor';
import { withCompanyFields } from '../company-fields';
import type { Lifecycle } from '../types';

/** The body's form data: an object, or nothing (the step's fields left as they are); 400 otherwise. */
export function incomingData(body: Record<string, unknown>): Record<string, unknown> {
  const incoming = Object.hasOwn(body, 'data') ? body.data : undefined;
  if (incoming === undefined || incoming === null) return {};
  if (typeof incoming !== 'object' || Array.isArray(incoming)) {
    throw badRequest('bad_field', '表单数据必须是对象', [{ path: 'data', code: 'type', message: '必须是对象' }]);
  }
  return incoming as Record<string, unknown>;
}

export interface StepInput {
  actor: Actor;
  /** the workflow step the writer fills */
  step: string;
  /** the values before this write (the record's data, or a create's prefill) */
  previous: Record<string, unknown>;
  /** a draft save: missing required values are allowed, malformed ones are not */
  draft?: boolean;
}

/** The values the engine accepts for the step; 422 with every field's problem otherwise. */
export function validatedValues(
  definition: FormDefinition,
  incoming: Record<string, unknown>,
  { actor, step, previous, draft }: StepInput,
): Record<string, unknown> {
  const result = validate(definition, incoming, { role: actor.role, step, previous, draft: draft ?? false });
  if (!result.ok) {
    throw invalid(
      '表单填写有误，请检查标红的字段',
      result.errors.map((e: FieldError) => ({ path: e.path, code: e.code, message: e.message })),
      'validation',
    );
  }
  return result.values;
}

/** The data as it will be written: `incoming` (see `incomingData`) validated for the step, with the employer's company fields. */
export async function stepData(
  db: Db,
  lifecycle: Lifecycle,
  employerId: string | null,
  definition: FormDefinition,
  incoming: Record<string, unknown>,
  input: StepInput,
): Promise<Record<string, unknown>> {
  return withCompanyFields(db, lifecycle, employerId, validatedValues(definition, incoming, input));
}
