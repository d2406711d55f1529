/**
 * 学校导入生源: a school reviewer uploads the cohort roster (CSV or XLSX). Rows are validated
 * with the source form (workflow step `import`); bad rows are reported `{ row, field, message }`
 * and skipped. Import is idempotent by ID number: new students get a record, an account
 * (username = ID number) and a one-time initial password; students whose record is still with
 * the school (imported / returned) are updated; reviewed records are never overwritten.
 */
import { eq } from 'drizzle-orm';
import { allFields, validate } from '../../../forms/engine';
import type { FormDefinition } from '../../../forms/engine/types';
import { hashInitialPassword, randomInitialPassword } from '../../auth/password';
import type { Actor } from '../../auth/actor';
import { preChainEventsOf } from '../../db/audit-chain';
import { runBatch } from '../../db/batch';
import type { Db } from '../../db/client';
import { colleges } from '../../db/schema';
import {
  findStudentsByIdNumbers, insertStudentsStatements, updateRecordsStatements,
  type NewStudentRow, type UpdatedRecordRow,
} from '../../db/source-import';
import { eventHash, GENESIS, preChainSeal } from '../audit/event-hash';
import { badRequest, forbidden } from '../../http/errors';
import { canonicalJson } from '../../lib/canonical-json';
import { newId, sha256Hex } from '../../lib/encoding';
import type { Table } from './read-table';

export const MAX_IMPORT_ROWS = 20_000;

export interface ImportRowError { row: number; field: string; message: string }
export interface ImportCredential { username: string; name: string; password: string }
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  credentials: ImportCredential[];
}

/** Header text → field key: the key itself or its Chinese label. */
export function headerMap(definition: FormDefinition, headers: string[]): { columns: (string | null)[]; unknown: string[] } {
  const byName = new Map<string, string>();
  for (const f of allFields(definition)) {
    if (f.type === 'group' || f.type === 'file' || f.computed) continue;
    byName.set(f.key.toLowerCase(), f.key);
    byName.set(f.label, f.key);
  }
  const columns = headers.map((h) => byName.get(h) ?? byName.get(h.toLowerCase()) ?? byName.get(h.replace(/[*＊\s]/g, '')) ?? null);
  return { columns, unknown: headers.filter((h, i) => h !== '' && columns[i] === null) };
}

