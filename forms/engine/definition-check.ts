/**
 * Validates a form definition document itself (what an admin saves or publishes), so the engine
 * never meets a malformed one. Errors carry paths like 'steps[0].sections[1].rows[0][2].codeTable'
 * and Chinese messages for the admin.
 *
 * Two passes: the first checks shapes and collects every key; the second checks rules, whose
 * `var`s may refer to fields declared later in the document.
 */
import { resolveCodeTable } from './codes';
import { isCalendarDate } from './dates';
import { isValidRegion } from './regions';
import { validationWorkProblem } from './cost';
import { checkRule, ruleVarRefs, ruleVars } from './rules';
import { FIELD_TYPES, PRESET_PATTERNS, ROLES, type CodeTable, type DefinitionError, type FieldType, type FormDefinition } from './types';

export const LIMITS = {
  fields: 500,
  steps: 50,
  sections: 200,
  checks: 200,
  codeTables: 50,
  codeItems: 5000,
  codeDepth: 4,
  mappings: 20,
  label: 200,
  longText: 2000,
  /** the largest maxLength a field may declare (a textarea's default) */
  fieldLength: 5000,
  /** the largest maxItems a group may declare (one without gets DEFAULT_MAX_ITEMS) */
  groupItems: 500,
  /** the longest chain of computed fields each reading the one before */
  computedChain: 10,
} as const;

const KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
/** Keys that shadow Object.prototype members; consumers doing `values[key]` would trip on them. */
const RESERVED_KEYS = new Set([
  'constructor',
  'prototype',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
]);

const DEFINITION_PROPS = [
  'key',
  'title',
  'titleEn',
  'description',
  'schemaVersion',
  'workflow',
  'access',
  'steps',
  'checks',
  'codeTables',
  'mappings',
];
const STEP_PROPS = ['key', 'label', 'labelEn', 'sections'];
const SECTION_PROPS = ['key', 'label', 'labelEn', 'description', 'visibleWhen', 'access', 'rows'];
const FIELD_PROPS = [
  'key',
  'type',
  'label',
  'labelEn',
  'help',
  'placeholder',
  'example',
  'required',
  'minLength',
  'maxLength',
  'min',
  'max',
  'decimals',
  'unit',
  'pattern',
  'codeTable',
  'multiple',
  'regionLevel',
  'maxFiles',
  'accept',
  'fields',
  'minItems',
  'maxItems',
  'default',
  'visibleWhen',
  'requiredWhen',
  'computed',
  'access',
];

/** Options that only make sense for some field types (the editor drops them when the type changes). */
export const OPTION_TYPES: Record<string, readonly FieldType[]> = {
  minLength: ['text', 'textarea', 'email'],
  maxLength: ['text', 'textarea', 'email'],
  min: ['number', 'date'],
  max: ['number', 'date'],
  decimals: ['number'],
  unit: ['number'],
  pattern: ['text', 'textarea'],
  codeTable: ['select', 'radio'],
  multiple: ['select'],
  regionLevel: ['region'],
  maxFiles: ['file'],
  accept: ['file'],
  fields: ['group'],
  minItems: ['group'],
  maxItems: ['group'],
};

type Obj = Record<string, unknown>;

interface GroupScope {
  key: string;
  subKeys: Set<string>;
}

interface FieldRecord {
  path: string;
  raw: Obj;
  key: string;
  group?: GroupScope;
}

interface PendingRule {
  rule: unknown;
  path: string;
  group?: GroupScope;
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value from the document as an error message quotes it. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function join(path: string, prop: string): string {
  return path ? `${path}.${prop}` : prop;
}

function isNonNegInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

class DefinitionChecker {
  readonly errors: DefinitionError[] = [];
  readonly workflowKeys = new Set<string>();
  readonly fields: FieldRecord[] = [];
  readonly fieldPaths = new Map<string, string>();
  readonly sectionPaths = new Map<string, string>();
  readonly rules: PendingRule[] = [];
  codeTables: CodeTable[] = [];
  fieldCount = 0;

