/**
 * Attachments as thumbnails: an image shows itself, a PDF (or anything that does not load as an
 * image) a PDF icon. Each opens the full-size viewer: a modal dialog (Esc or 关闭 closes, ←/→ or
 * 上一个/下一个 move between attachments, focus returns to the thumbnail).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { fileUrl } from '../../api/files';
import { Dialog } from '../../components/Dialog';
import { fileKind, stepIndex, type FileKind } from './file-kind';

interface GalleryProps {
  ids: string[];
  /** the field's label, for names ("证明材料照片 第 1 个") */
  label: string;
  /** content types known from the upload, by id */
  types?: Record<string, string>;
  /** per attachment, e.g. a 删除 button in the editable field */
  extra?: (id: string, index: number) => ReactNode;
  /**
   * where a file's bytes are read: the API by default; a file picked on this page may be shown from
   * the browser's own copy (a registration's 营业执照: nobody may read it back before sign-in)
   */
  srcOf?: (id: string) => string;
}

export function FileGallery({ ids, label, types = {}, extra, srcOf = fileUrl }: GalleryProps) {
  const [notImage, setNotImage] = useState<Set<string>>(new Set());
  const [open, setOpen] = useState<number | null>(null);
  const kindOf = (id: string): FileKind => fileKind(types[id], notImage.has(id));
  const close = useCallback(() => setOpen(null), []);
  const markNotImage = (id: string) => setNotImage((s) => (s.has(id) ? s : new Set(s).add(id)));

  return (
    <>
      <ul className="file-list file-gallery">
        {ids.map((id, i) => {
          const kind = kindOf(id);
          const name = `${label} 第 ${i + 1} 个附件${kind === 'pdf' ? '（PDF）' : ''}`;
          return (
            <li key={id} className="file-item">
              <button type="button" className="thumb-button" aria-label={`查看${name}`} onClick={() => setOpen(i)}>
                {kind === 'pdf' ? (
                  <PdfIcon />
                ) : (
                  <img className="thumb" src={srcOf(id)} alt="" loading="lazy" onError={() => markNotImage(id)} />
                )}
                <span className="thumb-caption">
                  {kind === 'pdf' ? 'PDF' : '图片'} {i + 1}
                </span>
              </button>
              {extra?.(id, i)}
            </li>
          );
        })}
      </ul>
      <FileViewer
        ids={ids}
        label={label}
        index={open}
        kindOf={kindOf}
        srcOf={srcOf}
        onMove={setOpen}
        onClose={close}
        onNotImage={markNotImage}
      />
    </>
  );
}

interface ViewerProps {
  ids: string[];
  label: string;
  index: number | null;
  kindOf: (id: string) => FileKind;
  srcOf: (id: string) => string;
  onMove: (index: number) => void;
  onClose: () => void;
  onNotImage: (id: string) => void;
}

function FileViewer({ ids, label, index, kindOf, srcOf, onMove, onClose, onNotImage }: ViewerProps) {
  const id = index === null ? null : ids[index];
  const many = ids.length > 1;
  const move = (delta: number) => index !== null && onMove(stepIndex(index, delta, ids.length));
  useEffect(() => {
    if (index === null || !many) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'ArrowRight') {
        e.preventDefault();
        onMove(stepIndex(index, 1, ids.length));
      }
      if (e.key === 'ArrowLeft') {
        e.preventDefault();
        onMove(stepIndex(index, -1, ids.length));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, many, ids.length, onMove]);
  return (
    <Dialog
      open={id !== null && id !== undefined}
      className="dialog dialog-viewer"
      title={index === null ? '' : `${label}（${index + 1} / ${ids.length}）`}
      onClose={onClose}
      footer={
        <>
          {many && (
            <button type="button" className="btn" onClick={() => move(-1)}>
              上一个
            </button>
          )}
          {many && (
            <button type="button" className="btn" onClick={() => move(1)}>
              下一个
            </button>
          )}
          {id && (
            <a className="btn" href={srcOf(id)} target="_blank" rel="noopener">
              在新窗口打开
            </a>
          )}
          <button type="button" className="btn btn-primary" onClick={onClose}>
            关闭
          </button>
        </>
      }
    >
      {id && (
        <div className="viewer-body">
          {kindOf(id) === 'pdf' ? (
            <div className="viewer-pdf">
              <PdfIcon large />
              <p>PDF 文件不能在此预览，请点「在新窗口打开」查看或下载。</p>
            </div>
          ) : (
            <img
              className="viewer-image"
              src={srcOf(id)}
              alt={`${label} 第 ${(index ?? 0) + 1} 个附件（原图）`}
              onError={() => onNotImage(id)}
            />
          )}
        </div>
      )}
    </Dialog>
  );
}

function PdfIcon({ large = false }: { large?: boolean }) {
  const size = large ? 96 : 64;
  return (
    <svg className="pdf-icon" width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <path d="M14 4h26l12 12v44H14z" fill="#fff" stroke="#b42318" strokeWidth="3" strokeLinejoin="round" />
      <path d="M40 4v12h12" fill="none" stroke="#b42318" strokeWidth="3" strokeLinejoin="round" />
      <rect x="8" y="34" width="40" height="16" rx="3" fill="#b42318" />
      <text x="28" y="46.5" textAnchor="middle" fontSize="12" fontWeight="700" fill="#fff" fontFamily="sans-serif">
        PDF
      </text>
    </svg>
  );
}
