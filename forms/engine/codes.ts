/** Code table lookup: a definition's own tables first, then the built-in national ones. */
import { BUILTIN_CODE_TABLES, type BuiltinCodeTableKey } from '../codes';
import type { CodeItem, CodeTable, FormDefinition } from './types';
import { uncheckedList } from './unchecked';

export function resolveCodeTable(def: Pick<FormDefinition, 'codeTables'> | null, key: string): CodeTable | undefined {
  const own = uncheckedList(def?.codeTables).find((t) => t?.key === key);
  if (own) return own;
  return Object.hasOwn(BUILTIN_CODE_TABLES, key) ? BUILTIN_CODE_TABLES[key as BuiltinCodeTableKey] : undefined;
}

const itemIndex = new WeakMap<CodeTable, Map<string, CodeItem>>();

function indexItems(table: CodeTable): Map<string, CodeItem> {
  const known = itemIndex.get(table);
  if (known) return known;
  const map = new Map<string, CodeItem>();
  const visit = (items: CodeItem[] | undefined, depth: number): void => {
    if (depth > 8) return;
    for (const item of uncheckedList(items)) {
      if (!item || typeof item.code !== 'string') continue;
      if (!map.has(item.code)) map.set(item.code, item);
      visit(item.children, depth + 1);
    }
  };
  visit(table.items, 0);
  itemIndex.set(table, map);
  return map;
}

/** How many distinct codes the table holds (at any nesting depth). */
export function codeCount(table: CodeTable): number {
  return indexItems(table).size;
}

/** The item with this code at any nesting depth. */
export function findCode(table: CodeTable, code: unknown): CodeItem | undefined {
  return typeof code === 'string' ? indexItems(table).get(code) : undefined;
}

export function codeLabel(def: Pick<FormDefinition, 'codeTables'> | null, tableKey: string, code: unknown): string | null {
  const table = resolveCodeTable(def, tableKey);
  return table ? (findCode(table, code)?.label ?? null) : null;
}
