/**
 * The operator's switch for notification writing (docs/deploy.md, `NOTIFICATIONS`): "off" writes no
 * in-app message and queues no e-mail or SMS for any create or transition, e.g. during an incident
 * with the mail or SMS provider. Anything else — the default "on" included — writes them as usual.
 */
export function notificationsOn(env: Pick<Env, 'NOTIFICATIONS'>): boolean {
  return env.NOTIFICATIONS !== 'off';
}
