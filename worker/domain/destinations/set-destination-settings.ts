/**
 * The province sets a cohort's 毕业去向登记 rules: the last day a registered student may change
 * destination, and which codes the centre reviews after the school (always 10, as the dispatch).
 */
import { codeLabel } from '../../../forms/engine';
import { isCalendarDate } from '../../../forms/engine/dates';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { destinationSettingsOf, saveDestinationSettingsWrite, type DestinationSettings } from '../../db/destination-settings';
import { badRequest, invalid, type FieldIssue } from '../../http/errors';
import type { Unchecked } from '../../middleware/contract-body';
import type { DestinationSettingsBodySchema } from '../../../contract/destinations';
import type * as v from 'valibot';

/** A cohort in the path: a graduation year. */
export function readCohort(raw: string): number {
  const cohort = Number(raw);
  if (!/^\d{4}$/.test(raw) || cohort < 2000 || cohort > 2100)
    throw badRequest('bad_field', '毕业届须为四位年份', [{ path: 'cohort', code: 'type', message: '如 2027' }]);
  return cohort;
}

export async function setDestinationSettings(
  db: Db,
  actor: Actor,
  cohort: number,
  body: Unchecked<v.InferOutput<typeof DestinationSettingsBodySchema>>,
): Promise<DestinationSettings> {
  const fields: FieldIssue[] = [];
  const { changeDeadline, centerCodes } = body;
  if (typeof changeDeadline !== 'string' || !isCalendarDate(changeDeadline)) {
    fields.push({ path: 'changeDeadline', code: 'date', message: '请填写日期，如 2027-08-31' });
  } else if (Math.abs(Number(changeDeadline.slice(0, 4)) - cohort) > 1) {
    fields.push({ path: 'changeDeadline', code: 'range', message: `截止日期须在 ${cohort - 1}–${cohort + 1} 年之间` });
  }
  const codes = Array.isArray(centerCodes) ? centerCodes : null;
  if (!codes || codes.some((c) => typeof c !== 'string' || !codeLabel(null, 'destination', c))) {
    fields.push({ path: 'centerCodes', code: 'code', message: '须为毕业去向代码表中的代码' });
  } else if (!codes.includes('10')) {
    fields.push({ path: 'centerCodes', code: 'required', message: '签就业协议形式就业（10）始终由中心审核' });
  }
  if (fields.length) throw invalid('毕业去向登记设置未保存，请检查标红的字段', fields, 'validation');
  const unique = [...new Set(codes as string[])].sort();
  await saveDestinationSettingsWrite(
    db,
    { cohort, changeDeadline: changeDeadline as string, centerCodes: unique },
    actor.accountId,
    new Date().toISOString(),
  );
  return destinationSettingsOf(db, cohort);
}
