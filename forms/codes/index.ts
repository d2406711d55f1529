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

const TABLES: CodeTable[] = [
  unitNature, industry, destination, education, trainingMode, jobCategory, gender, politicalStatus, ethnicity,
];

export const BUILTIN_CODE_TABLES: Record<string, CodeTable> = Object.freeze(
  Object.fromEntries(TABLES.map((table) => [table.key, table])),
);
