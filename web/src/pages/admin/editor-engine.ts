/**
 * What the form editor takes from the shared engine. Only the lazily loaded admin screens import
 * this, so the definition checker stays out of everyone else's first load.
 */
export {
  checkDefinition, checkRule, resolveCodeTable, fieldEntries, FIELD_TYPES, PRESET_PATTERNS, ROLES, RULE_OPERATORS,
} from '../../../../forms/engine';
export type {
  AccessMap, CheckDef, CodeItem, DefinitionError, FieldDef, FieldType, FormDefinition, Role, Rule, SectionDef, StepDef,
} from '../../../../forms/engine';
