/** Small helpers for untrusted value objects. */

/** A non-array object: what a form's values or a group row must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property read; prototype members (`toString`, `__proto__` …) read as undefined. */
export function ownValue(source: unknown, key: string): unknown {
  return isRecord(source) && Object.hasOwn(source, key) ? source[key] : undefined;
}

/** Missing means nothing to store: undefined, null, a blank string or an empty array. */
export function isMissing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** Trims strings and turns blanks into undefined; other values pass through for the type check. */
export function cleanScalar(value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  return isMissing(value) ? undefined : value;
}

/** Counts code points (like Array.from, without the copy), so a CJK extension character or emoji is one. */
export function charLength(value: string): number {
  let n = 0;
  for (const _ of value) n += 1;
  return n;
}
