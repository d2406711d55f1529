/** What bench/form-cost.ts measures, bundled the way the worker ships the engine (see there). */
export { COST_KINDS, largestRegistration, worstDefinition } from '../forms/engine/test/cost-fixtures';
export { MAX_VALIDATION_WORK, validationWork } from '../forms/engine/cost';
export { checkDefinition } from '../forms/engine/definition-check';
export { ruleNodeVisits } from '../forms/engine/rules';
export { validate } from '../forms/engine/validate';
