/** Definition errors by place: the checker's paths ('steps[0].sections[1].rows[0][2].codeTable') are prefixes of one another. */
import type { DefinitionError } from './editor-engine';

/** Errors at `path` itself or anywhere inside it. */
export function errorsWithin(errors: readonly DefinitionError[], path: string): DefinitionError[] {
  return errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`));
}

/** Messages for exactly one property of the thing at `path` (and inside it, for rules and maps). */
export function messagesAt(errors: readonly DefinitionError[], path: string): string[] {
  return errorsWithin(errors, path).map((e) => e.message);
}
