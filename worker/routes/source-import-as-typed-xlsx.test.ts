/**
 * The XLSX roster fixture (real Excel dates) on its own, in this file's own storage: 27 created,
 * 3 refused; the CSV of the same students afterwards changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { expectTheThreeRefusedRows, ROSTER_CSV, ROSTER_XLSX, storedData, upload } from '../test/roster-import';
import { count } from '../test/fixtures';

describe('the XLSX roster as typed', () => {
  it('the XLSX on its own (real Excel dates) imports the same 27 and refuses the same 3 rows', async () => {
    const school = await TestClient.as('school');
    const before = await count('students');
    const res = await upload(school, ROSTER_XLSX(), 'roster.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 27, updated: 0, unchanged: 0 });
    expect(await count('students')).toBe(before + 27);
    expectTheThreeRefusedRows(res.body.errors);
    expect(await storedData('320106200501097192')).toMatchObject({
      birthDate: '2005-01-09',
      enrollmentDate: '2023-09-01',
      graduationDate: '2027-06-30',
    });
    const csv = await upload(school, ROSTER_CSV());
    expect(csv.body).toMatchObject({ created: 0, updated: 0, unchanged: 27 });
    expectTheThreeRefusedRows(csv.body.errors);
  });
});
