import { describe, expect, it } from 'vitest';
import { groupSigningCode } from './signingCode';

describe('signing codes on the student home', () => {
  it('groups a signing code in two fours', () => {
    expect(groupSigningCode('7K3MQ9XA')).toBe('7K3M-Q9XA');
  });
});
