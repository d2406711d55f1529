/**
 * The secrets the worker cannot run without, checked once per isolate (per `env` object).
 *
 * Production (anything but `ENVIRONMENT = "development"`) requires each secret to be set with
 * `wrangler secret put`, at least 32 characters long and not one of the values that were ever
 * published as development defaults. Local development (`.dev.vars`, written by
 * `scripts/ensure-dev-vars.ts`, sets `ENVIRONMENT=development`) only requires it to be present.
 */

/** The secrets `Env` must carry; their values are never logged. */
export const REQUIRED_SECRETS = ['SESSION_SECRET'] as const;
export type RequiredSecret = (typeof REQUIRED_SECRETS)[number];

export const MIN_SECRET_LENGTH = 32;

/** Values that have been public (the repository's old committed default): anyone can sign with them. */
export const KNOWN_DEVELOPMENT_VALUES: readonly string[] = ['local-development-secret-change-me-in-production'];

export type SecretsCheck = { ok: true } | { ok: false; secret: RequiredSecret; problem: string };

type SecretsEnv = Partial<Record<RequiredSecret, unknown>> & { ENVIRONMENT?: unknown };

export function isDevelopment(env: SecretsEnv): boolean {
  return env.ENVIRONMENT === 'development';
}

/** Why the environment cannot serve, or ok. Pure: no caching, no logging. */
export function checkRequiredSecrets(env: SecretsEnv): SecretsCheck {
  const development = isDevelopment(env);
  for (const secret of REQUIRED_SECRETS) {
    const value = env[secret];
    if (typeof value !== 'string' || value.trim() === '') {
      return {
        ok: false,
        secret,
        problem: development
          ? 'is not set (run `npm start` or scripts/ensure-dev-vars.ts to write .dev.vars)'
          : 'is not set (wrangler secret put ' + secret + ')',
      };
    }
    if (development) continue;
    if (KNOWN_DEVELOPMENT_VALUES.includes(value)) {
      return { ok: false, secret, problem: 'is a published development value; set a random one with `wrangler secret put ' + secret + '`' };
    }
    if (value.length < MIN_SECRET_LENGTH) {
      return {
        ok: false,
        secret,
        problem: `is shorter than ${MIN_SECRET_LENGTH} characters; set a random one with \`wrangler secret put ${secret}\``,
      };
    }
  }
  return { ok: true };
}

const checked = new WeakMap<object, SecretsCheck>();

/**
 * The check for this `env`, computed and (when failing) logged once: the same `env` object lives
 * as long as the isolate, so a misconfigured deployment logs one line per isolate, not per request.
 */
export function requiredSecretsOf(env: SecretsEnv): SecretsCheck {
  let result = checked.get(env);
  if (!result) {
    result = checkRequiredSecrets(env);
    checked.set(env, result);
    if (!result.ok) {
      const mode = isDevelopment(env) ? 'development' : 'production';
      console.error(`misconfigured: secret ${result.secret} ${result.problem} (${mode} mode); refusing to serve`);
    }
  }
  return result;
}
