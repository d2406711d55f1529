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
  resetEmployerPassword,
  resetReviewerPassword,
  resetSchoolStudentPasswords,
  resetStudentPassword,
} from '../domain/accounts/reset-password';
import { contractBody } from '../middleware/contract-body';
import { requireActor } from '../middleware/require-actor';
import { ResetListBodySchema } from '../../contract/accounts';
import { downloadHeaders } from '../http/download';

const noStore = { 'Cache-Control': 'no-store' };

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
  .post('/source-records/reset-passwords', contractBody(ResetListBodySchema), async (c) => {
    const actor = await requireActor(c, { ability: 'reset_student_passwords_in_bulk' });
    const { students } = await c.req.valid('json');
    const credentials = await resetSchoolStudentPasswords(c.get('db'), actor, students);
    const csv = toCsv(
      ['用户名', '姓名', '一次性密码'],
      credentials.map((x) => [x.username, x.name, x.password]),
      [0],
    );
    return c.body(csv, 200, {
      ...noStore,
      ...downloadHeaders('csv', '重置密码'),
    });
  });
