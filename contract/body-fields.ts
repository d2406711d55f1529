/**
 * The fields request bodies are made of, each with its Chinese message: the worker's body check
 * (worker/middleware/contract-body) answers a failing field with it, `missing_field` for 必填 and
 * `bad_field` for anything else.
 */
import * as v from 'valibot';

/** The message of a required value that is absent, null or blank. */
export const REQUIRED = '必填';

const notBlank = (s: string) => s.trim() !== '';
const typeOrRequired = (what: string) => (issue: v.BaseIssue<unknown>) => (issue.input == null ? REQUIRED : what);
const tooLong = (max: number) => `不能超过 ${max} 个字符`;

/** Required text of at most `max` characters (counted before trimming), not blank; kept as typed. */
export const requiredText = (max: number) =>
  v.pipe(v.string(typeOrRequired('必须是字符串')), v.maxLength(max, tooLong(max)), v.check(notBlank, REQUIRED));

/** Required text of at most `max` characters (counted before trimming), not blank; trimmed. */
export const trimmedText = (max: number) =>
  v.pipe(v.string(typeOrRequired('必须是字符串')), v.maxLength(max, tooLong(max)), v.trim(), v.nonEmpty(REQUIRED));

/** Optional text of at most `max` characters; absent and null both mean none. */
export const optionalText = (max: number) => v.nullish(v.pipe(v.string('必须是字符串'), v.maxLength(max, tooLong(max))));

/** A whole number (absent counts as not one). */
export const integer = () => v.pipe(v.number('必须是整数'), v.safeInteger('必须是整数'));

/** valibot's record takes an array for an object (its output is then a copy): refused before it. */
const jsonObject = (message: string | ((issue: v.BaseIssue<unknown>) => string)) =>
  v.pipe(
    v.custom<unknown>((x) => !Array.isArray(x), '必须是对象'),
    v.record(v.string(), v.unknown(), message),
  );

/** A JSON object (not an array); absent or null is 必填. */
export const requiredObject = () => jsonObject(typeOrRequired('必须是对象'));

/** A JSON object (not an array), or nothing: absent and null both mean none. */
export const optionalObject = () => v.nullish(jsonObject('必须是对象'));
