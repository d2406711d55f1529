/**
 * Personal data a role sees masked or not at all, beyond what the form's access already hides.
 * Each lifecycle declares its rules as data (`Lifecycle.disclosure`, beside its states); this is
 * the one place that applies them, to every record view (read, create, transition answers) and to
 * the create prefill (`GET /api/<kind>/new`, state `new`). Everything else a form lets a role read,
 * it reads in full. The whole table is written out in docs/personal-data.md.
 */
import { findField, maskIdNumber, maskPhone } from '../../forms/engine';
import type { FieldDef, FormDefinition, Role } from '../../forms/engine/types';
import type { Lifecycle } from './types';

/** `masked`: the last four characters at most; `hidden`: left out of the answer. */
export type Shown = 'masked' | 'hidden';

export interface DisclosureRule {
  roles: Role[];
  /** the record states the rule holds in; `new` is the prefill before a record exists */
  states: readonly string[] | 'every';
  /** by field key */
  fields?: Record<string, Shown>;
  /** by field type: every 身份证号, phone or e-mail field of the form, whatever its key */
  types?: Partial<Record<'idNumber' | 'phone' | 'email', Shown>>;
}

/**
 * The platform admin manages forms and organisations and reads records to support users: it sees a
 * student's identifiers masked in every kind and state. (Reviewers and the parties see them in full.)
 */
export const ADMIN_SEES_MASKED: DisclosureRule = {
  roles: ['admin'],
  states: 'every',
  types: { idNumber: 'masked', phone: 'masked', email: 'masked' },
};

/** The state name of a create's prefill, before there is a record. */
export const BEFORE_CREATE = 'new';

/** an address keeps its first character and its domain: z***@example.com */
export function maskEmail(value: unknown): string {
  if (typeof value !== 'string') return '';
  const at = value.lastIndexOf('@');
  if (at < 1) return '*'.repeat(Array.from(value).length);
  return `${Array.from(value)[0]}***${value.slice(at)}`;
}

/** Masks a value the way its field type calls for; a type with no mask of its own shows nothing. */
function maskFor(field: FieldDef | undefined): ((value: unknown) => string) | null {
  switch (field?.type) {
    case 'idNumber':
      return maskIdNumber;
    case 'phone':
      return maskPhone;
    case 'email':
      return maskEmail;
    default:
      return null;
  }
}

/** The rules of the lifecycle that hold for `role` in `state`. */
function rulesFor(lifecycle: Pick<Lifecycle, 'disclosure'>, role: Role, state: string): DisclosureRule[] {
  return (lifecycle.disclosure ?? []).filter(
    (rule) => rule.roles.includes(role) && (rule.states === 'every' || rule.states.includes(state)),
  );
}

function shownBy(rules: DisclosureRule[], field: string, type: string | undefined): Shown | 'full' {
  let shown: Shown | 'full' = 'full';
  for (const rule of rules) {
    const said = rule.fields?.[field] ?? (type ? rule.types?.[type as keyof NonNullable<DisclosureRule['types']>] : undefined);
    if (said === 'hidden') return 'hidden';
    if (said === 'masked') shown = 'masked';
  }
  return shown;
}

/** How a field (by key and type) is shown to `role` in `state`: full unless a rule of the lifecycle says otherwise. */
export function shownAs(lifecycle: Pick<Lifecycle, 'disclosure'>, role: Role, state: string, field: string, type?: string): Shown | 'full' {
  return shownBy(rulesFor(lifecycle, role, state), field, type);
}

/** `data` as `role` may see it in `state`: masked fields masked, hidden ones left out. */
export function disclose(
  lifecycle: Pick<Lifecycle, 'disclosure'>,
  definition: FormDefinition,
  data: Record<string, unknown>,
  role: Role,
  state: string,
): Record<string, unknown> {
  const rules = rulesFor(lifecycle, role, state);
  // reviewers and the parties: nothing to narrow, the data as the form lets them read it
  if (rules.length === 0) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const field = findField(definition, key);
    const shown = shownBy(rules, key, field?.type);
    if (shown === 'full' || value === null || value === undefined || value === '') {
      out[key] = value;
      continue;
    }
    const mask = shown === 'masked' ? maskFor(field) : null;
    if (mask) out[key] = mask(value);
  }
  return out;
}
