/**
 * The one place the web app imports the shared form engine from (forms/engine), so the engine
 * (and its region data) lands in the lazily loaded form chunk only.
 */
export {
  validate,
  evaluateForm,
  findField,
  fieldAccess,
  allFields,
  fieldEntries,
  ruleHolds,
  isRequired,
  regionChildren,
  regionNode,
  regionFullName,
  resolveCodeTable,
  codeLabel,
  todayInChina,
  // the input caps are the engine's own, so a field never takes more than validate() accepts
  lengthCap,
  DEFAULT_MAX_FILES,
} from '../../../forms/engine';
export type {
  FormDefinition,
  FieldDef,
  SectionDef,
  StepDef,
  CodeItem,
  Role,
  Values,
  FieldError,
  Access,
  RegionOption,
} from '../../../forms/engine';
