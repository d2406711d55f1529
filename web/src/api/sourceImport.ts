/** 生源导入: POST /api/source-records/import (school; CSV or XLSX) and the blank template. */
import { postFile, type Upload } from './upload';

export interface ImportRowError {
  /** the row in the file (the header is row 1) */
  row: number;
  field: string;
  message: string;
  /** the column's header as written in the file */
  column?: string;
  /** the cell as typed */
  value?: string;
  /** what the column accepts */
  accepted?: string;
  /** the row's 姓名 and 身份证号 as typed */
  name?: string;
  idNumber?: string;
}

/** The refused rows as they were in the file plus a 问题 column. */
export interface ProblemList {
  header: string[];
  rows: string[][];
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
  problemList?: ProblemList;
}

export const IMPORT_TEMPLATE_URL = '/api/source-records/import-template';

function isImportResult(body: unknown): boolean {
  const b = body as Partial<ImportResult> | null;
  return !!b && typeof b.created === 'number' && Array.isArray(b.errors) && Array.isArray(b.credentials);
}

export function importSourceRecords(file: File, onProgress?: (fraction: number) => void): Upload<ImportResult> {
  return postFile<ImportResult>('/api/source-records/import', file, onProgress, isImportResult);
}