  constructor(readonly def: Obj) {}

  error(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  props(obj: Obj, path: string, allowed: readonly string[]): void {
    for (const prop of Object.keys(obj)) {
      if (!allowed.includes(prop)) this.error(join(path, prop), `未知的属性「${prop}」`);
    }
  }

  text(obj: Obj, prop: string, path: string, required: boolean, max: number = LIMITS.label): void {
    const value = obj[prop];
    const at = join(path, prop);
    if (value === undefined) {
      if (required) this.error(at, '必填');
      return;
    }
    if (typeof value !== 'string') this.error(at, '应为字符串');
    else if (required && value.trim() === '') this.error(at, '不能为空');
    else if (value.length > max) this.error(at, `不能超过 ${max} 个字符`);
  }

  key(obj: Obj, path: string, seen: Map<string, string> | null, what: string): string | null {
    const value = obj.key;
    const at = join(path, 'key');
    if (typeof value !== 'string' || !KEY.test(value)) {
      this.error(at, `${what}键应以字母开头，只含字母、数字和下划线，最长 64 个字符`);
      return null;
    }
    if (RESERVED_KEYS.has(value)) {
      this.error(at, `「${value}」是保留字，不能用作${what}键`);
      return null;
    }
    if (seen) {
      const first = seen.get(value);
      if (first !== undefined) {
        this.error(at, `${what}键「${value}」重复（已用于 ${first}）`);
        return null;
      }
      seen.set(value, path);
    }
    return value;
  }

  array(value: unknown, path: string, required: boolean, max: number, nonEmpty = false): unknown[] | null {
    if (value === undefined) {
      if (required) this.error(path, '必填');
      return null;
    }
    if (!Array.isArray(value)) {
      this.error(path, '应为数组');
      return null;
    }
    if (nonEmpty && value.length === 0) this.error(path, '至少需要一项');
    const list: unknown[] = value;
    if (list.length > max) {
      this.error(path, `最多 ${max} 项`);
      return null;
    }
    return list;
  }

  object(value: unknown, path: string): Obj | null {
    if (!isObj(value)) {
      this.error(path, '应为对象');
      return null;
    }
    return value;
  }

  // ── whole document ──────────────────────────────────────────────────────────────

  run(): DefinitionError[] {
    const def = this.def;
    this.props(def, '', DEFINITION_PROPS);
    if (typeof def.key !== 'string' || !KEY.test(def.key)) this.error('key', '表单键应以字母开头，只含字母、数字和下划线');
    this.text(def, 'title', '', true);
    this.text(def, 'titleEn', '', false);
    this.text(def, 'description', '', false, LIMITS.longText);
    if (def.schemaVersion !== 1) this.error('schemaVersion', '目前只支持 schemaVersion 1');
    this.workflow();
    this.codeTableList();
    if (def.access !== undefined) this.accessMap(def.access, 'access');
    this.steps();
    if (this.fieldCount > LIMITS.fields) {
      // Fields past the limit were not collected; checking references now would only add noise.
      this.error('steps', `字段过多（${this.fieldCount} 个，最多 ${LIMITS.fields} 个）`);
      return this.errors;
    }
    this.checks();
    this.mappings();
    for (const pending of this.rules) this.rule(pending);
    this.computedCycles();
    this.validationWork();
    return this.errors;
  }

  workflow(): void {
    const list = this.array(this.def.workflow, 'workflow', true, LIMITS.steps, true);
    const seen = new Map<string, string>();
    list?.forEach((raw, i) => {
      const path = `workflow[${i}]`;
      const step = this.object(raw, path);
      if (!step) return;
      this.props(step, path, ['key', 'label']);
      const key = this.key(step, path, seen, '环节');
      if (key) this.workflowKeys.add(key);
      this.text(step, 'label', path, true);
    });
  }

  accessMap(value: unknown, path: string): void {
    const map = this.object(value, path);
    if (!map) return;
    for (const step of Object.keys(map)) {
      const at = join(path, step);
      if (step !== '*' && !this.workflowKeys.has(step)) this.error(at, `未知的环节「${step}」`);
      const entry = this.object(map[step], at);
      if (!entry) continue;
      this.props(entry, at, ['edit', 'read']);
      for (const kind of ['edit', 'read'] as const) {
        const roles = this.array(entry[kind], join(at, kind), false, ROLES.length * 2);
        roles?.forEach((role, j) => {
          if (!(ROLES as readonly unknown[]).includes(role)) this.error(`${join(at, kind)}[${j}]`, `未知的角色「${String(role)}」`);
        });
      }
    }
  }

  // ── code tables ─────────────────────────────────────────────────────────────────

  codeTableList(): void {
    const list = this.array(this.def.codeTables, 'codeTables', false, LIMITS.codeTables);
    const seen = new Map<string, string>();
    list?.forEach((raw, i) => {
      const path = `codeTables[${i}]`;
      const table = this.object(raw, path);
      if (!table) return;
      this.props(table, path, ['key', 'label', 'source', 'items']);
      const key = this.key(table, path, seen, '代码表');
      this.text(table, 'label', path, true);
      this.text(table, 'source', path, false);
      const codes = new Set<string>();
      const count = { n: 0 };
      const items = this.array(table.items, join(path, 'items'), true, LIMITS.codeItems, true);
      if (items) this.codeItems(items, join(path, 'items'), codes, count, 1);
      if (key && items) this.codeTables.push(table as unknown as CodeTable);
    });
  }

  codeItems(items: unknown[], path: string, codes: Set<string>, count: { n: number }, depth: number): void {
    if (depth > LIMITS.codeDepth) {
      this.error(path, `代码表最多嵌套 ${LIMITS.codeDepth} 层`);
      return;
    }
    items.forEach((raw, i) => {
      const at = `${path}[${i}]`;
      const item = this.object(raw, at);
      if (!item) return;
      count.n += 1;
      if (count.n === LIMITS.codeItems + 1) this.error(at, `代码表最多 ${LIMITS.codeItems} 项`);
      this.props(item, at, ['code', 'label', 'labelEn', 'children']);
      const code = item.code;
      if (typeof code !== 'string' || code.trim() === '' || code.length > 32) this.error(join(at, 'code'), '代码应为 1–32 个字符的字符串');
      else if (codes.has(code)) this.error(join(at, 'code'), `代码「${code}」重复`);
      else codes.add(code);
      this.text(item, 'label', at, true);
      this.text(item, 'labelEn', at, false);
      const children = this.array(item.children, join(at, 'children'), false, LIMITS.codeItems);
      if (children) this.codeItems(children, join(at, 'children'), codes, count, depth + 1);
    });
  }

  // ── layout ──────────────────────────────────────────────────────────────────────

  steps(): void {
    const steps = this.array(this.def.steps, 'steps', true, LIMITS.steps, true);
    const seenSteps = new Map<string, string>();
    let sectionCount = 0;
    steps?.forEach((raw, si) => {
      const path = `steps[${si}]`;
      const step = this.object(raw, path);
      if (!step) return;
      this.props(step, path, STEP_PROPS);
      this.key(step, path, seenSteps, '页');
      this.text(step, 'label', path, true);
      this.text(step, 'labelEn', path, false);
      const sections = this.array(step.sections, join(path, 'sections'), true, LIMITS.sections);
      sections?.forEach((rawSection, ci) => {
        sectionCount += 1;
        if (sectionCount === LIMITS.sections + 1) this.error(`${path}.sections[${ci}]`, `分节过多（最多 ${LIMITS.sections} 个）`);
        this.section(rawSection, `${path}.sections[${ci}]`);
      });
    });
  }

  section(raw: unknown, path: string): void {
    const section = this.object(raw, path);
    if (!section) return;
    this.props(section, path, SECTION_PROPS);
    this.key(section, path, this.sectionPaths, '分节');
    this.text(section, 'label', path, true);
    this.text(section, 'labelEn', path, false);
    this.text(section, 'description', path, false, LIMITS.longText);
    if (section.visibleWhen !== undefined) this.rules.push({ rule: section.visibleWhen, path: join(path, 'visibleWhen') });
    if (section.access !== undefined) this.accessMap(section.access, join(path, 'access'));
    const rows = this.array(section.rows, join(path, 'rows'), true, LIMITS.fields);
    rows?.forEach((row, ri) => {
      const rowPath = `${path}.rows[${ri}]`;
      if (!Array.isArray(row)) {
        this.error(rowPath, '每一行应为字段数组');
        return;
      }
      if (row.length === 0) this.error(rowPath, '行不能为空');
      row.forEach((field, fi) => this.field(field, `${rowPath}[${fi}]`));
    });
  }

  // ── fields ──────────────────────────────────────────────────────────────────────

  field(raw: unknown, path: string, group?: GroupScope): void {
    const field = this.object(raw, path);
    if (!field) return;
    this.fieldCount += 1;
    if (this.fieldCount > LIMITS.fields) return; // reported once by run()
    this.props(field, path, FIELD_PROPS);
    const key = this.key(field, path, this.fieldPaths, '字段');
    const type = field.type as FieldType;
    if (!(FIELD_TYPES as readonly unknown[]).includes(type)) {
      this.error(join(path, 'type'), `未知的字段类型「${String(field.type)}」`);
    }
    this.text(field, 'label', path, true);
    for (const prop of ['labelEn', 'placeholder', 'example', 'unit']) this.text(field, prop, path, false);
    this.text(field, 'help', path, false, LIMITS.longText);
    for (const prop of ['required', 'multiple']) {
      if (field[prop] !== undefined && typeof field[prop] !== 'boolean') this.error(join(path, prop), '应为 true 或 false');
    }
    for (const [prop, types] of Object.entries(OPTION_TYPES)) {
      if (field[prop] !== undefined && !types.includes(type)) {
        this.error(join(path, prop), `「${prop}」只适用于 ${types.join('、')} 字段`);
      }
    }
    this.lengths(field, path);
    this.bounds(field, path, type);
    this.choices(field, path, type);
    this.files(field, path);
    if (type === 'group') this.groupFields(field, path, group, key);
    this.defaultValue(field, path, type);
    if (group && field.access !== undefined) this.error(join(path, 'access'), '分组子字段不能单独设置权限，随所在分组');
    else if (field.access !== undefined) this.accessMap(field.access, join(path, 'access'));
    if (field.computed !== undefined && (type === 'file' || type === 'group')) {
      this.error(join(path, 'computed'), '文件和分组字段不能是计算字段');
    }
    for (const prop of ['visibleWhen', 'requiredWhen', 'computed']) {
      if (field[prop] !== undefined) this.rules.push({ rule: field[prop], path: join(path, prop), group });
    }
    if (key) this.fields.push({ path, raw: field, key, group });
  }

  lengths(field: Obj, path: string): void {
    for (const prop of ['minLength', 'maxLength', 'minItems', 'maxItems']) {
      if (field[prop] !== undefined && !isNonNegInt(field[prop])) this.error(join(path, prop), '应为非负整数');
    }
    if (isNonNegInt(field.maxLength) && field.maxLength > LIMITS.fieldLength) {
      this.error(join(path, 'maxLength'), `最多 ${LIMITS.fieldLength} 个字`);
    }
    if (isNonNegInt(field.maxItems) && field.maxItems > LIMITS.groupItems) {
      this.error(join(path, 'maxItems'), `分组最多 ${LIMITS.groupItems} 条`);
    }
    for (const [lo, hi] of [
      ['minLength', 'maxLength'],
      ['minItems', 'maxItems'],
    ] as const) {
      if (isNonNegInt(field[lo]) && isNonNegInt(field[hi]) && field[lo] > field[hi]) {
        this.error(join(path, lo), `${lo} 不能大于 ${hi}`);
      }
    }
  }

  bounds(field: Obj, path: string, type: FieldType): void {
    if (type === 'number') {
      for (const prop of ['min', 'max']) {
        const v = field[prop];
        if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) this.error(join(path, prop), '应为数字');
      }
      if (typeof field.min === 'number' && typeof field.max === 'number' && field.min > field.max) {
        this.error(join(path, 'min'), '最小值不能大于最大值');
      }
      const d = field.decimals;
      if (d !== undefined && (!isNonNegInt(d) || d > 10)) this.error(join(path, 'decimals'), '小数位数应为 0–10 的整数');
    }
    if (type === 'date') {
      for (const prop of ['min', 'max']) {
        const v = field[prop];
        if (v !== undefined && v !== 'today' && !isCalendarDate(v)) this.error(join(path, prop), "应为 'YYYY-MM-DD' 日期或 'today'");
      }
      if (isCalendarDate(field.min) && isCalendarDate(field.max) && field.min > field.max) {
        this.error(join(path, 'min'), '最早日期不能晚于最晚日期');
      }
    }
  }

