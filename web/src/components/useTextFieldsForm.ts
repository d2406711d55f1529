/**
 * A small form of text fields saved as a whole (基本信息's contact details, 学校信息, 确认身份): values, the
 * browser's own checks (the server's rules, so most mistakes show before a round trip), the save,
 * the server's field errors mapped back onto the fields, focus on the first field in error, and
 * the saved message for the ResultNotice beside the button.
 */
import { useCallback, useRef, useState, type SubmitEvent } from 'react';
import { ApiError } from '../api/client';

export type FieldErrors<K extends string> = Partial<Record<K | 'form', string>>;

export interface TextFieldsOptions<K extends string> {
  /** the browser's checks of trimmed values */
  check: (values: Record<K, string>) => FieldErrors<K>;
  /**
   * sends trimmed values (empty ones as null); answers the values as stored and the message to show,
   * or nothing where a successful save leaves the page (确认身份 opens the app)
   */
  save: (body: Record<K, string | null>) => Promise<{ values: Record<K, string>; message: string } | undefined>;
  /** the values to start from where they need not load first */
  initial?: Record<K, string>;
}

export type TextFieldsForm<K extends string> = ReturnType<typeof useTextFieldsForm<K>>;

export function useTextFieldsForm<K extends string>(keys: readonly K[], { check, save, initial }: TextFieldsOptions<K>) {
  const [values, setValues] = useState<Record<K, string> | null>(initial ?? null);
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Partial<Record<K, HTMLInputElement | null>>>({});

  const ref = useCallback(
    (k: K) => (el: HTMLInputElement | null) => {
      inputs.current[k] = el;
    },
    [],
  );
  /** puts the cursor in a field, e.g. the first one when the page opens */
  const focus = useCallback((k: K) => inputs.current[k]?.focus(), []);
  const set = (k: K) => (e: { target: { value: string } }) => {
    setSaved(null);
    setValues((v) => (v ? { ...v, [k]: e.target.value } : v));
  };
  const focusFirst = (e: FieldErrors<K>) => {
    const k = keys.find((x) => e[x]);
    if (k) inputs.current[k]?.focus();
  };

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    if (!values) return;
    const trimmed = Object.fromEntries(keys.map((k) => [k, values[k].trim()])) as Record<K, string>;
    const e = check(trimmed);
    setErrors(e);
    setSaved(null);
    if (Object.keys(e).length) {
      focusFirst(e);
      return;
    }
    setBusy(true);
    try {
      const r = await save(Object.fromEntries(keys.map((k) => [k, trimmed[k] || null])) as Record<K, string | null>);
      if (r) {
        setValues(r.values);
        setSaved(r.message);
      }
    } catch (err) {
      const fe = { form: err instanceof Error ? err.message : '保存失败，请稍后再试' } as FieldErrors<K>;
      if (err instanceof ApiError)
        for (const f of err.fields) if ((keys as readonly string[]).includes(f.path)) fe[f.path as K] = f.message;
      setErrors(fe);
      focusFirst(fe);
    } finally {
      setBusy(false);
    }
  }

  return { values, setValues, errors, saved, busy, ref, set, submit, focus };
}
