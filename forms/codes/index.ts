/**
 * Built-in code tables (national standards), shared by every form definition.
 * A definition's own `codeTables` take precedence over these, so a school can tailor a list
 * without a deploy.
 */
import type { CodeTable } from '../engine/types';
import destination from './destination.json';
import education from './education.json';
import ethnicity from './ethnicity.json';
import gender from './gender.json';
import industry from './industry.json';
import jobCategory from './jobCategory.json';
import politicalStatus from './politicalStatus.json';
import trainingMode from './trainingMode.json';
import unitNature from './unitNature.json';

/** Each table under its own `key` (the file's name). */
const TABLES = { unitNature, industry, destination, education, trainingMode, jobCategory, gender, politicalStatus, ethnicity };

export type BuiltinCodeTableKey = keyof typeof TABLES;

export const BUILTIN_CODE_TABLES: Readonly<Record<BuiltinCodeTableKey, CodeTable>> = Object.freeze(TABLES);
