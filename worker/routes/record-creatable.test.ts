/**
 * The server decides, the web shows: an agreement's answer lists what its viewer may start from it
 * now (提出协议修改, 申请解约), asked of the amendment's and termination's own create checks — who may
 * create them, from which agreement state, whether one is already open — so the page offers exactly
 * the creates the server would accept and keeps no rule of its own.
 */
import { describe, expect, it } from 'vitest';
import type { TestClient } from '../test/client';
import {
  amendmentProposed,
  demo,
  offlineAgreementIn,
  onlineAgreementIn,
  terminatedAgreement,
  terminationIn,
  terminationTerms,
} from '../test/scenarios';

async function offered(client: TestClient, agreementId: string) {
  const res = await client.get(`/api/agreements/${agreementId}`);
  expect(res.status).toBe(200);
  return res.body.creatable as Array<{ kind: string; label: string; links: Record<string, string> }>;
}

const AMEND = (id: string) => ({ kind: 'amendments', label: '提出协议修改', links: { agreementId: id } });
const TERMINATE = (id: string) => ({ kind: 'terminations', label: '申请解约', links: { agreementId: id } });

describe('an online agreement under review', () => {
  it('its employer may amend it or apply to terminate; its student may apply to terminate; reviewers start nothing', async () => {
    const agreement = await onlineAgreementIn('college_review');
    expect(await offered(await demo('employer'), agreement.id)).toEqual([AMEND(agreement.id), TERMINATE(agreement.id)]);
    expect(await offered(agreement.student, agreement.id)).toEqual([TERMINATE(agreement.id)]);
    expect(await offered(await demo('college'), agreement.id)).toEqual([]);
    expect(await offered(await demo('school'), agreement.id)).toEqual([]);
    // another employer does not see the agreement at all
    expect((await (await demo('employer2')).get(`/api/agreements/${agreement.id}`)).status).toBe(404);
  });

  it('once an amendment waits for the student, no second one is offered (the server would refuse it)', async () => {
    const amendment = await amendmentProposed();
    const agreementId = (await amendment.student.get('/api/agreements')).body.items[0].id;
    const employer = await demo('employer');
    expect(await offered(employer, agreementId)).toEqual([TERMINATE(agreementId)]);
    expect((await employer.post('/api/amendments', { agreementId, data: {} })).status).toBe(409);
  });
});

describe('an approved online agreement', () => {
  it('takes no amendment any more, only a termination — and what is offered is accepted', async () => {
    const agreement = await onlineAgreementIn('approved');
    const employer = await demo('employer');
    const offers = await offered(employer, agreement.id);
    expect(offers).toEqual([TERMINATE(agreement.id)]);
    expect((await employer.post('/api/amendments', { agreementId: agreement.id, data: {} })).status).toBe(409);
    const applied = await employer.post(`/api/${offers[0]!.kind}`, { ...offers[0]!.links, data: terminationTerms });
    expect(applied.status).toBe(201);
    // one open termination per agreement: neither party is offered a second
    expect(await offered(employer, agreement.id)).toEqual([]);
    expect(await offered(agreement.student, agreement.id)).toEqual([]);
  });

  it('while its termination is under review nothing is offered; once terminated, nothing either', async () => {
    const termination = await terminationIn('college_review');
    expect(await offered(termination.student, (await termination.student.get('/api/agreements')).body.items[0].id)).toEqual([]);
    const terminated = await terminatedAgreement();
    expect(await offered(terminated.student, terminated.id)).toEqual([]);
    expect(await offered(await demo('employer'), terminated.id)).toEqual([]);
  });
});

describe('an offline agreement', () => {
  it('only its student applies to terminate it (with the 解约函), and not while it is returned for correction', async () => {
    const agreement = await offlineAgreementIn('college_review');
    expect(await offered(agreement.student, agreement.id)).toEqual([TERMINATE(agreement.id)]);
    const returned = await offlineAgreementIn('returned');
    expect(await offered(returned.student, returned.id)).toEqual([]);
    expect((await returned.student.post('/api/terminations', { agreementId: returned.id, data: {} })).status).toBe(409);
  });
});
