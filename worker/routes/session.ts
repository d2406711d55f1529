/** POST/GET/DELETE /api/session and POST /api/session/password (docs/architecture.md, the HTTP API). */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import type { Actor } from '../auth/actor';
import { abilitiesOf, modulesOf } from '../auth/abilities';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password';
import { endSession, startSession } from '../auth/session';
import { LoginThrottle, rateLimitCounter, TooManyAttempts } from '../auth/login-throttle';
import { lockedUntil, lockKeys } from '../db/login-locks';
import {
  changePassword,
  deleteSession,
  findAccountById,
  findAccountByUsername,
  scopeNames,
  studentIdNumber,
  toActor,
} from '../db/accounts';
import { readContact } from '../domain/student-contacts/read-contact';
import { saveStudentContact } from '../domain/student-contacts/save-contact';
import type { Db } from '../db/client';
import { AppError, invalid } from '../http/errors';
import { contractBody } from '../middleware/contract-body';
import { requireActor } from '../middleware/require-actor';
import type { AnswerOf } from '../../contract/route';
import { IdentityBodySchema, LoginBodySchema, PasswordChangeBodySchema, type UserSchema } from '../../contract/session';

async function userView(db: Db, actor: Actor): Promise<AnswerOf<typeof UserSchema>> {
  const names = await scopeNames(db, actor);
  return {
    id: actor.accountId,
    username: actor.username,
    role: actor.role,
    displayName: actor.displayName,
    mustChangePassword: actor.mustChangePassword,
    identityConfirmed: actor.identityConfirmed,
    scope: {
      schoolId: actor.schoolId,
      schoolName: names.schoolName,
      collegeId: actor.collegeId,
      collegeName: names.collegeName,
      employerId: actor.employerId,
      employerName: names.employerName,
      studentId: actor.studentId,
    },
    abilities: abilitiesOf(actor.role),
    modules: modulesOf(actor.role),
  };
}

const badCredentials = () => new AppError(401, 'bad_credentials', '用户名或密码错误');

function loginThrottle(env: Env, db: Db, what?: string): LoginThrottle {
  return new LoginThrottle(
    { account: rateLimitCounter(env.LOGIN_ACCOUNT_LIMITER), ip: rateLimitCounter(env.LOGIN_IP_LIMITER) },
    { lockedUntil: (keys, now) => lockedUntil(db, keys, now), lock: (keys, until) => lockKeys(db, keys, until) },
    undefined,
    what,
  );
}

/** Runs a sign-in step; a 429 carries Retry-After. */
async function throttled<T>(c: Context, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    if (err instanceof TooManyAttempts) c.header('Retry-After', String(err.retryAfter));
    throw err;
  }
}

export const sessionRoutes = new Hono<AppEnv>()
  .post('/session', contractBody(LoginBodySchema), async (c) => {
    const { username, password } = await c.req.valid('json');
    const db = c.get('db');
    const throttle = loginThrottle(c.env, db);
    const attempt = { username, ip: c.req.header('CF-Connecting-IP') ?? null };
    const account = await throttled(c, async () => {
      await throttle.assertOpen(attempt);
      const found = await findAccountByUsername(db, username);
      // an unknown name is checked against no hash at the cost of a real one: same time, same answer
      const ok = await verifyPassword(password, found?.passwordHash ?? null);
      if (found && ok) return found;
      await throttle.recordFailure(attempt);
      throw badCredentials();
    });
    // A fresh token on every login: a cookie planted before login never becomes a session.
    const previous = (await c.get('session').resolve())?.sessionId;
    if (previous) await deleteSession(db, previous);
    await startSession(c, db, c.env.SESSION_SECRET, account.id);
    return c.json({ user: await userView(db, toActor(account)) });
  })
  .get('/session', async (c) => {
    const actor = await requireActor(c, { allowInitialPassword: true });
    return c.json({ user: await userView(c.get('db'), actor) });
  })
  .delete('/session', async (c) => {
    await endSession(c, c.get('db'), (await c.get('session').resolve())?.sessionId ?? null);
    return c.json({ ok: true });
  })
  // 初次进入: the student confirms who they are (their full ID number) and leaves contact details.
  .post('/session/identity', contractBody(IdentityBodySchema), async (c) => {
    const actor = await requireActor(c, { roles: ['student'], allowUnconfirmedIdentity: true });
    const { idNumber, ...given } = await c.req.valid('json');
    const db = c.get('db');
    const { contact, fields } = readContact(given);
    if (!actor.studentId || (await studentIdNumber(db, actor.studentId)) !== idNumber)
      fields.unshift({ path: 'idNumber', code: 'mismatch', message: '身份证号与学校导入的信息不一致' });
    if (fields.length) throw invalid('身份确认未通过，请检查标红的字段', fields, 'validation');
    // the same one place as 基本信息: what is confirmed here is what employers and agreements use
    await saveStudentContact(db, actor, contact, new Date().toISOString(), { confirmIdentity: true });
    return c.json({ user: await userView(db, { ...actor, identityConfirmed: true }) });
  })
  .post('/session/password', contractBody(PasswordChangeBodySchema), async (c) => {
    const actor = await requireActor(c, { allowInitialPassword: true });
    const { currentPassword, newPassword } = await c.req.valid('json');
    const db = c.get('db');
    const throttle = loginThrottle(c.env, db, '密码验证');
    const attempt = { username: actor.username, ip: c.req.header('CF-Connecting-IP') ?? null };
    await throttled(c, async () => {
      await throttle.assertOpen(attempt);
      const account = await findAccountById(db, actor.accountId);
      if (account && (await verifyPassword(currentPassword, account.passwordHash))) return;
      await throttle.recordFailure(attempt);
      throw invalid('当前密码不正确', [{ path: 'currentPassword', code: 'mismatch', message: '当前密码不正确' }], 'bad_credentials');
    });
    const problem = passwordProblem(newPassword);
    if (problem) throw invalid(problem, [{ path: 'newPassword', code: 'weak', message: problem }], 'weak_password');
    if (newPassword === currentPassword) {
      throw invalid(
        '新密码不能与当前密码相同',
        [{ path: 'newPassword', code: 'same', message: '新密码不能与当前密码相同' }],
        'weak_password',
      );
    }
    await changePassword(db, actor.accountId, await hashPassword(newPassword), (await c.get('session').resolve())?.sessionId ?? '');
    return c.json({ user: await userView(db, { ...actor, mustChangePassword: false }) });
  });
