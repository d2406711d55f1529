/** 生源导入 (school): a CSV or XLSX of the source form's columns, and its blank template. */
import * as v from 'valibot';
import { queryText } from './common';
import { route } from './route';

export const ImportRowErrorSchema = v.object({
  /** the row in the file (the header is row 1) */
  row: v.number(),
  field: v.string(),
  message: v.string(),
  column: v.optional(v.string()),
  value: v.optional(v.string()),
  accepted: v.optional(v.string()),
  name: v.optional(v.string()),
  idNumber: v.optional(v.string()),
});
export const ImportCredentialSchema = v.object({ username: v.string(), name: v.string(), password: v.string() });
export const ProblemListSchema = v.object({ header: v.array(v.string()), rows: v.array(v.array(v.string())) });
export const ImportResultSchema = v.object({
  created: v.number(),
  updated: v.number(),
  unchanged: v.number(),
  errors: v.array(ImportRowErrorSchema),
  credentials: v.array(ImportCredentialSchema),
  problemList: v.optional(ProblemListSchema),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const sourceImportRoutes = [
  route({
    method: 'POST',
    path: '/api/source-records/import',
    tag: '生源导入',
    summary: '导入生源（multipart，字段名 file：CSV 或 XLSX）',
    access: '学校审核',
    body: 'multipart',
    answers: { 200: ImportResultSchema },
  }),
  route({
    method: 'GET',
    path: '/api/source-records/import-template',
    tag: '生源导入',
    summary: '导入模板（含示例行；XLSX 另有下拉选项和填写说明）',
    access: '学校审核',
    query: v.object({ format: queryText('csv（默认）或 xlsx') }),
    answers: { 200: { contentType: ['text/csv; charset=utf-8', XLSX], description: '导入模板' } },
  }),
];
