import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { requiredSecretsOf } from '../config/required-secrets';

/**
 * Refuses every request while a required secret is missing or unsafe (see
 * `config/required-secrets.ts`): a deployment without its session key must not sign cookies with
 * a guessable one. The reason is logged once per isolate; the client only learns that the service
 * is misconfigured.
 */
export const requireSecrets = createMiddleware<AppEnv>(async (c, next) => {
  if (!requiredSecretsOf(c.env).ok) {
    return c.json({ error: { code: 'misconfigured', message: '服务配置不完整，请联系管理员' } }, 503);
  }
  await next();
});
