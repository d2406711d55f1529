/** The checks every upload passes before anything is stored: not empty, not too big, a real image or PDF. */
import { AppError, badRequest } from '../../http/errors';
import { containsMarkup } from './detect-polyglot';
import { sniffContentType, type UploadContentType } from './sniff-content-type';
import { formatLimit } from './upload-limit';

export const tooLarge = (limit: number) => new AppError(413, 'file_too_large', `文件过大，单个文件不能超过 ${formatLimit(limit)}`);

const UNSUPPORTED = '仅支持上传 JPG、PNG、WebP 图片或 PDF 文件';

/** Returns the type the bytes really are; throws a 400/413/415 that says what is wrong. */
export function checkUpload(bytes: Uint8Array, limit: number): UploadContentType {
  if (bytes.length === 0) throw badRequest('empty_file', '文件为空，请重新选择', [{ path: 'file', code: 'empty', message: '文件为空' }]);
  if (bytes.length > limit) throw tooLarge(limit);
  const type = sniffContentType(bytes);
  if (!type) throw new AppError(415, 'unsupported_file_type', `${UNSUPPORTED}（按文件内容识别，与文件名无关）`);
  if (containsMarkup(bytes)) throw new AppError(415, 'suspicious_file', '文件内容异常（含网页代码），已拒绝上传');
  return type;
}
