/**
 * A student creates a 签约码 to hand to an employer: 8 characters, valid 7 days, one live code at a
 * time (a new one revokes the old). Only a student whose 生源 is 省级通过 can be found by it, so
 * only such a student may create one. The code is answered once; only its keyed hash is kept.
 */
import { replaceSigningCode } from '../../db/signing-codes';
import type { Db } from '../../db/client';
import { findStudent } from '../../db/students';
import { AppError } from '../../http/errors';
import { newId } from '../../lib/encoding';
import { keyedHash } from './keyed-hash';
import { newSigningCode, SIGNING_CODE_DAYS } from './signing-code';

export interface CreatedSigningCode {
  id: string;
  code: string;
  hint: string;
  createdAt: string;
  expiresAt: string;
}

export async function createSigningCode(env: Env, db: Db, studentId: string, now = new Date()): Promise<CreatedSigningCode> {
  const student = await findStudent(db, studentId);
  if (student?.sourceState !== 'approved') {
    throw new AppError(409, 'source_not_approved', '生源信息通过省级审核后才能生成签约码');
  }
  const createdAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + SIGNING_CODE_DAYS * 86_400_000).toISOString();
  const code = newSigningCode();
  const row = {
    id: newId(now.getTime()),
    studentId,
    codeHash: await keyedHash(env.SESSION_SECRET, 'signing-code', code),
    hint: code.slice(-2),
    createdAt,
    expiresAt,
  };
  await replaceSigningCode(db, row);
  return { id: row.id, code, hint: row.hint, createdAt, expiresAt };
}
