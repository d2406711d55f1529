/** 学校信息: one row per school with its part of every agreement (see `schoolProfiles`). */
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { schoolProfiles, schools } from './schema';

export interface SchoolProfile {
  authority: string;
  contact: string;
  phone: string;
  address: string | null;
  postcode: string | null;
}

export type SchoolProfileColumn = keyof SchoolProfile;

/** The school's name and its profile as it stands (profile null: never saved). */
export async function findSchoolProfile(db: Db, schoolId: string) {
  const rows = await db
    .select({
      schoolName: schools.name,
      schoolCode: schools.code,
      authority: schoolProfiles.authority,
      contact: schoolProfiles.contact,
      phone: schoolProfiles.phone,
      address: schoolProfiles.address,
      postcode: schoolProfiles.postcode,
      updatedAt: schoolProfiles.updatedAt,
    })
    .from(schools)
    .leftJoin(schoolProfiles, eq(schoolProfiles.schoolId, schools.id))
    .where(eq(schools.id, schoolId))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  const { schoolName, schoolCode, updatedAt, authority, contact, phone, address, postcode } = row;
  const profile: SchoolProfile | null =
    authority === null || contact === null || phone === null ? null : { authority, contact, phone, address, postcode };
  return { schoolName, schoolCode, profile, updatedAt };
}

/** Insert or replace the school's profile. */
export function schoolProfileWrite(db: Db, schoolId: string, profile: SchoolProfile, accountId: string, at: string) {
  const values = { ...profile, updatedAt: at, updatedBy: accountId };
  return db
    .insert(schoolProfiles)
    .values({ schoolId, ...values })
    .onConflictDoUpdate({ target: schoolProfiles.schoolId, set: values });
}
