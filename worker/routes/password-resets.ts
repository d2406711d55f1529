/**
 * 重置密码 (nobody is locked out): POST /api/students/:id/reset-password (the student's college or
 * school reviewer), /api/employers/:id/reset-password (the centre), /api/accounts/:username/reset-password
 * (the admin, for reviewers): `{ username, name, password }`, shown once. POST
 * /api/source-records/reset-passwords (school) `{ students: [student id or ID number, …] }` answers
 * a CSV of 用户名, 姓名, 一次性密码.
 */
import { Hono } from 'hono';
import { toCsv } from '../../forms/engine/csv';
import type { AppEnv } from '../app-env';
import {
  resetEmployerPassword, resetReviewerPassword, resetSchoolStudentPasswords, resetStudentPassword,
} from '../domain/accounts/reset-password';
import { readJsonObject } from '../http/body';
import { badRequest } from '../http/errors';
import { requireActor } from '../middleware/require-actor';

const noStore = { 'Cache-Control': 'no-store' };

function studentKeys(body: Record<string, unknown>): string[] {
  const list = body.students;
  if (!Array.isArray(list) || !list.every((k) => typeof k === 'string' && k.length <= 64)) {
    throw badRequest('bad_field', '请提供学生列表（学生编号或身份证号）', [{ path: 'students', code: 'type', message: '必须是字符串列表' }]);
  }
  return list as string[];
}

export const passwordResetRoutes = new Hono<AppEnv>()
  .post('/students/:id/reset-password', async (c) => {
    const actor = await requireActor(c, { ability: 'reset_student_password' });
    return c.json(await resetStudentPassword(c.get('db'), actor, c.req.param('id')), 200, noStore);
  })
  .post('/employers/:id/reset-password', async (c) => {
    const actor = await requireActor(c, { ability: 'reset_employer_password' });
    return c.json(await resetEmployerPassword(c.get('db'), actor, c.req.param('id')), 200, noStore);
  })
  .post('/accounts/:username/reset-password', async (c) => {
    const actor = await requireActor(c, { ability: 'reset_reviewer_password' });
    return c.json(await resetReviewerPassword(c.get('db'), actor, c.req.param('username')), 200, noStore);
  })
  .post('/source-records/reset-passwords', async (c) => {
    const actor = await requireActor(c, { ability: 'reset_student_passwords_in_bulk' });
    const credentials = await resetSchoolStudentPasswords(c.get('db'), actor, studentKeys(await readJsonObject(c)));
    const csv = toCsv(['用户名', '姓名', '一次性密码'], credentials.map((x) => [x.username, x.name, x.password]), [0]);
    return c.body(csv, 200, {
      ...noStore, 'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('重置密码.csv')}`,
    });
  });
