/** POST /api/files (multipart, field `file`) with upload progress. */
import { postFile, type Upload } from './upload';
import type { UploadedFile } from './types';

export function uploadFile(file: File, onProgress?: (fraction: number) => void): Upload<UploadedFile> {
  return postFile<UploadedFile>('/api/files', file, onProgress, (body) => !!body && typeof (body as UploadedFile).id === 'string');
}

export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;
