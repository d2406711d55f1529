/**
 * 学校导入生源: a school reviewer uploads the cohort roster (CSV or XLSX). Rows are validated
 * with the source form (workflow step `import`), whose engine reads values as people type them
 * (labels, region names, loose dates …). Bad rows are skipped and reported so a registrar can act:
 * file row, the student's name and ID number as typed, the column, the value as typed, what was
 * wrong and what the column accepts; `problemList` is the refused rows as they were, plus a
 * 问题 column, ready to be fixed and imported again as is. Import is idempotent by ID number: new students get a record, an account
 * (username = ID number) and a one-time initial password; students whose record is still with
 * the school (imported / returned) are updated; reviewed records are never overwritten.
 */
import { eq } from 'drizzle-orm';
import { allFields, validate } from '../../../forms/engine';
import { acceptedText } from '../../../forms/engine/normalize';
import type { FieldDef, FormDefinition } from '../../../forms/engine/types';
import { hashInitialPassword, randomInitialPassword } from '../../auth/password';
import type { Actor } from '../../auth/actor';
import { preChainEventsOf } from '../../db/audit-chain';
import { runBatch } from '../../db/batch';
import type { Db } from '../../db/client';
import { colleges } from '../../db/schema';
import {
  findStudentsByIdNumbers,
  insertStudentsStatements,
  updateRecordsStatements,
  type NewStudentRow,
  type UpdatedRecordRow,
} from '../../db/source-import';
import { eventHash, GENESIS, preChainSeal } from '../audit/event-hash';
import { badRequest, forbidden } from '../../http/errors';
import { canonicalJson } from '../../lib/canonical-json';
import { newId, sha256Hex } from '../../lib/encoding';
import { valueText } from '../../lib/value-text';
import { MAX_IMPORT_ROWS } from './limits';
import type { Table } from './read-table';
import { isTemplateExample, TEMPLATE_EXAMPLE_MESSAGE } from './template-example';

export { MAX_IMPORT_ROWS } from './limits';

export interface ImportRowError {
  /** the row in the file (the header is row 1) */
  row: number;
  /** field key, or the header text of an unknown column */
  field: string;
  message: string;
  /** the column's header as written in the file */
  column?: string;
  /** the cell as typed */
  value?: string;
  /** what the column accepts */
  accepted?: string;
  /** the row's 姓名 and 身份证号 as typed, when present */
  name?: string;
  idNumber?: string;
}
/** The refused rows as they were in the file plus a 问题 column: fix and import again as is. */
export interface ProblemList {
  header: string[];
  rows: string[][];
}
export interface ImportCredential {
  username: string;
  name: string;
  password: string;
}
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  credentials: ImportCredential[];
  problemList: ProblemList;
}

/** The header of the problem column; ignored when a problem list is imported again. */
export const PROBLEM_COLUMN = '问题';

/** Header text → field key: the key itself or its Chinese label. */
export function headerMap(definition: FormDefinition, headers: string[]): { columns: (string | null)[]; unknown: string[] } {
  const byName = new Map<string, string>();
  for (const f of allFields(definition)) {
    if (f.type === 'group' || f.type === 'file' || f.computed) continue;
    byName.set(f.key.toLowerCase(), f.key);
    byName.set(f.label, f.key);
  }
  const columns = headers.map((h) => byName.get(h) ?? byName.get(h.toLowerCase()) ?? byName.get(h.replace(/[*＊\s]/g, '')) ?? null);
  return { columns, unknown: headers.filter((h, i) => h !== '' && h !== PROBLEM_COLUMN && columns[i] === null) };
}

