/**
 * An employer's company details in a record (单位名称, 统一社会信用代码, 单位性质, 行业, 所在地, 地址)
 * are the centre-verified employer's, never what someone typed: an employer cannot sign as another
 * company. Lifecycles name the fields and the employers column each comes from (`fromEmployer`);
 * creates and data-writing transitions of a record with an employer take them from the employers
 * row. A company that changes its details asks the centre again (employer-registrations `change`);
 * until the centre approves, records keep the verified details.
 */
import type { Db } from '../db/client';
import type { employers } from '../db/schema';
import { findEmployer } from '../db/students';
import type { Lifecycle } from './types';

type EmployerRow = typeof employers.$inferSelect;
export type EmployerColumn = keyof EmployerRow;

/** The company fields of the agreement form (invitations, agreements and amendments share it). */
export const AGREEMENT_COMPANY_FIELDS = {
  employerName: 'name',
  creditCode: 'creditCode',
  unitNature: 'unitNature',
  industry: 'industry',
  employerRegion: 'region',
  employerAddress: 'address',
} as const satisfies Record<string, EmployerColumn>;

/** `data` with the lifecycle's company fields taken from employer `employerId` (as it is now). */
export async function withCompanyFields(
  db: Db,
  lifecycle: Pick<Lifecycle, 'fromEmployer'>,
  employerId: string | null,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const fields = lifecycle.fromEmployer;
  if (!fields || !employerId) return data;
  const employer = await findEmployer(db, employerId);
  if (!employer) return data;
  // the employer's empty columns clear the field; the others replace it
  const taken = Object.entries(fields).map(([field, column]) => [field, employer[column]] as const);
  const cleared = new Set(taken.filter(([, value]) => value === null || value === '').map(([field]) => field));
  const out = Object.fromEntries(Object.entries(data).filter(([key]) => !cleared.has(key)));
  for (const [field, value] of taken) if (!cleared.has(field)) out[field] = value;
  return out;
}
