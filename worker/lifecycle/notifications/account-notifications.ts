/** Notifications about an account rather than a record (ACCOUNT_RULES), for the write that causes them. */
import type { Actor } from '../../auth/actor';
import type { Write } from '../../db/batch';
import type { Db } from '../../db/client';
import { notificationWrites } from '../../db/notifications';
import { newId } from '../../lib/encoding';
import { render } from './render';
import { ACCOUNT_RULES } from './rules';

/** 您的密码已被重置: to the account itself (in-app at its next sign-in, and by e-mail/SMS at once). */
export function passwordResetNotification(db: Db, accountId: string, actor: Pick<Actor, 'displayName'>, now: string): Write[] {
  const rule = ACCOUNT_RULES.passwordReset;
  const values = { actor: actor.displayName };
  return notificationWrites(
    db,
    {
      eventId: newId(),
      category: rule.category,
      event: 'accounts.reset-password',
      title: render(rule.title, values),
      body: render(rule.body, values),
      recordKind: null,
      recordId: null,
      now,
    },
    { accountId },
  );
}
