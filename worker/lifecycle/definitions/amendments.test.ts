import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { count } from '../../test/fixtures';
import { demo, onlineAgreementIn, terminatedAgreement } from '../../test/scenarios';

const NOT_FOUND = { code: 'not_found', message: '协议书不存在' };
const unknownId = 'ffffffffffffffffffffffffffffffff';

describe('another employer learns nothing about an agreement it is not party to', () => {
  it.each([
    ['under review', () => onlineAgreementIn('college_review')],
    ['approved by the school', () => onlineAgreementIn('approved')],
    ['terminated', () => terminatedAgreement()],
  ])('amending one %s answers the same 404 as an id that does not exist, and writes nothing', async (_, given) => {
    const agreement = await given();
    const other = await TestClient.as('employer2');
    const before = await count('records', "kind = 'amendments' AND parent_id = ?", agreement.id);

    const create = await other.post('/api/amendments', { agreementId: agreement.id, data: { monthlySalary: 13000 } });
    const unknown = await other.post('/api/amendments', { agreementId: unknownId, data: { monthlySalary: 13000 } });
    expect(create.status).toBe(404);
    expect(create.body.error).toEqual(NOT_FOUND);
    expect(create.body).toEqual(unknown.body);

    const prepared = await other.get(`/api/amendments/new?agreementId=${agreement.id}`);
    expect(prepared.status).toBe(404);
    expect(prepared.body).toEqual((await other.get(`/api/amendments/new?agreementId=${unknownId}`)).body);
    expect(await count('records', "kind = 'amendments' AND parent_id = ?", agreement.id)).toBe(before);
  });

  it('the agreement’s own employer is told why it cannot amend an approved one (409)', async () => {
    const agreement = await onlineAgreementIn('approved');
    const res = await (await demo('employer')).post('/api/amendments', { agreementId: agreement.id, data: { monthlySalary: 13000 } });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'invalid_state', message: expect.stringContaining('请先解约再重新签约') });
  });

  it('terminating another employer’s terminated agreement is the same 404 too', async () => {
    const agreement = await terminatedAgreement();
    const other = await TestClient.as('employer2');
    const res = await other.post('/api/terminations', { agreementId: agreement.id, data: {} });
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual(NOT_FOUND);
    const own = await (await demo('employer')).post('/api/terminations', { agreementId: agreement.id, data: {} });
    expect(own.status).toBe(409);
    expect(own.body.error.code).toBe('invalid_state');
  });
});
