/** Multipart upload (field `file`) with upload progress, via XMLHttpRequest (fetch has no upload progress). */
import { ApiError, errorFromBody } from './client';

export interface Upload<T> {
  promise: Promise<T>;
  abort: () => void;
}

export function postFile<T>(
  url: string,
  file: File,
  onProgress?: (fraction: number) => void,
  isValid: (body: unknown) => boolean = (body) => !!body && typeof body === 'object',
): Upload<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && isValid(body)) resolve(body as T);
      else reject(errorFromBody(xhr.status || 0, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '上传失败：网络连接中断'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', '已取消上传'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
