import { describe, expect, it } from 'vitest';
import { createHref, createRefusal } from './create-entry';
import type { CreateOffer } from './types';

const offer = (entry: CreateOffer['entry'], available = true): CreateOffer =>
  available
    ? { roles: ['student'], step: 's', entry, available }
    : { roles: ['student'], step: 's', entry, available, code: 'active_agreement', reason: '您已有生效的协议书，需先解约才能再次签约' };

describe('新建 goes where the server says a record starts', () => {
  it('a form entry opens the create page with its links', () => {
    expect(createHref('agreements', offer({ from: 'form', links: { mode: 'offline' } }))).toBe('/r/agreements/new?mode=offline');
    expect(createHref('source-records', offer({ from: 'form' }))).toBe('/r/source-records/new');
  });

  it('a lookup entry opens the student lookup; a record entry offers no 新建', () => {
    expect(createHref('invitations', offer({ from: 'lookup' }))).toBe('/students/lookup');
    expect(createHref('terminations', offer({ from: 'record' }))).toBeNull();
    expect(createRefusal(offer({ from: 'record' }, false))).toBeNull();
  });

  it('a create the server would refuse offers no link, only its reason', () => {
    const refused = offer({ from: 'form', links: { mode: 'offline' } }, false);
    expect(createHref('agreements', refused)).toBeNull();
    expect(createRefusal(refused)).toContain('需先解约');
    expect(createHref('agreements', null)).toBeNull();
    expect(createRefusal(undefined)).toBeNull();
  });
});
