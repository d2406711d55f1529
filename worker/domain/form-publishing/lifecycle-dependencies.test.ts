import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { SHIPPED_FORMS } from '../../form-registry/registry';
import { REQUIRED_KEYS } from '../../form-registry/required-keys';
import { lifecycleDependencyErrors, workflowStepsUsed } from './lifecycle-dependencies';

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('what the running system needs from each form', () => {
  it.each(Object.keys(SHIPPED_FORMS))('the shipped %s form gives the lifecycles every key and step they read', async (key) => {
    expect(await lifecycleDependencyErrors(openDb(env.DB), key, SHIPPED_FORMS[key]!)).toEqual([]);
  });

  it('declares keys for every shipped form', () => {
    expect(Object.keys(REQUIRED_KEYS).sort()).toEqual(Object.keys(SHIPPED_FORMS).sort());
  });

  it('knows the workflow steps the dispatch lifecycle submits in, and refuses a definition without them', async () => {
    expect([...workflowStepsUsed('dispatch').keys()]).toEqual(['student']);
    const def = copy(SHIPPED_FORMS.dispatch);
    def!.workflow = def!.workflow.map((w) => (w.key === 'student' ? { ...w, key: 'graduate' } : w));
    expect(await lifecycleDependencyErrors(openDb(env.DB), 'dispatch', def!)).toContainEqual({
      path: 'workflow',
      message: '不能删除环节「student」：派遣信息：保存使用该环节',
    });
  });

  it('refuses a dispatch mapping from an agreement field that does not exist', async () => {
    const def = copy(SHIPPED_FORMS.dispatch);
    def!.mappings![0]!.fields.employerName = 'unitName';
    expect(await lifecycleDependencyErrors(openDb(env.DB), 'dispatch', def!)).toEqual([
      { path: 'mappings[0].fields.employerName', message: '「全国普通高等学校毕业生就业协议书」没有字段「unitName」，无法带入' },
    ]);
  });
});
