/** Everything wrong with a definition an admin wants to publish as form `formKey`, with paths. */
import { checkDefinition, type DefinitionError, type FormDefinition } from '../../../forms/engine';
import type { Db } from '../../db/client';
import { invalid } from '../../http/errors';
import { lifecycleDependencyErrors } from './lifecycle-dependencies';

export async function definitionProblems(
  db: Db,
  formKey: string,
  definition: unknown,
): Promise<{ shape: DefinitionError[]; lifecycle: DefinitionError[] }> {
  const shape = checkDefinition(definition);
  const def = definition as FormDefinition;
  if (shape.length === 0 && def.key !== formKey) shape.push({ path: 'key', message: `表单键应为「${formKey}」，不能修改` });
  // Dependencies only make sense on a well-formed document.
  const lifecycle = shape.length === 0 ? await lifecycleDependencyErrors(db, formKey, def) : [];
  return { shape, lifecycle };
}

const asFields = (errors: DefinitionError[], code: string) => errors.map((e) => ({ path: e.path, code, message: e.message }));

/** Throws the 422 that says what to fix; returns the definition when there is nothing. */
export async function assertPublishable(db: Db, formKey: string, definition: unknown): Promise<FormDefinition> {
  const { shape, lifecycle } = await definitionProblems(db, formKey, definition);
  if (shape.length > 0)
    throw invalid(`表单定义有 ${shape.length} 处错误，请修改后再发布`, asFields(shape, 'definition'), 'definition_invalid');
  const [firstBreak] = lifecycle;
  if (firstBreak) {
    throw invalid(
      `此修改会破坏正在运行的业务流程，不能发布：${firstBreak.message}`,
      asFields(lifecycle, 'lifecycle'),
      'lifecycle_dependency',
    );
  }
  return definition as FormDefinition;
}
