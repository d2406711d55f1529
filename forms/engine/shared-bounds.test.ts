/**
 * What the web app restates of the engine is the engine's own definition: a text input never takes
 * more characters than validate() accepts, a file field never more files, and "today" is the same
 * Beijing day for the worker (deadlines, lapses), the engine's rules and the web's times.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_FILES as WEB_MAX_FILES,
  lengthCap as webLengthCap,
  todayInChina as webToday,
} from '../../web/src/form-renderer/engine';
import { formatBeijingDateTime } from '../../web/src/lib/beijing-time';
import { beijingToday } from '../../worker/lib/dates';
import { lookupQuotaKey } from '../../worker/domain/student-lookup/lookup-limits';
import { DEFAULT_MAX_FILES, todayInChina, validate } from './index';
import type { FieldDef, FormDefinition } from './types';

function formOf(field: FieldDef): FormDefinition {
  return {
    key: 'probe',
    title: '探测',
    schemaVersion: 1,
    workflow: [{ key: 'fill', label: '填写' }],
    access: { '*': { edit: ['student'] } },
    steps: [{ key: 'p', label: '页', sections: [{ key: 's', label: '节', rows: [[field]] }] }],
  };
}

const accepts = (field: FieldDef, value: unknown) => validate(formOf(field), { [field.key]: value }, { role: 'student', step: 'fill' }).ok;

describe("a field's input cap is the length validate() accepts", () => {
  const fields: FieldDef[] = [
    { key: 'a', type: 'text', label: '单行' },
    { key: 'b', type: 'textarea', label: '多行' },
    { key: 'c', type: 'text', label: '限长', maxLength: 30 },
  ];
  it.each(fields)('$label', (field) => {
    const cap = webLengthCap(field);
    expect(accepts(field, 'x'.repeat(cap))).toBe(true);
    expect(accepts(field, 'x'.repeat(cap + 1))).toBe(false);
  });

  it('an email field takes as many characters as an email may have', () => {
    const field: FieldDef = { key: 'e', type: 'email', label: '邮箱' };
    const local = 'x'.repeat(webLengthCap(field) - '@example.com'.length);
    expect(accepts(field, `${local}@example.com`)).toBe(true);
    expect(accepts(field, `${local}y@example.com`)).toBe(false);
  });

  it('a file field offers as many uploads as validate() accepts', () => {
    expect(WEB_MAX_FILES).toBe(DEFAULT_MAX_FILES);
  });
});

describe('today in Beijing is one definition', () => {
  // 2026-12-07 15:59:59 UTC is already 12-07 23:59:59 in Beijing; one second later it is 12-08
  const instants = [
    Date.UTC(2026, 11, 7, 15, 59, 59),
    Date.UTC(2026, 11, 7, 16, 0, 0),
    Date.UTC(2024, 1, 28, 16, 30),
    Date.UTC(2027, 0, 1, 0, 0),
  ];
  it.each(instants)('%i', (now) => {
    expect(beijingToday(now)).toBe(todayInChina(now));
    expect(webToday(now)).toBe(todayInChina(now));
    expect(formatBeijingDateTime(new Date(now).toISOString()).slice(0, 10)).toBe(todayInChina(now));
    expect(lookupQuotaKey('e1', new Date(now))).toBe(`lookup-units:e1:${todayInChina(now)}`);
  });
});