  choices(field: Obj, path: string, type: FieldType): void {
    if (field.pattern !== undefined && !(PRESET_PATTERNS as readonly unknown[]).includes(field.pattern)) {
      this.error(join(path, 'pattern'), `未知的格式「${shown(field.pattern)}」，可选：${PRESET_PATTERNS.join('、')}`);
    }
    if (type === 'select' || type === 'radio') {
      const table = field.codeTable;
      if (table === undefined) this.error(join(path, 'codeTable'), '选择类字段必须指定代码表');
      else if (typeof table !== 'string' || !this.codeTable(table)) this.error(join(path, 'codeTable'), `代码表「${shown(table)}」不存在`);
    }
    if (field.regionLevel !== undefined && !['province', 'city', 'district'].includes(field.regionLevel as string)) {
      this.error(join(path, 'regionLevel'), '应为 province、city 或 district');
    }
  }

  files(field: Obj, path: string): void {
    const max = field.maxFiles;
    if (max !== undefined && (!isNonNegInt(max) || max < 1 || max > 50)) this.error(join(path, 'maxFiles'), '应为 1–50 的整数');
    const accept = field.accept;
    if (accept === undefined) return;
    if (!Array.isArray(accept) || accept.length === 0) {
      this.error(join(path, 'accept'), "应为非空数组，元素为 'image' 或 'pdf'");
      return;
    }
    accept.forEach((kind, i) => {
      if (kind !== 'image' && kind !== 'pdf') this.error(`${join(path, 'accept')}[${i}]`, "只能是 'image' 或 'pdf'");
    });
  }

