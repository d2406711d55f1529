/**
 * POST /api/employers: 用人单位注册 (no sign-in needed), and GET /api/employers/form: the latest
 * registration form, for the page shown before there is an account. The centre then reviews the
 * registration as a record of kind `employer-registrations` through the generic record routes.
 */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { rateLimitCounter } from '../auth/login-throttle';
import { lockedUntil, lockKeys } from '../db/login-locks';
import { registerEmployer } from '../domain/employers/register-employer';
import { assertRegistrationAllowed, TooManyRegistrations } from '../domain/employers/registration-throttle';
import { latestForm } from '../form-registry/registry';
import { contractBody } from '../middleware/contract-body';
import { RegisterBodySchema } from '../../contract/accounts';

/** Counts a registration attempt (the registration or its licence upload) of the client address. */
export async function registrationAllowed(c: Context<AppEnv>): Promise<void> {
  const db = c.get('db');
  await assertRegistrationAllowed(
    rateLimitCounter(c.env.REGISTER_IP_LIMITER),
    { lockedUntil: (keys, now) => lockedUntil(db, keys, now), lock: (keys, until) => lockKeys(db, keys, until) },
    c.req.header('CF-Connecting-IP') ?? null,
  ).catch((err: unknown) => {
    if (err instanceof TooManyRegistrations) c.header('Retry-After', String(err.retryAfter));
    throw err;
  });
}

export const employerRoutes = new Hono<AppEnv>()
  .get('/employers/form', async (c) => c.json(await latestForm(c.get('db'), 'employer')))
  .post('/employers', contractBody(RegisterBodySchema), async (c) => {
    const db = c.get('db');
    await registrationAllowed(c);
    const registered = await registerEmployer(db, await c.req.valid('json'));
    return c.json(registered, 201);
  });
