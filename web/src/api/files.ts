/** POST /api/files (multipart, field `file`) with upload progress, via XMLHttpRequest. */
import { ApiError, errorFromBody } from './client';
import type { UploadedFile } from './types';

export function uploadFile(file: File, onProgress?: (fraction: number) => void): { promise: Promise<UploadedFile>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open('POST', '/api/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof (body as UploadedFile).id === 'string') resolve(body as UploadedFile);
      else reject(errorFromBody(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '上传失败：网络连接中断'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', '已取消上传'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;