export async function importSourceRecords(db: Db, actor: Actor, form: { version: number; definition: FormDefinition }, table: Table): Promise<ImportResult> {
  if (actor.role !== 'school' || !actor.schoolId) throw forbidden('只有学校审核员可以导入生源');
  const schoolId = actor.schoolId;
  if (table.rows.length > MAX_IMPORT_ROWS) throw badRequest('too_many_rows', `一次最多导入 ${MAX_IMPORT_ROWS} 行`);
  const { columns, unknown } = headerMap(form.definition, table.headers);
  for (const required of ['idNumber', 'name', 'college', 'cohort']) {
    if (!columns.includes(required)) {
      const label = allFields(form.definition).find((f) => f.key === required)?.label ?? required;
      throw badRequest('missing_column', `缺少必需的列「${label}」`, [{ path: required, code: 'required', message: '缺少此列' }]);
    }
  }

  const collegeRows = await db.select().from(colleges).where(eq(colleges.schoolId, schoolId));
  const collegeByName = new Map(collegeRows.map((c) => [c.name, c.id]));
  const errors: ImportRowError[] = unknown.map((h) => ({ row: 1, field: h, message: `无法识别的列「${h}」，已忽略` }));
  const valid: Array<{ row: number; values: Record<string, unknown>; collegeId: string }> = [];
  const seen = new Map<string, number>();

  table.rows.forEach((cells, index) => {
    const row = index + 2; // 1-based, after the header row
    const input: Record<string, unknown> = {};
    columns.forEach((key, i) => { if (key && cells[i] !== undefined && cells[i] !== '') input[key] = cells[i]; });
    const result = validate(form.definition, input, { role: 'school', step: 'import' });
    const rowErrors = result.errors.map((e) => ({ row, field: e.path, message: e.message }));
    const idNumber = String(result.values.idNumber ?? '');
    const collegeId = collegeByName.get(String(result.values.college ?? ''));
    if (result.values.college && !collegeId) rowErrors.push({ row, field: 'college', message: `本校没有名为「${String(result.values.college)}」的学院` });
    if (idNumber && seen.has(idNumber)) rowErrors.push({ row, field: 'idNumber', message: `身份证号与第 ${seen.get(idNumber)} 行重复` });
    if (rowErrors.length > 0 || !collegeId) { errors.push(...rowErrors); return; }
    seen.set(idNumber, row);
    valid.push({ row, values: result.values as Record<string, unknown>, collegeId });
  });

  const existing = await findStudentsByIdNumbers(db, valid.map((v) => v.values.idNumber as string));
  const now = new Date().toISOString();
  const created: NewStudentRow[] = [];
  const updated: UpdatedRecordRow[] = [];
  const credentials: ImportCredential[] = [];
  let unchanged = 0;
  // Records imported before the audit chain existed: their first hashed event seals the old ones.
  const preChain = await preChainEventsOf(db, [...existing.values()].filter((f) => f.recordId && !f.auditHead).map((f) => f.recordId as string));
  const importEventLink = async (e: { eventId: string; recordId: string; fromState: string | null; toState: string; reason: string | null; digest: string; prevHash: string }) => ({
    prevHash: e.prevHash,
    hash: await eventHash({
      id: e.eventId, recordId: e.recordId, kind: 'source-records', action: 'import', fromState: e.fromState, toState: e.toState,
      actorId: actor.accountId, actorRole: 'school', actorName: actor.displayName, reason: e.reason, dataDigest: e.digest, at: now, prevHash: e.prevHash,
    }),
  });

  for (const { row, values, collegeId } of valid) {
    const idNumber = values.idNumber as string;
    const name = values.name as string;
    const phone = typeof values.mobile === 'string' ? values.mobile : null;
    const cohort = Number(values.cohort);
    const data = canonicalJson(values);
    const found = existing.get(idNumber);
    if (!found) {
      const password = randomInitialPassword();
      credentials.push({ username: idNumber, name, password });
      const ids = { studentId: newId(), recordId: newId(), accountId: newId(), eventId: newId() };
      const digest = await sha256Hex(data);
      const link = await importEventLink({ eventId: ids.eventId, recordId: ids.recordId, fromState: null, toState: 'imported', reason: null, digest, prevHash: GENESIS });
      created.push({
        ...ids, collegeId, cohort, idNumber, name, phone, data,
        passwordHash: await hashInitialPassword(password), digest, ...link,
      });
    } else if (found.schoolId !== schoolId) {
      errors.push({ row, field: 'idNumber', message: '该身份证号已由其他学校导入，请与省级管理员联系' });
    } else if (!found.recordId || !found.state || !['imported', 'returned'].includes(found.state)) {
      errors.push({ row, field: 'idNumber', message: '该学生的生源信息已提交或已审核，导入不会覆盖；如需修改请先退回' });
    } else if (found.data && canonicalJson(JSON.parse(found.data)) === data) {
      unchanged++;
    } else {
      const eventId = newId();
      const digest = await sha256Hex(data);
      const prevHash = found.auditHead ?? await preChainSeal(preChain.filter((e) => e.recordId === found.recordId));
      const link = await importEventLink({ eventId, recordId: found.recordId, fromState: found.state, toState: found.state, reason: '重新导入', digest, prevHash });
      updated.push({
        recordId: found.recordId, studentId: found.id, eventId, version: found.version ?? 1, state: found.state,
        collegeId, cohort, name, phone, data, digest, head: found.auditHead, ...link,
      });
    }
  }

  const actorRef = { id: actor.accountId, name: actor.displayName, at: now };
  const statements = [...insertStudentsStatements(db, created, { schoolId, formVersion: form.version }, actorRef), ...updateRecordsStatements(db, updated, actorRef)];
  if (statements.length > 0) await runBatch(db, statements);
  errors.sort((a, b) => a.row - b.row);
  return { created: created.length, updated: updated.length, unchanged, errors, credentials };
}
