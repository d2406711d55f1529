/** 生源导入: POST /api/source-records/import (school; CSV or XLSX) and the blank template. */
import { postFile, type Upload } from './upload';

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportCredential {
  username: string;
  name: string;
  password: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  credentials: ImportCredential[];
}

export const IMPORT_TEMPLATE_URL = '/api/source-records/import-template';

function isImportResult(body: unknown): boolean {
  const b = body as Partial<ImportResult> | null;
  return !!b && typeof b.created === 'number' && Array.isArray(b.errors) && Array.isArray(b.credentials);
}

export function importSourceRecords(file: File, onProgress?: (fraction: number) => void): Upload<ImportResult> {
  return postFile<ImportResult>('/api/source-records/import', file, onProgress, isImportResult);
}
