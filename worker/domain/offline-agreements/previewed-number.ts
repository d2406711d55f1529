/**
 * 线下签约: 学生录入 → 预览确认（生成协议书）→ 学院审核 → 学校审核 (the user guide). Before an offline
 * agreement goes to the college the student previews it — the agreement as it will be stored,
 * numbered and printed — and confirms; the create takes the number shown, and only for exactly
 * the data that was previewed.
 */
import type { Db } from '../../db/client';
import { formatAgreementNumber, reservedSequence, reserveNumber, useReservedNumber } from '../../db/agreement-previews';
import type { Write } from '../../db/batch';
import { findSchool } from '../../db/students';
import { invalid } from '../../http/errors';
import { canonicalJson } from '../../lib/canonical-json';
import { sha256Hex } from '../../lib/encoding';

export const previewDigest = (data: Record<string, unknown>) => sha256Hex(canonicalJson(data));

interface Owner {
  studentId: string;
  schoolId: string;
  cohort: number;
}

async function schoolCodeOf(db: Db, schoolId: string): Promise<string> {
  return (await findSchool(db, schoolId))?.code ?? '00000';
}

/** Reserves the number the previewed data will get and answers it. */
export async function reservePreviewNumber(db: Db, owner: Owner, data: Record<string, unknown>): Promise<string> {
  const schoolCode = await schoolCodeOf(db, owner.schoolId);
  const seq = await reserveNumber(db, { studentId: owner.studentId, digest: await previewDigest(data), schoolCode, cohort: owner.cohort });
  return formatAgreementNumber(schoolCode, owner.cohort, seq);
}

/**
 * The create's numbering writes: the number shown in the preview of exactly this data; a 422
 * (`preview_required`) when the student did not preview it, or changed it after the preview.
 */
export async function previewedNumberWrites(db: Db, recordId: string, owner: Owner, data: Record<string, unknown>): Promise<Write[]> {
  const digest = await previewDigest(data);
  if ((await reservedSequence(db, owner.studentId, digest)) === undefined) {
    throw invalid('请先预览协议书并确认无误后再提交（预览后如有修改，需要重新预览）', [], 'preview_required');
  }
  return useReservedNumber(db, {
    recordId,
    studentId: owner.studentId,
    digest,
    schoolCode: await schoolCodeOf(db, owner.schoolId),
    cohort: owner.cohort,
  });
}
