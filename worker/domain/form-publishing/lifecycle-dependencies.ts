/**
 * What the running system needs from a form definition: the data keys the worker reads
 * (worker/form-registry/required-keys.ts), the workflow steps its lifecycles submit in, and the fields
 * other forms' mappings copy from it (and that its own mappings copy from others). A draft that
 * breaks one of these is refused with the place and the reason, before it can be published.
 */
import { findFieldEntry, type DefinitionError, type FormDefinition } from '../../../forms/engine';
import type { Db } from '../../db/client';
import { latestForm, SHIPPED_FORMS } from '../../form-registry/registry';
import { requiredKeysOf } from '../../form-registry/required-keys';
import { LIFECYCLES } from '../../lifecycle/registry';

const isTopField = (def: FormDefinition, key: string) => {
  const entry = findFieldEntry(def, key);
  return !!entry && !entry.group;
};

/** Workflow steps the lifecycles of this form submit data in, with the action that does. */
export function workflowStepsUsed(formKey: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const lifecycle of Object.values(LIFECYCLES)) {
    if (lifecycle.form !== formKey) continue;
    if (lifecycle.create) out.set(lifecycle.create.step, `${lifecycle.label}：创建`);
    for (const t of lifecycle.transitions) if (t.step && !out.has(t.step)) out.set(t.step, `${lifecycle.label}：${t.label}`);
  }
  // the school's source import validates in the 'import' step outside any transition
  if (formKey === 'source') out.set('import', out.get('import') ?? '生源导入');
  return out;
}

export async function lifecycleDependencyErrors(db: Db, formKey: string, def: FormDefinition): Promise<DefinitionError[]> {
  const errors: DefinitionError[] = [];
  for (const { key, usedBy } of requiredKeysOf(formKey)) {
    if (!isTopField(def, key)) errors.push({ path: 'steps', message: `不能删除字段「${key}」：${usedBy}需要读取它` });
  }
  const workflow = new Set(def.workflow.map((w) => w.key));
  for (const [step, usedBy] of workflowStepsUsed(formKey)) {
    if (!workflow.has(step)) errors.push({ path: 'workflow', message: `不能删除环节「${step}」：${usedBy}使用该环节` });
  }
  // other forms copy from this one
  for (const other of Object.keys(SHIPPED_FORMS)) {
    if (other === formKey) continue;
    const { definition } = await latestForm(db, other);
    for (const mapping of definition.mappings ?? []) {
      if (mapping.from !== formKey) continue;
      for (const [target, source] of Object.entries(mapping.fields)) {
        if (!isTopField(def, source)) {
          errors.push({ path: 'steps', message: `不能删除字段「${source}」：「${definition.title}」的字段映射从它带入「${target}」` });
        }
      }
    }
  }
  // this form copies from others
  (def.mappings ?? []).forEach((mapping, i) => {
    if (!Object.hasOwn(SHIPPED_FORMS, mapping.from))
      errors.push({ path: `mappings[${i}].from`, message: `来源表单「${mapping.from}」不存在` });
  });
  for (const [i, mapping] of (def.mappings ?? []).entries()) {
    if (!Object.hasOwn(SHIPPED_FORMS, mapping.from)) continue;
    const { definition: source } = await latestForm(db, mapping.from);
    for (const [target, sourceKey] of Object.entries(mapping.fields)) {
      if (!isTopField(source, sourceKey)) {
        errors.push({ path: `mappings[${i}].fields.${target}`, message: `「${source.title}」没有字段「${sourceKey}」，无法带入` });
      }
    }
  }
  return errors;
}
