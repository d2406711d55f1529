import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { studentWithSourceRecord } from '../../test/fixtures';
import { jobTerms } from '../../test/signing';
import { enterOfflineAgreement } from '../../test/signing';

describe('an agreement in a list', () => {
  it('carries its number once, as its own column, and the way it was signed as the subtitle', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const { deadline: _deadline, ...terms } = jobTerms();
    const created = await enterOfflineAgreement(student, {
      employerName: '无锡星河精密机械有限公司',
      creditCode: '91320000134765432Y',
      unitNature: '39',
      industry: 'C',
      employerRegion: '320211',
      ...terms,
    });
    expect(created.status).toBe(201);
    const list = await student.get('/api/agreements');
    const row = list.body.items.find((i: { id: string }) => i.id === created.body.id);
    expect(row).toMatchObject({ number: created.body.number, subtitle: '线下签约', stateTone: 'wait' });
    expect(JSON.stringify(row).split(created.body.number).length - 1).toBe(1);
  });
});
