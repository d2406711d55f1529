/**
 * The test fixtures themselves, over their whole range: every student they can make is one the
 * school's import would accept. A fixture that is only sometimes valid (an 考生号 built from an ID
 * number ending in X) made one test run in eleven fail; these checks fail at once instead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidIdNumber, matchesPreset, isMobile, isValidCreditCode, validate } from '../../forms/engine';
import { SHIPPED_FORMS } from '../form-registry/registry';
import {
  ID_SPACE,
  PER_DAY,
  creditCodeAt,
  examNoAt,
  idNumberAt,
  indexOfIdNumber,
  mobileAt,
  sourceDataAt,
  studentNoAt,
} from './fixture-data';

describe('fixture identities, valid by construction', () => {
  const anyIndex = fc.integer({ min: 0, max: ID_SPACE - 1 });

  /** What is wrong with the n-th fixture student's identifiers, or null (plain checks: this runs 40,000 times). */
  function problemOf(n: number): string | null {
    const id = idNumberAt(n);
    if (!isValidIdNumber(id)) return `idNumberAt(${n}) = ${id} is not a valid ID number`;
    if (id.slice(14, 17) === '000')
      return `idNumberAt(${n}) = ${id} has sequence 000, which is never issued (the import template's example)`;
    if (indexOfIdNumber(id) !== n) return `idNumberAt(${n}) = ${id} names index ${indexOfIdNumber(id)}`;
    if (!matchesPreset('examNo', examNoAt(n))) return `考生号 ${examNoAt(n)} of ${n}`;
    if (!matchesPreset('studentNo', studentNoAt(n))) return `学号 ${studentNoAt(n)} of ${n}`;
    if (!isMobile(mobileAt(n))) return `手机 ${mobileAt(n)} of ${n}`;
    return null;
  }
  const expectValidStudent = (n: number) => {
    const problem = problemOf(n);
    if (problem) expect.fail(problem);
  };

  it('any index of the 2,013,984 gives a valid ID number that names its index (so all differ), and a 考生号, 学号 and phone matching their patterns', () => {
    fc.assert(
      fc.property(anyIndex, (n) => expectValidStudent(n)),
      { numRuns: 20_000 },
    );
  });

  it('every birth day of the space, at both ends of its sequence, and every index in the 10,000 after a random start', () => {
    for (let day = 0; day < ID_SPACE / PER_DAY; day++) {
      expectValidStudent(day * PER_DAY);
      expectValidStudent(day * PER_DAY + PER_DAY - 1);
    }
    const start = fc.sample(fc.integer({ min: 0, max: ID_SPACE - 10_000 }), 1)[0];
    let checkX = 0;
    for (let n = start; n! < start! + 10_000; n!++) {
      if (idNumberAt(n!).endsWith('X')) checkX++;
      expectValidStudent(n!);
    }
    // the case that used to break a fixture is common, not rare: about one ID in eleven
    expect(checkX).toBeGreaterThan(10_000 / 15);
  });

  it('derived identifiers differ for different students', () => {
    fc.assert(
      fc.property(anyIndex, anyIndex, (a, b) => {
        fc.pre(a !== b);
        expect(examNoAt(a)).not.toBe(examNoAt(b));
        expect(studentNoAt(a)).not.toBe(studentNoAt(b));
        expect(mobileAt(a)).not.toBe(mobileAt(b));
      }),
      { numRuns: 2_000 },
    );
  });

  it('a fixture student’s whole source record passes the source form as the school imports it, for any n and any birth region', () => {
    const form = SHIPPED_FORMS.source;
    const regions = fc.constantFrom('320106', '320102', '320104', '320105', '110101', '440305');
    fc.assert(
      fc.property(anyIndex, regions, (n, region) => {
        const data = sourceDataAt(n, region);
        const result = validate(form!, data, { role: 'school', step: 'import' });
        expect(result.errors).toEqual([]);
        expect(result.values).toMatchObject({ idNumber: data.idNumber, examNo: data.examNo });
      }),
      { numRuns: 1_000 },
    );
    // and the IDs ending in X in particular (the old failure)
    for (let n = 0, seen = 0; seen < 50; n++) {
      if (!idNumberAt(n).endsWith('X')) continue;
      seen++;
      expect(validate(form!, sourceDataAt(n), { role: 'school', step: 'import' }).errors).toEqual([]);
    }
  });

  it('credit codes carry their check character', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(isValidCreditCode(creditCodeAt(n))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
