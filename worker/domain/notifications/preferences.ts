/**
 * 消息提醒设置: per category, whether e-mail and SMS go out (in-app stays on). The answer lists
 * every category with both channels; a PUT names each category it changes.
 */
import type { Db } from '../../db/client';
import { optOutsOf, replaceOptOuts, type Channel } from '../../db/notification-preferences';
import type { FieldIssue } from '../../http/errors';
import { invalid } from '../../http/errors';
import { CATEGORIES, type Category } from '../../lifecycle/notifications/rules';
import type { Unchecked } from '../../middleware/contract-body';
import type { PreferencesBodySchema } from '../../../contract/notifications';
import type * as v from 'valibot';

export interface CategoryPreference {
  category: Category;
  label: string;
  email: boolean;
  sms: boolean;
}

export async function readPreferences(db: Db, accountId: string): Promise<CategoryPreference[]> {
  const off = await optOutsOf(db, accountId);
  const isOff = (category: string, channel: Channel) => off.some((o) => o.category === category && o.channel === channel);
  return (Object.keys(CATEGORIES) as Category[]).map((category) => ({
    category,
    label: CATEGORIES[category],
    email: !isOff(category, 'email'),
    sms: !isOff(category, 'sms'),
  }));
}

/** `{ preferences: [{ category, email, sms }] }`: categories left out keep their setting. Bad input changes nothing. */
export async function savePreferences(
  db: Db,
  accountId: string,
  body: Unchecked<v.InferOutput<typeof PreferencesBodySchema>>,
): Promise<CategoryPreference[]> {
  const list = body.preferences;
  const fields: FieldIssue[] = [];
  if (!Array.isArray(list))
    throw invalid('提醒设置格式不正确', [{ path: 'preferences', code: 'type', message: '必须是列表' }], 'validation');
  const current = await readPreferences(db, accountId);
  list.forEach((item, i) => {
    const p = item as Record<string, unknown> | null;
    const at = current.find((c) => c.category === p?.category);
    if (!p || typeof p !== 'object' || !at)
      return fields.push({ path: `preferences.${i}.category`, code: 'enum', message: '没有这个消息类别' });
    for (const channel of ['email', 'sms'] as const) {
      if (p[channel] === undefined) continue;
      if (typeof p[channel] !== 'boolean') fields.push({ path: `preferences.${i}.${channel}`, code: 'type', message: '必须是是或否' });
      else at[channel] = p[channel];
    }
  });
  if (fields.length) throw invalid('提醒设置未保存，请检查标红的项', fields, 'validation');
  await replaceOptOuts(
    db,
    accountId,
    current.flatMap((c) => (['email', 'sms'] as const).filter((ch) => !c[ch]).map((channel) => ({ category: c.category, channel }))),
  );
  return current;
}
