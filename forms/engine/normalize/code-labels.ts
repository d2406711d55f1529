/**
 * A code-table value as people type it: the code (with or without the leading zero a spreadsheet
 * drops: 3 → 03), the label (男, 本科, 专科(高职) with half-width brackets), the English label, or
 * one of the table's `aliases` (汉 → 汉族, 团员 → 共青团员). Compared half-width, without spaces,
 * case-insensitively. The index is built once per table.
 */
import type { CodeItem, CodeTable } from '../types';
import { compactText } from './width';
import { uncheckedList } from '../unchecked';

interface LabelIndex {
  byText: Map<string, string>;
  codeWidth: number | null;
}

const indexes = new WeakMap<CodeTable, LabelIndex>();

function key(text: string): string {
  return compactText(text).toLowerCase();
}

function build(table: CodeTable): LabelIndex {
  const byText = new Map<string, string>();
  const widths = new Set<number>();
  const put = (text: unknown, code: string) => {
    if (typeof text !== 'string' || text.trim() === '') return;
    const k = key(text);
    if (!byText.has(k)) byText.set(k, code);
  };
  const visit = (list: CodeItem[] | undefined, depth: number) => {
    if (depth > 8) return;
    const items = uncheckedList(list);
    for (const item of items) {
      if (!item || typeof item.code !== 'string') continue;
      widths.add(item.code.length);
      put(item.code, item.code);
      visit(item.children, depth + 1);
    }
    for (const item of items) {
      if (!item || typeof item.code !== 'string') continue;
      put(item.label, item.code);
      put(item.labelEn, item.code);
    }
  };
  visit(table.items, 0);
  const aliases = table.aliases && typeof table.aliases === 'object' ? table.aliases : {};
  for (const [alias, code] of Object.entries(aliases)) if (typeof code === 'string') put(alias, code);
  const only = widths.size === 1 ? ([...widths][0] ?? null) : null;
  return { byText, codeWidth: only };
}

function indexOf(table: CodeTable): LabelIndex {
  let hit = indexes.get(table);
  if (!hit) {
    hit = build(table);
    indexes.set(table, hit);
  }
  return hit;
}

/** The code a typed value stands for, or undefined. */
export function codeForText(table: CodeTable, value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const { byText, codeWidth } = indexOf(table);
  // the common case, a code as stored: no rewriting needed
  if (byText.get(text) === text) return text;
  const k = key(text);
  const hit = byText.get(k);
  if (hit !== undefined) return hit;
  if (codeWidth !== null && /^\d+$/.test(k) && k.length < codeWidth) return byText.get(k.padStart(codeWidth, '0'));
  return undefined;
}

/** The labels a person may type, top level first (a long table is cut with …). */
export function acceptedLabels(table: CodeTable, max = 60): string {
  const labels: string[] = [];
  const visit = (items: CodeItem[] | undefined, depth: number) => {
    if (depth > 8) return;
    for (const item of uncheckedList(items)) if (item && typeof item.label === 'string') labels.push(item.label);
  };
  visit(table.items, 0);
  return labels.length > max ? `${labels.slice(0, max).join('、')}……` : labels.join('、');
}