  groupFields(field: Obj, path: string, parent: GroupScope | undefined, key: string | null): void {
    if (parent) {
      this.error(join(path, 'type'), '分组不能嵌套分组');
      return;
    }
    const subs = this.array(field.fields, join(path, 'fields'), true, LIMITS.fields, true);
    if (!subs) return;
    const scope: GroupScope = { key: key ?? '', subKeys: new Set() };
    for (const sub of subs) {
      if (isObj(sub) && typeof sub.key === 'string') scope.subKeys.add(sub.key);
    }
    subs.forEach((sub, i) => this.field(sub, `${join(path, 'fields')}[${i}]`, scope));
  }

  defaultValue(field: Obj, path: string, type: FieldType): void {
    if (field.default === undefined || field.default === null) return;
    const value = field.default;
    const at = join(path, 'default');
    if (type === 'file' || type === 'group' || field.multiple === true) {
      this.error(at, '此类字段不支持默认值');
      return;
    }
    if (type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) this.error(at, '默认值应为数字');
      else if ((typeof field.min === 'number' && value < field.min) || (typeof field.max === 'number' && value > field.max)) {
        this.error(at, '默认值超出取值范围');
      }
      return;
    }
    if (typeof value !== 'string') {
      this.error(at, '默认值应为字符串');
      return;
    }
    if (type === 'date' && !isCalendarDate(value)) this.error(at, "默认值应为 'YYYY-MM-DD' 日期");
    if (type === 'region' && !isValidRegion(value, (field.regionLevel as 'province' | 'city' | 'district' | undefined) ?? 'district')) {
      this.error(at, '默认值不是有效的行政区划代码');
    }
    if ((type === 'select' || type === 'radio') && typeof field.codeTable === 'string') {
      const table = this.codeTable(field.codeTable);
      if (table && !codeExists(table.items, value, 0)) this.error(at, `默认值「${value}」不在代码表中`);
    }
  }