export async function importSourceRecords(
  db: Db,
  actor: Actor,
  form: { version: number; definition: FormDefinition },
  table: Table,
): Promise<ImportResult> {
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
  const errors: ImportRowError[] = unknown.map((h) => ({ row: 1, field: h, column: h, message: `无法识别的列「${h}」，已忽略` }));
  const valid: Array<{ row: number; values: Record<string, unknown>; collegeId: string }> = [];
  const seen = new Map<string, number>();
  const report = problemReporter(form.definition, table, columns);
  const collegeNames = collegeRows.map((c) => c.name).join('、');

  table.rows.forEach((cells, index) => {
    const row = lineOf(table, index);
    const input: Record<string, unknown> = {};
    columns.forEach((key, i) => {
      if (key && cells[i] !== undefined && cells[i] !== '') input[key] = cells[i];
    });
    if (isTemplateExample(form.definition, input.idNumber)) {
      errors.push({ ...report(row, 'idNumber', TEMPLATE_EXAMPLE_MESSAGE), accepted: undefined });
      return;
    }
    const result = validate(form.definition, input, { role: 'school', step: 'import' });
    const rowErrors = result.errors.map((e) => report(row, e.path, e.message, e.code));
    const idNumber = valueText(result.values.idNumber);
    const collegeId = collegeByName.get(valueText(result.values.college));
    if (result.values.college && !collegeId) {
      rowErrors.push({ ...report(row, 'college', `本校没有名为「${valueText(result.values.college)}」的学院`), accepted: collegeNames });
    }
    if (idNumber && seen.has(idNumber))
      rowErrors.push(report(row, 'idNumber', `身份证号与第 ${seen.get(idNumber)} 行重复，同一学生只导入第一次出现的那一行`));
    if (rowErrors.length > 0 || !collegeId) {
      errors.push(...rowErrors);
      return;
    }
    seen.set(idNumber, row);
    valid.push({ row, values: result.values, collegeId });
  });

  const existing = await findStudentsByIdNumbers(
    db,
    valid.map((v) => v.values.idNumber as string),
  );
  const now = new Date().toISOString();
  const created: NewStudentRow[] = [];
  const updated: UpdatedRecordRow[] = [];
  const credentials: ImportCredential[] = [];
  let unchanged = 0;
  // Records imported before the audit chain existed: their first hashed event seals the old ones.
  const preChain = await preChainEventsOf(
    db,
    [...existing.values()].filter((f) => f.recordId && !f.auditHead).map((f) => f.recordId as string),
  );
  const importEventLink = async (e: {
    eventId: string;
    recordId: string;
    fromState: string | null;
    toState: string;
    reason: string | null;
    digest: string;
    prevHash: string;
  }) => ({
    prevHash: e.prevHash,
    hash: await eventHash({
      id: e.eventId,
      recordId: e.recordId,
      kind: 'source-records',
      action: 'import',
      fromState: e.fromState,
      toState: e.toState,
      actorId: actor.accountId,
      actorRole: 'school',
      actorName: actor.displayName,
      reason: e.reason,
      dataDigest: e.digest,
      at: now,
      prevHash: e.prevHash,
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
      const link = await importEventLink({
        eventId: ids.eventId,
        recordId: ids.recordId,
        fromState: null,
        toState: 'imported',
        reason: null,
        digest,
        prevHash: GENESIS,
      });
      created.push({
        ...ids,
        collegeId,
        cohort,
        idNumber,
        name,
        phone,
        data,
        passwordHash: await hashInitialPassword(password),
        digest,
        ...link,
      });
    } else if (found.schoolId !== schoolId) {
      errors.push(report(row, 'idNumber', '该身份证号已由其他学校导入，请与省级管理员联系'));
    } else if (!found.recordId || !found.state || !['imported', 'returned'].includes(found.state)) {
      errors.push(report(row, 'idNumber', '该学生的生源信息已提交或已审核，导入不会覆盖；如需修改请先退回'));
    } else if (found.data && canonicalJson(JSON.parse(found.data)) === data) {
      unchanged++;
    } else {
      const eventId = newId();
      const digest = await sha256Hex(data);
      const prevHash = found.auditHead ?? (await preChainSeal(preChain.filter((e) => e.recordId === found.recordId)));
      const link = await importEventLink({
        eventId,
        recordId: found.recordId,
        fromState: found.state,
        toState: found.state,
        reason: '重新导入',
        digest,
        prevHash,
      });
      updated.push({
        recordId: found.recordId,
        studentId: found.id,
        eventId,
        version: found.version ?? 1,
        state: found.state,
        collegeId,
        cohort,
        name,
        phone,
        data,
        digest,
        head: found.auditHead,
        ...link,
      });
    }
  }

  const actorRef = { id: actor.accountId, name: actor.displayName, at: now };
  const statements = [
    ...insertStudentsStatements(db, created, { schoolId, formVersion: form.version }, actorRef),
    ...updateRecordsStatements(db, updated, actorRef),
  ];
  if (statements.length > 0) await runBatch(db, statements);
  errors.sort((a, b) => a.row - b.row);
  return { created: created.length, updated: updated.length, unchanged, errors, credentials, problemList: problemList(table, errors) };
}

/**
 * Builds the full report of one problem: the row's name and ID number as typed, the column's
 * header, the cell as typed and what the column accepts. A coded value the table does not hold
 * is reported in words that make sense in a file (not 「请从列表中选择」).
 */
function problemReporter(definition: FormDefinition, table: Table, columns: (string | null)[]) {
  const fields = new Map<string, FieldDef>();
  for (const f of allFields(definition)) fields.set(f.key, f);
  const columnOf = new Map<string, number>();
  columns.forEach((key, i) => {
    if (key && !columnOf.has(key)) columnOf.set(key, i);
  });
  const cellsOf = rowsByLine(table);
  const cell = (row: number, key: string): string | undefined => {
    const i = columnOf.get(key);
    const text = i === undefined ? undefined : cellsOf.get(row)?.[i];
    return text === undefined || text === '' ? undefined : text;
  };
  return (row: number, path: string, message: string, code?: string): ImportRowError => {
    const [key = path] = path.split('.', 1);
    const field = fields.get(key);
    const i = columnOf.get(key);
    const value = cell(row, key);
    const label = field?.label ?? key;
    // a file has no list to pick from: 「请选择…」 is worded for what was typed
    const wording =
      code === 'code' && value !== undefined
        ? `${label}「${value}」不是可选的值`
        : code === 'region' && value !== undefined && message.startsWith('请选择')
          ? `${label}「${value}」不够具体，请写到区县（如 江苏省南京市玄武区）`
          : message.replace(/^请选择/, '请填写');
    const out: ImportRowError = { row, field: path, message: wording, column: i === undefined ? label : table.headers[i] };
    if (value !== undefined) out.value = value;
    if (field) {
      const accepted = acceptedText(field, definition);
      if (accepted) out.accepted = code === 'required' ? `必填：${accepted}` : accepted;
    }
    const name = cell(row, 'name');
    const idNumber = cell(row, 'idNumber');
    if (name !== undefined) out.name = name;
    if (idNumber !== undefined) out.idNumber = idNumber;
    return out;
  };
}

/** The row of the file that `table.rows[index]` came from. */
function lineOf(table: Table, index: number): number {
  const line = table.lines[index];
  if (line === undefined) throw new Error(`row ${index} of the table has no line number`);
  return line;
}

function rowsByLine(table: Table): Map<number, string[]> {
  return new Map(table.rows.map((cells, i) => [lineOf(table, i), cells]));
}

/** The refused rows as in the file, in file order, each with its problems joined in a 问题 column. */
export function problemList(table: Table, errors: ImportRowError[]): ProblemList {
  const problemIndex = table.headers.indexOf(PROBLEM_COLUMN);
  const header = problemIndex >= 0 ? table.headers : [...table.headers, PROBLEM_COLUMN];
  const at = problemIndex >= 0 ? problemIndex : table.headers.length;
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    if (e.row < 2) continue;
    const text = `${e.column ?? e.field}：${e.message}${e.value !== undefined && !e.message.includes(e.value) ? `（填写的是「${e.value}」）` : ''}${e.accepted ? `；可填：${e.accepted}` : ''}`;
    const list = byRow.get(e.row);
    if (list) list.push(text);
    else byRow.set(e.row, [text]);
  }
  const cellsOf = rowsByLine(table);
  const rows = [...byRow]
    .sort(([a], [b]) => a - b)
    .map(([row, problems]) => {
      const cells = header.map((_, i) => cellsOf.get(row)?.[i] ?? '');
      cells[at] = problems.join('；');
      return cells;
    });
  return { header, rows };
}
