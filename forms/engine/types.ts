/**
 * The form definition format of wangqian.
 *
 * One JSON document per form (`forms/source.json`, `forms/agreement.json`, …). Admins edit it in
 * the browser, so it is plain data: no regexes, no code strings. Rules are a small JSON expression
 * tree (see `Rule`), evaluated by `rules.ts` without `eval`.
 *
 * Two different "steps" exist and must not be confused:
 *  - layout `steps` (页): the wizard pages a form is shown in (steps → sections → rows of fields);
 *  - `workflow` steps (环节): the lifecycle stage a submission is made in (`invite`, `student`,
 *    `offline`, `review`, …). Access (edit / read / hidden) is declared per workflow step and role,
 *    and `validate(definition, values, { role, step })` takes a workflow step.
 */

export const ROLES = ['student', 'employer', 'college', 'school', 'province', 'center', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Each role as users read it, on the web and in the API's answers (办理记录's actor). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  student: '学生',
  employer: '用人单位',
  college: '学院审核',
  school: '学校审核',
  province: '省级审核',
  center: '就业中心',
  admin: '管理员',
};

export const ACCESS_LEVELS = ['edit', 'read', 'hidden'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/**
 * Who may do what in each workflow step: `{ "<workflowStep>": { "edit": [roles], "read": [roles] } }`.
 * The key `"*"` applies to every workflow step not listed. A role listed nowhere is `hidden`.
 * Resolution order for a field: field.access → section.access → definition.access → hidden.
 */
export type AccessMap = Record<string, { edit?: Role[]; read?: Role[] }>;

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'region',
  'phone',
  'idNumber',
  'creditCode',
  'email',
  'file',
  'group',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Preset patterns. Admins pick one by name; they never write a regex. */
export const PRESET_PATTERNS = [
  'chineseName', // 2–30 chars of CJK, middle dot · or latin letters/spaces (少数民族/外籍姓名)
  'postcode', // 邮政编码: 6 digits
  'landline', // 区号-号码[-分机], e.g. 010-12345678, 0571-8888888-123
  'digits', // only ASCII digits
  'studentNo', // 学号: 4–20 letters or digits
  'examNo', // 考生号: 14 digits
  'alnum', // letters and digits only
] as const;
export type PresetPattern = (typeof PRESET_PATTERNS)[number];

export type Scalar = string | number | boolean | null;
export type Value = Scalar | string[] | Array<Record<string, unknown>>;
export type Values = Record<string, unknown>;

/**
 * Rule: a whitelisted JSON-Logic-style expression.
 *  - literals: string, number, boolean, null;
 *  - `{ "var": "key" }` reads a field value (own properties only; inside a group's sub-field rules
 *    `{ "var": "$row.key" }` reads a sibling of the same group row);
 *  - operators (one key per object, value = array of operands, or one operand):
 *    `==` `!=` `<` `<=` `>` `>=` `and` `or` `!` `in` (value in array literal or string) `if`
 *    (cond, then, else) `+` `-` `*` `/` `min` `max` `empty` (null/''/[] → true) `len` `concat`
 *    `today` (no operand: 'YYYY-MM-DD') `days` (date string → days since 1970-01-01, for date compare/diff).
 * Bounded: depth ≤ 12 and ≤ 200 nodes per rule; anything else is rejected by the definition validator.
 */
export type Rule = Scalar | Scalar[] | { [op: string]: Rule | Rule[] };

export interface FieldDef {
  /** Stable key, `^[a-zA-Z][a-zA-Z0-9_]{0,63}$`, unique across the whole definition. */
  key: string;
  type: FieldType;
  /** zh-CN label, what users see. */
  label: string;
  labelEn?: string;
  help?: string;
  placeholder?: string;
  /** a value as a person would type it: the example row of the import template */
  example?: string;
  required?: boolean;
  /** text/textarea/etc.: string length (characters) */
  minLength?: number;
  maxLength?: number;
  /** number: value bounds; date: 'YYYY-MM-DD' bounds */
  min?: number | string;
  max?: number | string;
  /** number: decimals allowed (default 0 = integer) */
  decimals?: number;
  /** number: unit shown after the input, e.g. 元/月 */
  unit?: string;
  pattern?: PresetPattern;
  /** select/radio: key of a code table (built-in under forms/codes or in definition.codeTables) */
  codeTable?: string;
  /** select: allow several values (value is string[]) */
  multiple?: boolean;
  /** region: the least depth accepted (default 'district') */
  regionLevel?: 'province' | 'city' | 'district';
  /** file: how many files (default 1..5) and which kinds */
  maxFiles?: number;
  accept?: Array<'image' | 'pdf'>;
  /** group: the sub-fields of one row, and how many rows */
  fields?: FieldDef[];
  minItems?: number;
  maxItems?: number;
  /** value used when a record is created and the value is missing */
  default?: Scalar;
  visibleWhen?: Rule;
  requiredWhen?: Rule;
  /** a computed field is always read-only; the server recomputes it */
  computed?: Rule;
  access?: AccessMap;
}

export interface SectionDef {
  key: string;
  label: string;
  labelEn?: string;
  description?: string;
  visibleWhen?: Rule;
  access?: AccessMap;
  /** rows of fields; a row shows its fields side by side on wide screens, stacked on phones */
  rows: FieldDef[][];
}

export interface StepDef {
  key: string;
  label: string;
  labelEn?: string;
  sections: SectionDef[];
}

export interface CheckDef {
  /** must evaluate truthy, otherwise `message` is reported at `field` */
  rule: Rule;
  message: string;
  field: string;
  /** only checked in these workflow steps (default: all) */
  steps?: string[];
}

export interface CodeItem {
  code: string;
  label: string;
  labelEn?: string;
  /** optional nesting (e.g. industry section → division) */
  children?: CodeItem[];
}

export interface CodeTable {
  key: string;
  label: string;
  /** where the codes come from, e.g. 'GB/T 4754-2017' */
  source?: string;
  items: CodeItem[];
  /**
   * Unambiguous short forms people type, mapped to a code (汉 → 01, 团员 → 03, 大专 → 41).
   * Used when reading a typed value; forms still show and store only codes.
   */
  aliases?: Record<string, string>;
}

export interface WorkflowStepDef {
  key: string;
  label: string;
}

export interface FormDefinition {
  /** 'source' | 'agreement' | 'termination' | 'dispatch' | … */
  key: string;
  title: string;
  titleEn?: string;
  description?: string;
  /** format version of this document, currently 1 */
  schemaVersion: 1;
  workflow: WorkflowStepDef[];
  access?: AccessMap;
  steps: StepDef[];
  checks?: CheckDef[];
  /** code tables private to this form (built-in ones live in forms/codes) */
  codeTables?: CodeTable[];
  /**
   * Declared copies of values into another form, e.g. dispatch.json maps agreement fields:
   * `{ "from": "agreement", "fields": { "<thisFormKey>": "<sourceFormKey>" } }`.
   */
  mappings?: Array<{ from: string; fields: Record<string, string> }>;
}

/** Context of one validation: who acts, in which workflow step. */
export interface ValidationContext {
  role: Role;
  step: string;
  /** values already stored; fields the actor may not edit keep these (default: none) */
  previous?: Values;
  /** override 'today' for tests (YYYY-MM-DD) */
  today?: string;
  /**
   * A draft save (待签约名单, a dispatch record saved to finish later): missing required values and
   * cross-field checks wait for the real submission; malformed values are still refused.
   */
  draft?: boolean;
}

export interface FieldError {
  /** path of the field: 'key', or 'group.0.sub' for group rows */
  path: string;
  code:
    | 'required'
    | 'type'
    | 'minLength'
    | 'maxLength'
    | 'min'
    | 'max'
    | 'pattern'
    | 'code'
    | 'region'
    | 'idNumber'
    | 'creditCode'
    | 'phone'
    | 'email'
    | 'date'
    | 'file'
    | 'items'
    | 'check';
  /** Chinese message for users */
  message: string;
}

export interface ValidationResult {
  /** true when there are no errors */
  ok: boolean;
  /** cleaned values: hidden / non-editable values replaced by `previous`, computed ones recomputed */
  values: Values;
  errors: FieldError[];
}

/** An error in a definition itself, with a JSON-pointer-ish path like 'steps[0].sections[1].rows[0][2].codeTable'. */
export interface DefinitionError {
  path: string;
  message: string;
}
