/**
 * Who may do what beyond the records' own actions, declared once (docs/architecture.md, roles and
 * scope): the route guards read this table (`requireActor(c, { ability })`) and the session answer
 * lists the signed-in account's abilities and modules from it, so the web's offer and the server's
 * refusal cannot disagree.
 */
import type { Role } from '../../forms/engine/types';
import { KINDS, type Kind } from '../../contract/kinds';
import type { Ability, Module, PageModule } from '../../contract/abilities';
import { LIFECYCLES } from '../lifecycle/registry';

/** ability → the roles that have it */
export const ABILITY_ROLES: Readonly<Record<Ability, readonly Role[]>> = {
  reset_student_password: ['college', 'school'],
  reset_employer_password: ['center'],
  reset_reviewer_password: ['admin'],
  reset_student_passwords_in_bulk: ['school'],
  export_dispatches: ['center', 'school'],
  export_destinations: ['center', 'school'],
  follow_up_destinations: ['college', 'school'],
  view_statistics: ['college', 'school', 'province', 'center'],
  set_destination_rules: ['province'],
  import_source_records: ['school'],
  edit_school_profile: ['school'],
  edit_own_contact: ['student'],
  manage_forms: ['admin'],
  verify_audit_chain: ['admin'],
  watch_outbox: ['admin'],
  filter_by_school: ['province', 'center', 'admin'],
  filter_by_college: ['school', 'province', 'center', 'admin'],
};

/** the page each page module opens needs this ability; in the order the modules are shown */
const PAGE_MODULES: readonly (readonly [PageModule, Ability])[] = [
  ['destination-follow-up', 'follow_up_destinations'],
  ['destination-settings', 'set_destination_rules'],
  ['statistics', 'view_statistics'],
  ['source-import', 'import_source_records'],
  ['school-profile', 'edit_school_profile'],
  ['forms', 'manage_forms'],
  ['audit', 'verify_audit_chain'],
  ['outbox', 'watch_outbox'],
];

/**
 * The record lists a role works in, where not every kind it reads: the employer's in the order of
 * the signing flow (its registration shows as a status line), the admin's none.
 */
const RECORD_MODULES: Partial<Record<Role, readonly Kind[]>> = {
  employer: ['invitations', 'agreements', 'amendments', 'terminations'],
  admin: [],
};

export function hasAbility(role: Role, ability: Ability): boolean {
  return ABILITY_ROLES[ability].includes(role);
}

export function abilitiesOf(role: Role): Ability[] {
  return (Object.keys(ABILITY_ROLES) as Ability[]).filter((ability) => hasAbility(role, ability));
}

/** the home page's cards and the header's navigation: record lists first, then the pages */
export function modulesOf(role: Role): Module[] {
  const kinds = RECORD_MODULES[role] ?? KINDS.filter((kind) => LIFECYCLES[kind]?.readers.includes(role));
  return [...kinds, ...PAGE_MODULES.filter(([, ability]) => hasAbility(role, ability)).map(([module]) => module)];
}
