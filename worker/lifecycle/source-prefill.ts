/**
 * The student fields a new agreement takes from the student's approved source record: the reviewed
 * identity and study details (`studentPrefill` in definitions/shared.ts copies them).
 */
export const FROM_SOURCE: readonly string[] = [
  'name',
  'idNumber',
  'gender',
  'mobile',
  'email',
  'college',
  'major',
  'education',
  'originRegion',
  'studentNo',
  'cohort',
];
