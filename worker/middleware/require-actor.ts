import type { Context } from 'hono';
import type { Role } from '../../forms/engine/types';
import type { AppEnv } from '../app-env';
import type { Actor } from '../auth/actor';
import { hasAbility } from '../auth/abilities';
import type { Ability } from '../../contract/abilities';
import type { BatchedRead } from '../db/batch';
import { AppError, forbidden, unauthorized } from '../http/errors';

export interface RequireOptions {
  roles?: readonly Role[];
  /** the roles that have this ability (worker/auth/abilities.ts), the same table the session answer lists */
  ability?: Ability;
  /** the password-change endpoints are the only ones an initial password may use */
  allowInitialPassword?: boolean;
  /** a student must confirm identity and contact details (初次进入) before anything else */
  allowUnconfirmedIdentity?: boolean;
}

function allowed(actor: Actor | undefined, options: RequireOptions): Actor {
  if (!actor) throw unauthorized();
  if (actor.mustChangePassword && !options.allowInitialPassword) {
    throw new AppError(403, 'password_change_required', '首次登录请先修改初始密码');
  }
  if (actor.role === 'student' && !actor.identityConfirmed && !options.allowUnconfirmedIdentity && !options.allowInitialPassword) {
    throw new AppError(403, 'identity_confirmation_required', '首次使用请先确认身份并填写个人联系方式');
  }
  if (options.roles && !options.roles.includes(actor.role)) throw forbidden();
  if (options.ability && !hasAbility(actor.role, options.ability)) throw forbidden();
  return actor;
}

/** The signed-in actor, or a 401/403 that says why not. */
export async function requireActor(c: Context<AppEnv>, options: RequireOptions = {}): Promise<Actor> {
  return allowed((await c.get('session').resolve())?.actor, options);
}

/**
 * The signed-in actor and `read`, read in the same round trip as the session; the same 401/403
 * as `requireActor`, and the read's value only once the actor passed.
 */
export async function requireActorWith<T>(
  c: Context<AppEnv>,
  read: BatchedRead<T>,
  options: RequireOptions = {},
): Promise<[Actor, T | undefined]> {
  const [session, value] = await c.get('session').resolveWith(read);
  return [allowed(session?.actor, options), value];
}
