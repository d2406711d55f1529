/**
 * A definition is typed as FormDefinition, but the engine also reads documents that
 * definition-check.ts has not accepted (the editor's draft, the checker costing what it was given):
 * there a list may be missing and any entry null or malformed. These reads say so in their types.
 */

/** An entry of a list in a definition that may not have been checked. */
export type Unchecked<T> = T | null | undefined;

/** The list's entries, each possibly missing; no list at all reads as empty. */
export function uncheckedList<T>(list: readonly T[] | null | undefined): readonly Unchecked<T>[] {
  return Array.isArray(list) ? (list as readonly T[]) : [];
}