  codeTable(key: string): CodeTable | undefined {
    return resolveCodeTable({ codeTables: this.codeTables }, key);
  }

  // ── checks and mappings ─────────────────────────────────────────────────────────

  topFieldExists(key: unknown): boolean {
    return typeof key === 'string' && this.fields.some((f) => f.key === key && !f.group);
  }

  checks(): void {
    const list = this.array(this.def.checks, 'checks', false, LIMITS.checks);
    list?.forEach((raw, i) => {
      const path = `checks[${i}]`;
      const check = this.object(raw, path);
      if (!check) return;
      this.props(check, path, ['rule', 'message', 'field', 'steps']);
      this.text(check, 'message', path, true, LIMITS.longText);
      if (!this.topFieldExists(check.field)) this.error(join(path, 'field'), `字段「${String(check.field)}」不存在`);
      const steps = this.array(check.steps, join(path, 'steps'), false, LIMITS.steps);
      steps?.forEach((step, j) => {
        if (typeof step !== 'string' || !this.workflowKeys.has(step))
          this.error(`${join(path, 'steps')}[${j}]`, `未知的环节「${String(step)}」`);
      });
      if (check.rule === undefined) this.error(join(path, 'rule'), '必填');
      else this.rules.push({ rule: check.rule, path: join(path, 'rule') });
    });
  }

