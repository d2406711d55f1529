import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldEntries } from './fields';
import { fieldAccess } from './access';
import { agreementDefinition, TODAY, validInvitation, validStudentPart } from './test/fixtures';
import { ROLES, type Role, type Values } from './types';
import { validate } from './validate';

const def = agreementDefinition();
const STEPS = ['invite', 'student', 'review', 'unknown'];
const FIELD_KEYS = fieldEntries(def).map((e) => e.field.key);
const ODD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', '0', 'contacts.0', '$row.x'];

const key = fc.oneof(fc.constantFrom(...FIELD_KEYS, ...ODD_KEYS), fc.string({ maxLength: 12 }));
/** JSON-ish values with odd keys, deep nesting and awkward strings. */
const { value: oddValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.constantFrom('', '  ', '80', '85', '1', '13812341234', '2025-02-30', '11010519491231002X', '110108', 'x'.repeat(10_000)),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
}));
const submission = fc.oneof(
  oddValue,
  fc.dictionary(key, oddValue, { maxKeys: 12 }),
  fc.record({ contacts: fc.array(fc.dictionary(key, oddValue, { maxKeys: 6 }), { maxLength: 5 }) }),
);
const role = fc.constantFrom<Role>(...ROLES);
const step = fc.constantFrom(...STEPS);

describe('validate never throws', () => {
  it('on random JSON values, roles and steps', () => {
    fc.assert(
      fc.property(submission, oddValue, role, step, (input, previous, r, s) => {
        const result = validate(def, input, { role: r, step: s, previous: previous as Values, today: TODAY });
        expect(typeof result.ok).toBe('boolean');
        expect(Array.isArray(result.errors)).toBe(true);
        expect(() => JSON.stringify(result)).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('on random objects with odd keys laid over a valid submission', () => {
    fc.assert(
      fc.property(fc.dictionary(key, oddValue, { maxKeys: 8 }), role, step, (noise, r, s) => {
        const input = { ...validInvitation(), ...validStudentPart(), ...noise };
        const result = validate(def, input, { role: r, step: s, today: TODAY });
        for (const k of Object.keys(result.values)) expect(FIELD_KEYS).toContain(k);
        expect(Object.getPrototypeOf(result.values)).toBe(Object.prototype);
      }),
      { numRuns: 300 },
    );
  });

  it('on a deeply nested value', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(() => validate(def, { unitName: deep, contacts: deep }, { role: 'employer', step: 'invite' })).not.toThrow();
  });
});

describe('access is enforced for any input', () => {
  it('a field the role may not edit never takes the submitted value, only the stored one', () => {
    fc.assert(
      fc.property(fc.dictionary(key, oddValue, { maxKeys: 10 }), role, step, (input, r, s) => {
        const previous: Values = { ...validInvitation(), ...validStudentPart(), schoolNote: '备注', reviewComment: '意见' };
        const result = validate(def, input, { role: r, step: s, previous, today: TODAY });
        for (const k of FIELD_KEYS) {
          if (fieldAccess(def, k, r, s) === 'edit' || !Object.hasOwn(result.values, k)) continue;
          const entry = fieldEntries(def).find((e) => e.field.key === k)!;
          if (entry.field.computed !== undefined) continue;
          // Not editable and present: it can only have come from `previous`.
          expect(Object.hasOwn(previous, k)).toBe(true);
          if (entry.field.type === 'group') {
            // stored rows come back with their computed sub-fields filled in
            const rows = result.values[k] as Array<Record<string, unknown>>;
            expect(rows.map(({ contactLabel: _label, ...rest }) => rest)).toEqual(previous[k]);
          } else {
            expect(result.values[k]).toEqual(previous[k]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a field hidden for the role never appears unless it was stored before', () => {
    fc.assert(
      fc.property(fc.dictionary(key, oddValue, { maxKeys: 10 }), role, step, (input, r, s) => {
        const result = validate(def, input, { role: r, step: s, previous: {}, today: TODAY });
        for (const k of FIELD_KEYS) {
          if (fieldAccess(def, k, r, s) === 'hidden') expect(result.values).not.toHaveProperty(k);
        }
      }),
      { numRuns: 300 },
    );
  });
});
