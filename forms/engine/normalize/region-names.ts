/**
 * A region typed by name, at any spelling people use: 江苏省南京市玄武区, 南京市玄武区,
 * 江苏 南京 玄武区, 江苏南京玄武区, 北京市海淀区, or a district alone when only one has that name.
 * Each level may be written in full or without its suffix (省 / 市 / 自治区 / 地区 …); the
 * province, or province and city, may be left out. Returns every matching code: one is the
 * answer, several are an ambiguity for the user to resolve, none is an unknown name.
 *
 * The name index (short name → nodes) is built on first use, once per isolate.
 */
import { regionChildren, regionNode, type RegionNode } from '../regions';
import { compactText } from './width';

/** Placeholder cities (北京市 → 市辖区 → 海淀区): nobody types them, so they are walked through. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '地区', '省', '市', '盟', '区', '县', '旗'];
const MAX_NAME_LENGTH = 60;

function shortName(name: string): string | null {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return null;
}

/** The spellings of one node's own name: full, and without its suffix when that leaves 2+ characters. */
function spellings(node: RegionNode): string[] {
  const short = shortName(node.name);
  return short ? [node.name, short] : [node.name];
}

let byName: Map<string, RegionNode[]> | null = null;

function walk(visit: (node: RegionNode) => void): void {
  const go = (code: string | null) => {
    for (const option of regionChildren(code)) {
      const node = regionNode(option.code);
      if (!node) continue;
      visit(node);
      if (!option.leaf) go(option.code);
    }
  };
  go(null);
}

/** Every real (non-placeholder) region under any of its spellings. */
function nameIndex(): Map<string, RegionNode[]> {
  if (byName) return byName;
  const map = new Map<string, RegionNode[]>();
  walk((node) => {
    if (PLACEHOLDERS.has(node.name)) return;
    for (const spelling of spellings(node)) {
      const list = map.get(spelling);
      if (list) list.push(node);
      else map.set(spelling, [node]);
    }
  });
  byName = map;
  return map;
}

/** The real descendants of `node` one level down (placeholder levels walked through). */
function realChildren(node: RegionNode): RegionNode[] {
  const out: RegionNode[] = [];
  for (const code of node.children) {
    const child = regionNode(code);
    if (!child) continue;
    if (PLACEHOLDERS.has(child.name)) out.push(...realChildren(child));
    else out.push(child);
  }
  return out;
}

/** Nodes below `node` whose names, in order (a level may be skipped), spell exactly `rest`. */
function below(node: RegionNode, rest: string, out: Set<string>): void {
  if (rest === '') {
    out.add(node.code);
    return;
  }
  for (const child of realChildren(node)) {
    for (const spelling of spellings(child)) {
      if (rest.startsWith(spelling)) below(child, rest.slice(spelling.length), out);
    }
    // a province followed directly by its district (江苏省玄武区)
    if (node.depth === 1) {
      for (const grandchild of realChildren(child)) {
        if (spellings(grandchild).includes(rest)) out.add(grandchild.code);
      }
    }
  }
}

/** The codes a typed region name may mean ([] for none). */
export function regionCodesForName(text: string): string[] {
  const name = compactText(text).replace(/[,，、/|·-]/g, '');
  if (name === '' || name.length > MAX_NAME_LENGTH) return [];
  const index = nameIndex();
  const found = new Set<string>();
  // the first name written (a province, a city or a district) starts the path
  for (let end = 2; end <= name.length; end++) {
    for (const node of index.get(name.slice(0, end)) ?? []) below(node, name.slice(end), found);
  }
  // a city and a district both matched (南京市 / 南京市玄武区 …): keep the deepest
  return [...found];
}
