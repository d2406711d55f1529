/**
 * POST /api/employers: 用人单位注册 (no sign-in needed). The centre then reviews the registration
 * as a record of kind `employer-registrations` through the generic record routes.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { registerEmployer } from '../domain/employers/register-employer';
import { readJsonObject, requiredString } from '../http/body';

export const employerRoutes = new Hono<AppEnv>().post('/employers', async (c) => {
  const body = await readJsonObject(c);
  const registered = await registerEmployer(c.get('db'), {
    username: requiredString(body, 'username', 64).trim(),
    password: requiredString(body, 'password', 128),
    data: body.data,
  });
  return c.json(registered, 201);
});
