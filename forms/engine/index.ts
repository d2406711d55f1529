/** The shared form engine: one import for the Worker and the web app. */
export * from './types';
export {
  evaluateRule,
  ruleHolds,
  isTruthy,
  ruleVars,
  ruleVarRefs,
  checkRule,
  RULE_OPERATORS,
  MAX_RULE_DEPTH,
  MAX_RULE_NODES,
} from './rules';
export type { RuleScope, RuleIssue, VarRef } from './rules';
export { isCalendarDate, todayInChina } from './dates';
export {
  isValidIdNumber,
  idNumberBirthDate,
  idNumberGender,
  maskIdNumber,
  normalizeIdNumber,
  idNumberCheckChar,
} from './validators/id-number';
export { isValidCreditCode, creditCodeCheckChar, normalizeCreditCode } from './validators/credit-code';
export {
  isMobile,
  isEmail,
  isLandline,
  isPostcode,
  maskPhone,
  matchesPreset,
  PRESET_PATTERN_REGEXES,
  PRESET_PATTERN_MESSAGES,
} from './validators/phone';
export { regionName, regionPath, regionFullName, regionChildren, regionNode, isValidRegion } from './regions';
export type { RegionLevel, RegionNode, RegionOption } from './regions';
export { resolveCodeTable, findCode, codeLabel } from './codes';
export { BUILTIN_CODE_TABLES } from '../codes';
export { allFields, fieldEntries, findField, findFieldEntry, defaultValues } from './fields';
export type { FieldEntry } from './fields';
export { uncheckedList, type Unchecked } from './unchecked';
export { fieldAccess, resolveAccess, valuesVisibleTo } from './access';
export { evaluateForm, isRequired } from './form-state';
export type { FormView } from './form-state';
export { validate, DEFAULT_MAX_ITEMS } from './validate';
export { DEFAULT_MAX_LENGTH, DEFAULT_MAX_FILES } from './field-value';
export { lengthCap } from './cost';
export { MAX_SEARCH_LENGTH } from './search';
export { charLength } from './values';
export { checkDefinition, isFormDefinition, LIMITS as DEFINITION_LIMITS, OPTION_TYPES as FIELD_OPTION_TYPES } from './definition-check';
export { toStandardSchema, pathSegments } from './standard-schema';
export { applyMappings } from './mappings';
