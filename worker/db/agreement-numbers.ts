import { sql } from 'drizzle-orm';
import type { Write } from './batch';
import type { Db } from './client';

/**
 * 协议书编号: school code + cohort + a 6-digit sequence per school and cohort, drawn inside the
 * batch that writes the agreement so two agreements can never share a number; and the random
 * verification code printed on the PDF (64 bits, so codes cannot be guessed).
 */
export function numberAgreement(_db: Db, recordId: string, schoolCode: string, cohort: number): Write[] {
  const key = `agreement:${schoolCode}:${cohort}`;
  return [
    sql`INSERT INTO counters (key, value) VALUES (${key}, 1) ON CONFLICT(key) DO UPDATE SET value = value + 1`,
    sql`UPDATE records SET number = (SELECT ${schoolCode + String(cohort)} || printf('%06d', value) FROM counters WHERE key = ${key}),
      verify_code = upper(hex(randomblob(8))) WHERE id = ${recordId}`,
  ];
}
