/**
 * What the form editor takes from the shared engine. Only the lazily loaded admin screens import
 * this, so the definition checker stays out of everyone else's first load.
 */
export {
  checkDefinition,
  checkRule,
  resolveCodeTable,
  fieldEntries,
  FIELD_OPTION_TYPES,
  FIELD_TYPES,
  DEFINITION_LIMITS,
  PRESET_PATTERNS,
  ROLES,
  RULE_OPERATORS,
  uncheckedList,
} from '../../../../forms/engine';
export type {
  AccessMap,
  CheckDef,
  CodeItem,
  CodeTable,
  DefinitionError,
  FieldDef,
  FieldType,
  FormDefinition,
  Role,
  Rule,
  SectionDef,
  StepDef,
} from '../../../../forms/engine';
