/** 生源导入: POST /api/source-records/import (school; CSV or XLSX) and the blank template. */
import type * as v from 'valibot';
import { postFile, type Upload } from './upload';
import type { ImportCredentialSchema, ImportResultSchema, ImportRowErrorSchema, ProblemListSchema } from '../../../contract/source-import';

export type ImportRowError = v.InferOutput<typeof ImportRowErrorSchema>;

/** The refused rows as they were in the file plus a 问题 column. */
export type ProblemList = v.InferOutput<typeof ProblemListSchema>;

export type ImportCredential = v.InferOutput<typeof ImportCredentialSchema>;

export type ImportResult = v.InferOutput<typeof ImportResultSchema>;

export const IMPORT_TEMPLATE_URL = '/api/source-records/import-template';

function isImportResult(body: unknown): boolean {
  const b = body as Partial<ImportResult> | null;
  return !!b && typeof b.created === 'number' && Array.isArray(b.errors) && Array.isArray(b.credentials);
}

export function importSourceRecords(file: File, onProgress?: (fraction: number) => void): Upload<ImportResult> {
  return postFile<ImportResult>('/api/source-records/import', file, onProgress, isImportResult);
}