  mappings(): void {
    const list = this.array(this.def.mappings, 'mappings', false, LIMITS.mappings);
    list?.forEach((raw, i) => {
      const path = `mappings[${i}]`;
      const mapping = this.object(raw, path);
      if (!mapping) return;
      this.props(mapping, path, ['from', 'fields']);
      if (typeof mapping.from !== 'string' || !KEY.test(mapping.from)) this.error(join(path, 'from'), '应为来源表单的键');
      const fields = this.object(mapping.fields, join(path, 'fields'));
      if (!fields) return;
      for (const [target, source] of Object.entries(fields)) {
        const at = join(join(path, 'fields'), target);
        if (!this.topFieldExists(target)) this.error(at, `本表单没有字段「${target}」`);
        if (typeof source !== 'string' || !KEY.test(source)) this.error(at, '来源字段键格式不正确');
      }
    });
  }

  // ── rules ───────────────────────────────────────────────────────────────────────

  rule({ rule, path, group }: PendingRule): void {
    const issues = checkRule(rule);
    for (const issue of issues) this.error(issue.path ? `${path}.${issue.path}` : path, issue.message);
    if (issues.length > 0) return;
    for (const ref of ruleVarRefs(rule)) {
      const at = ref.path ? `${path}.${ref.path}` : path;
      if (ref.name.startsWith('$row.')) {
        const sub = ref.name.slice('$row.'.length);
        if (!group) this.error(at, `「${ref.name}」只能用在分组子字段的规则中`);
        else if (!group.subKeys.has(sub)) this.error(at, `分组「${group.key}」中没有字段「${sub}」`);
        continue;
      }
      const record = this.fields.find((f) => f.key === ref.name);
      if (!record) this.error(at, `引用了不存在的字段「${ref.name}」`);
      else if (record.group) this.error(at, `「${ref.name}」是分组「${record.group.key}」的子字段，请在该分组内用 $row.${ref.name} 引用`);
    }
  }

