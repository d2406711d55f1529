/**
 * Each account's upload quota, so that no signed-in account can fill the bucket: at most so many
 * files and bytes in any 24 hours, and at most so many loose uploads (not yet part of a record;
 * the scheduled sweep removes those after a day) at one time. The numbers are variables
 * (UPLOAD_FILES_PER_DAY, UPLOAD_BYTES_PER_DAY, UPLOAD_MAX_LOOSE_FILES), defaults below: a student's
 * forms take a handful of scans, so 50 files / 100 MB a day leaves room for many retries.
 */
import type { UploadUsage } from '../../db/files';
import { AppError } from '../../http/errors';
import { formatLimit } from './upload-limit';

export interface UploadQuota {
  filesPerDay: number;
  bytesPerDay: number;
  looseFiles: number;
}

export const DEFAULT_UPLOAD_QUOTA: UploadQuota = { filesPerDay: 50, bytesPerDay: 100 * 1024 * 1024, looseFiles: 20 };

export const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

type QuotaVars = Pick<Env, 'UPLOAD_FILES_PER_DAY' | 'UPLOAD_BYTES_PER_DAY' | 'UPLOAD_MAX_LOOSE_FILES'>;

const positive = (text: string | undefined, fallback: number) => {
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
};

export function uploadQuota(env: Partial<QuotaVars>): UploadQuota {
  return {
    filesPerDay: positive(env.UPLOAD_FILES_PER_DAY, DEFAULT_UPLOAD_QUOTA.filesPerDay),
    bytesPerDay: positive(env.UPLOAD_BYTES_PER_DAY, DEFAULT_UPLOAD_QUOTA.bytesPerDay),
    looseFiles: positive(env.UPLOAD_MAX_LOOSE_FILES, DEFAULT_UPLOAD_QUOTA.looseFiles),
  };
}

/** The start of the quota's 24 hours. */
export const quotaWindowStart = (now: Date) => new Date(now.getTime() - QUOTA_WINDOW_MS).toISOString();

/** 429 naming the limit reached, or null when one more upload of `size` bytes fits. */
export function quotaRefusal(usage: UploadUsage, quota: UploadQuota, size: number): AppError | null {
  if (usage.loose + 1 > quota.looseFiles) {
    return new AppError(
      429,
      'too_many_loose_files',
      `尚未用于表单的上传文件已有 ${quota.looseFiles} 个，请先在表单中使用后再上传（未使用的文件一天后自动清理）`,
    );
  }
  if (usage.filesSince + 1 > quota.filesPerDay) {
    return new AppError(429, 'daily_upload_files', `24 小时内最多上传 ${quota.filesPerDay} 个文件，已达上限，请稍后再试`);
  }
  if (usage.bytesSince + size > quota.bytesPerDay) {
    return new AppError(429, 'daily_upload_bytes', `24 小时内上传总量不能超过 ${formatLimit(quota.bytesPerDay)}，已达上限，请稍后再试`);
  }
  return null;
}
