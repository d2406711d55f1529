/** 毕业去向登记 settings per cohort (table destination_settings, migration 0014). */
import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { destinationSettings } from './schema';

export interface DestinationSettings {
  cohort: number;
  /** last day (Beijing) a registered student may change destination */
  changeDeadline: string;
  /** destination codes the centre reviews after the school */
  centerCodes: string[];
  /** false while the province has not set anything for this cohort (the defaults apply) */
  set: boolean;
}

/** The province has said nothing: 31 August of the graduation year, and 10 reviewed by the centre. */
export const defaultSettings = (cohort: number): DestinationSettings => ({
  cohort,
  changeDeadline: `${cohort}-08-31`,
  centerCodes: ['10'],
  set: false,
});

export async function destinationSettingsOf(db: Db, cohort: number): Promise<DestinationSettings> {
  const row = await db.query.destinationSettings.findFirst({ where: eq(destinationSettings.cohort, cohort) });
  if (!row) return defaultSettings(cohort);
  return { cohort, changeDeadline: row.changeDeadline, centerCodes: JSON.parse(row.centerCodes) as string[], set: true };
}

export function saveDestinationSettingsWrite(db: Db, s: Omit<DestinationSettings, 'set'>, by: string, at: string) {
  const values = {
    cohort: s.cohort,
    changeDeadline: s.changeDeadline,
    centerCodes: JSON.stringify(s.centerCodes),
    updatedAt: at,
    updatedBy: by,
  };
  return db
    .insert(destinationSettings)
    .values(values)
    .onConflictDoUpdate({
      target: destinationSettings.cohort,
      set: { changeDeadline: sql`excluded.change_deadline`, centerCodes: sql`excluded.center_codes`, updatedAt: at, updatedBy: by },
    });
}
