/** Small schemas several resources share. */
import * as v from 'valibot';

export const ROLE_VALUES = ['student', 'employer', 'college', 'school', 'province', 'center', 'admin'] as const;
export const RoleSchema = v.picklist(ROLE_VALUES);
/** Who acted: a role, or `system` for what the platform does itself (a lapsed deadline, the sweep). */
export const ActorRoleSchema = v.picklist([...ROLE_VALUES, 'system']);

export const STATE_TONE_VALUES = ['wait', 'ok', 'bad', 'neutral'] as const;
export const StateToneSchema = v.picklist(STATE_TONE_VALUES);

export const FormRefSchema = v.object({ key: v.string(), version: v.number() });

/** `{ ok: true }` */
export const OkSchema = v.object({ ok: v.literal(true) });

/**
 * The values of a form, keyed by field. Marked so the document can put there the JSON Schema of
 * the form's currently published version (`FORM_DATA` alone: the lifecycle kind's form; with a
 * key: that form).
 */
export const FORM_DATA = '表单数据';
export const formData = (formKey?: string) =>
  v.pipe(v.record(v.string(), v.unknown()), v.description(formKey ? `${FORM_DATA}:${formKey}` : FORM_DATA));

/** A request's form values as sent: the form engine judges them against the published version, not the body check. */
export const formDataSent = (formKey?: string) =>
  v.optional(v.pipe(v.unknown(), v.description(formKey ? `${FORM_DATA}:${formKey}` : FORM_DATA)));

/** A query string value: always text on the wire. */
export const queryText = (description: string) => v.optional(v.pipe(v.string(), v.description(description)));

export const ItemsOf = <T extends v.GenericSchema>(item: T) => v.object({ items: v.array(item) });