  /** Computed fields reading each other in a loop could never settle; report each loop once. */
  computedCycles(): void {
    const scopes = new Map<string, FieldRecord[]>();
    for (const record of this.fields) {
      if (record.raw.computed === undefined) continue;
      const scope = record.group?.key ?? '';
      scopes.set(scope, [...(scopes.get(scope) ?? []), record]);
    }
    for (const [scope, records] of scopes) {
      const byKey = new Map(records.map((r) => [r.key, r]));
      const deps = (r: FieldRecord): FieldRecord[] =>
        ruleVars(r.raw.computed).flatMap((name) => {
          const dep = byKey.get(scope ? (name.startsWith('$row.') ? name.slice(5) : '') : name);
          return dep ? [dep] : [];
        });
      const state = new Map<string, 'visiting' | 'done'>();
      const stack: string[] = [];
      const visit = (r: FieldRecord): void => {
        state.set(r.key, 'visiting');
        stack.push(r.key);
        for (const dep of deps(r)) {
          const s = state.get(dep.key);
          if (s === 'visiting') {
            const cycle = [...stack.slice(stack.indexOf(dep.key)), dep.key];
            this.error(join(dep.path, 'computed'), `计算字段循环依赖：${cycle.join(' → ')}`);
          } else if (s === undefined) {
            visit(dep);
          }
        }
        stack.pop();
        state.set(r.key, 'done');
      };
      for (const r of records) if (!state.has(r.key)) visit(r);
      if (this.errors.some((e) => e.message.startsWith('计算字段循环依赖'))) continue;
      this.computedChains(records, deps);
    }
  }

  /** A form whose worst submission costs more than MAX_VALIDATION_WORK is refused (see cost.ts). */
  validationWork(): void {
    let problem: DefinitionError | null = null;
    try {
      problem = validationWorkProblem(this.def as unknown as FormDefinition);
    } catch {
      // a document too malformed to cost is already reported by the checks above
    }
    if (problem) this.error(problem.path, problem.message);
  }

  /** The longest chain of computed fields each reading the next is bounded; reported at its first field. */
  computedChains(records: FieldRecord[], deps: (r: FieldRecord) => FieldRecord[]): void {
    const longest = new Map<string, FieldRecord[]>();
    const chain = (r: FieldRecord): FieldRecord[] => {
      const known = longest.get(r.key);
      if (known) return known;
      let best: FieldRecord[] = [];
      for (const dep of deps(r)) {
        const next = chain(dep);
        if (next.length > best.length) best = next;
      }
      const own = [r, ...best];
      longest.set(r.key, own);
      return own;
    };
    let worst: FieldRecord[] = [];
    for (const r of records) {
      const c = chain(r);
      if (c.length > worst.length) worst = c;
    }
    const [first] = worst;
    if (first && worst.length > LIMITS.computedChain) {
      this.error(
        join(first.path, 'computed'),
        `计算字段依赖链过长（${worst.length} 层，最多 ${LIMITS.computedChain} 层）：${worst.map((w) => w.key).join(' → ')}`,
      );
    }
  }
}

function codeExists(items: unknown, code: string, depth: number): boolean {
  if (!Array.isArray(items) || depth > LIMITS.codeDepth) return false;
  return items.some((item) => isObj(item) && (item.code === code || codeExists(item.children, code, depth + 1)));
}

/** Problems of a definition document; [] when it can be published. */
export function checkDefinition(def: unknown): DefinitionError[] {
  if (!isObj(def)) return [{ path: '', message: '表单定义应为一个对象' }];
  try {
    return new DefinitionChecker(def).run();
  } catch {
    return [{ path: '', message: '表单定义无法解析' }];
  }
}

/** Type guard for a definition that passed `checkDefinition`. */
export function isFormDefinition(def: unknown): def is FormDefinition {
  return checkDefinition(def).length === 0;
}
