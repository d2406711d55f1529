/**
 * file: the field holds file ids. Existing ones show as thumbnails (a PDF as its icon) that open the
 * full-size viewer; a file input uploads to POST /api/files with progress and appends the new id.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { downscalePhoto } from '../../api/downscale-photo';
import { fileUrl, uploadFile } from '../../api/files';
import { FileGallery } from './FileGallery';
import { DEFAULT_MAX_FILES } from '../engine';
import { aria, type WidgetProps } from './types';
import { useSession } from '../../auth/session';

const ACCEPT: Record<string, string> = { image: 'image/jpeg,image/png,image/webp', pdf: 'application/pdf' };

interface Uploading {
  name: string;
  progress: number;
  abort: () => void;
}

export function FileField(p: WidgetProps) {
  const { field, id, value, onChange, onBlur } = p;
  const ids = Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  const max = field.maxFiles ?? DEFAULT_MAX_FILES;
  const accept = (field.accept ?? ['image', 'pdf'])
    .map((a) => ACCEPT[a])
    .filter(Boolean)
    .join(',');
  const [uploading, setUploading] = useState<Uploading | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [types, setTypes] = useState<Record<string, string>>({});
  // before sign-in (a registration's 营业执照) nobody may read an upload back: show the browser's own copy;
  // signed in, what is shown is what the server stored
  const signedIn = useSession().user !== null;
  const [local, setLocal] = useState<Record<string, { url: string; name: string }>>({});
  // the ids as last rendered, for an upload that finishes later
  const latest = useRef(ids);
  useLayoutEffect(() => {
    latest.current = ids;
  });

  async function pick(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setError(null);
    if (ids.length >= max) {
      setError(`最多上传 ${max} 个文件`);
      return;
    }
    setUploading({ name: file.name, progress: 0, abort: () => undefined });
    const prepared = await downscalePhoto(file);
    const job = uploadFile(prepared, (f) => setUploading((u) => (u ? { ...u, progress: f } : u)));
    setUploading({ name: prepared.name, progress: 0, abort: job.abort });
    try {
      const res = await job.promise;
      setTypes((t) => ({ ...t, [res.id]: res.contentType }));
      setLocal((l) => ({ ...l, [res.id]: { url: URL.createObjectURL(prepared), name: file.name } }));
      onChange([...latest.current, res.id]);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '上传失败');
    } finally {
      setUploading(null);
      onBlur();
    }
  }

  return (
    <div className="files" role="group" aria-labelledby={p.labelId}>
      {ids.length > 0 && (
        <FileGallery
          ids={ids}
          label={field.label}
          types={types}
          srcOf={(fid) => (signedIn ? fileUrl(fid) : (local[fid]?.url ?? fileUrl(fid)))}
          extra={(fid, i) => (
            <button
              type="button"
              className="btn btn-small btn-link-danger"
              onClick={() => onChange(ids.filter((x) => x !== fid))}
              aria-label={`删除附件 ${i + 1}`}
            >
              删除
            </button>
          )}
        />
      )}
      {ids.length < max && (
        <input
          id={id}
          type="file"
          className="file-input"
          accept={accept}
          disabled={!!uploading}
          onChange={(e) => {
            void pick(e.target.files);
            e.target.value = '';
          }}
          {...aria(p)}
        />
      )}
      {uploading && (
        <div className="upload-progress" role="status">
          <span>正在上传 {uploading.name}</span>
          <progress max={1} value={uploading.progress} aria-label="上传进度" />
          <button type="button" className="btn btn-small" onClick={uploading.abort}>
            取消
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="field-help">
        {(field.accept ?? ['image', 'pdf']).map((a) => (a === 'image' ? '图片（JPG/PNG）' : 'PDF')).join('或')}，最多 {max} 个
      </p>
    </div>
  );
}
