/**
 * 用人单位注册: one batch writes the employer (not yet verified), its account and the registration
 * record the centre reviews, with the registration's audit event and its 营业执照 uploads attached
 * to it — all or nothing.
 */
import { validate } from '../../../forms/engine';
import type { Actor } from '../../auth/actor';
import { hashPassword, passwordProblem } from '../../auth/password';
import { usernameProblem } from '../../../contract/account-rules';
import { runBatch } from '../../db/batch';
import type { Db } from '../../db/client';
import { creditCodeTaken, insertRegisteredEmployer, usernameTaken } from '../../db/employers';
import { insertRecord, isAbortedByGuard, isUniqueViolation } from '../../db/records';
import type { RecordRow } from '../../db/schema';
import { latestForm } from '../../form-registry/registry';
import { conflict, invalid, type FieldIssue } from '../../http/errors';
import { newId } from '../../lib/encoding';
import { auditWrites, NEW_RECORD } from '../../lifecycle/audit';
import { employerColumns } from '../../lifecycle/definitions/employer-registrations';
import { attachRegistrationFiles, checkRegistrationFiles } from './registration-uploads';

export interface RegisterEmployerInput {
  username: string;
  password: string;
  data?: unknown;
}

export interface RegisteredEmployer {
  id: string;
  employerId: string;
  username: string;
  state: string;
}

function checkCredentials(input: RegisterEmployerInput): FieldIssue[] {
  const fields: FieldIssue[] = [];
  const badName = usernameProblem(input.username);
  if (badName) fields.push({ path: 'username', code: 'pattern', message: badName });
  const problem = passwordProblem(input.password);
  if (problem) fields.push({ path: 'password', code: 'weak', message: problem });
  return fields;
}

export async function registerEmployer(db: Db, input: RegisterEmployerInput): Promise<RegisteredEmployer> {
  const form = await latestForm(db, 'employer');
  const result = validate(form.definition, input.data ?? {}, { role: 'employer', step: 'register' });
  const fields = [...checkCredentials(input), ...result.errors.map((e) => ({ path: `data.${e.path}`, code: e.code, message: e.message }))];
  if (fields.length) throw invalid('注册信息填写有误，请检查标红的字段', fields, 'validation');

  const data = result.values as Record<string, unknown>;
  const fileIds = await checkRegistrationFiles(db, form.definition, data);
  const columns = employerColumns(data);
  if (await creditCodeTaken(db, columns.creditCode)) {
    throw conflict('该统一社会信用代码已注册，请使用原账号登录；如遗忘账号请联系就业中心', 'credit_code_taken');
  }
  if (await usernameTaken(db, input.username)) throw conflict('该用户名已被使用，请换一个', 'username_taken');

  const employerId = 'emp-' + newId();
  const accountId = 'acc-' + newId();
  const now = new Date().toISOString();
  const actor: Pick<Actor, 'accountId' | 'displayName'> & { role: string } = { accountId, role: 'employer', displayName: columns.name };
  const record: RecordRow = {
    id: newId(),
    kind: 'employer-registrations',
    state: 'pending',
    version: 1,
    data,
    formKey: form.key,
    formVersion: form.version,
    studentId: null,
    schoolId: null,
    collegeId: null,
    employerId,
    cohort: null,
    parentId: null,
    mode: null,
    number: null,
    verifyCode: null,
    deadline: null,
    createdBy: accountId,
    createdAt: now,
    updatedAt: now,
    auditHead: null,
  };
  try {
    await runBatch(db, [
      ...insertRegisteredEmployer(
        db,
        { id: employerId, ...columns, createdAt: now },
        {
          id: accountId,
          username: input.username,
          passwordHash: await hashPassword(input.password),
          displayName: columns.name,
          phone: columns.contactPhone,
        },
      ),
      insertRecord(db, record),
      // the 营业执照 becomes the registration's: from now on only those who may read it see the file
      ...attachRegistrationFiles(db, record.id, fileIds),
      ...(await auditWrites(db, {
        recordId: record.id,
        kind: record.kind,
        action: 'create',
        fromState: null,
        toState: 'pending',
        actor,
        reason: null,
        data,
        at: now,
        head: NEW_RECORD,
      })),
    ]);
  } catch (err) {
    // Two registrations racing for one code or username: the database decides, the loser is told.
    if (isUniqueViolation(err)) throw conflict('该统一社会信用代码或用户名已被注册', 'duplicate');
    // the licence went to another registration between the check and the batch
    if (isAbortedByGuard(err)) throw conflict('上传的营业执照已用于其他注册，请重新上传', 'file_taken');
    throw err;
  }
  return { id: record.id, employerId, username: input.username, state: record.state };
}
