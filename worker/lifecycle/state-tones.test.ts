import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { LIFECYCLES } from './registry';
import { STATE_TONES } from './types';

const all = Object.values(LIFECYCLES).flatMap((lc) => Object.entries(lc.states).map(([state, def]) => ({ kind: lc.kind, state, ...def })));

describe('state badge colours are declared beside the states', () => {
  it('every state of every lifecycle has one of the four tones', () => {
    expect(all.length).toBeGreaterThan(30);
    for (const s of all) expect(STATE_TONES, `${s.kind}.${s.state}`).toContain(s.tone);
  });

  it('waiting and in review is amber, done green, refused/returned/terminated red, 未确认 grey', () => {
    for (const s of all.filter((s) => /待.*(审核|同意|应约|确认)$/.test(s.label))) expect(s.tone, `${s.kind}.${s.state}`).toBe('wait');
    for (const s of all.filter((s) => /退回|未通过|不同意|拒绝|已解约/.test(s.label))) expect(s.tone, `${s.kind}.${s.state}`).toBe('bad');
    for (const s of all.filter((s) => /已同意|已应约|省级通过|解约完成|^审核通过$/.test(s.label)))
      expect(s.tone, `${s.kind}.${s.state}`).toBe('ok');
    expect(LIFECYCLES.dispatches!.states.unconfirmed).toMatchObject({ label: '未确认', tone: 'neutral' });
    expect(LIFECYCLES.agreements!.states.approved!.tone).toBe('ok');
  });

  it('lists, records and the lifecycle table carry the tone to the web app', async () => {
    const student = await TestClient.as('student');
    const lcs = await student.get('/api/lifecycles');
    expect(lcs.body.dispatches.tones).toMatchObject({ unconfirmed: 'neutral', college_review: 'wait', approved: 'ok', returned: 'bad' });
    expect(lcs.body.invitations.tones).not.toHaveProperty('draft'); // a state the student never sees
    const list = await student.get('/api/source-records');
    expect(list.body.items[0]).toMatchObject({ state: 'approved', stateLabel: '省级通过', stateTone: 'ok' });
    const record = await student.get(`/api/source-records/${list.body.items[0].id}`);
    expect(record.body).toMatchObject({ state: 'approved', stateTone: 'ok' });
  });
});
