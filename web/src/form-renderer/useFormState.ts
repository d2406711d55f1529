/**
 * The form's state: the values (held by @tanstack/react-form), the shared engine's view of them
 * (hidden, required, computed) and its validation, and which errors to show now — blurred fields,
 * revealed wizard pages, everything after a submit, and the server's errors until their field changes.
 * Each change is reported to `onChange` (drafts), the initial values are not.
 */
import { useForm, useSelector } from '@tanstack/react-form';
import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { evaluateForm, validate, type FormDefinition, type Role, type Values } from './engine';
import { toErrorMap, topKey, type ErrorMap } from './errors';

export interface FormStateOptions {
  def: FormDefinition;
  initial: Values;
  previous: Values;
  role: Role;
  /** the workflow step edited; null when reading */
  step: string | null;
  serverErrors?: ReadonlyArray<{ path: string; message: string }>;
  onChange?: (values: Values) => void;
}

export function useFormState({ def, initial, previous, role, step, serverErrors: serverList, onChange: onChangeProp }: FormStateOptions) {
  const form = useForm({ defaultValues: initial });
  const values: Values = useSelector(form.store, (s) => s.values);

  const view = useMemo(() => evaluateForm(def, values), [def, values]);
  const validation = useMemo(() => (step ? validate(def, values, { role, step, previous }) : null), [def, values, role, step, previous]);

  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  // new errors from the server: none of them is dismissed yet
  const [dismissedOf, setDismissedOf] = useState(serverList);
  if (dismissedOf !== serverList) {
    setDismissedOf(serverList);
    setDismissed(new Set());
  }

  // Rebuilt only when the lists change, not on every keystroke: the pages, their field order and
  // the errors to show all hang off these sets.
  const hiddenKeys = view.hidden.join('\n');
  const requiredKeys = view.required.join('\n');
  const hidden = useMemo(() => new Set(hiddenKeys ? hiddenKeys.split('\n') : []), [hiddenKeys]);
  const required = useMemo(() => new Set(requiredKeys ? requiredKeys.split('\n') : []), [requiredKeys]);

  const clientErrors: ErrorMap = useMemo(() => toErrorMap(validation?.errors), [validation]);
  const serverErrors: ErrorMap = useMemo(() => {
    const m = toErrorMap(serverList);
    for (const k of [...m.keys()]) if (dismissed.has(topKey(k))) m.delete(k);
    return m;
  }, [serverList, dismissed]);

  /** the errors to show now, by path, given the page of each field */
  const shownErrors = useCallback(
    (pageOf: Map<string, number>): ErrorMap => {
      const m: ErrorMap = new Map();
      for (const [path, msg] of clientErrors) {
        const key = topKey(path);
        if (submitted || touched.has(key) || revealed.has(pageOf.get(key) ?? -1)) m.set(path, msg);
      }
      for (const [path, msg] of serverErrors) if (!m.has(path)) m.set(path, msg);
      return m;
    },
    [clientErrors, serverErrors, submitted, touched, revealed],
  );

  const onChange = useCallback(
    (path: string, value: unknown) => {
      const key = topKey(path);
      // the engine validates (above) and touched/submitted live here: the form library only holds
      // the values, so its own validation and field meta would be work for nothing
      form.setFieldValue(key, value, { dontValidate: true, dontUpdateMeta: true });
      setDismissed((d) => (d.has(key) ? d : new Set(d).add(key)));
    },
    [form],
  );
  const onBlur = useCallback((path: string) => {
    const key = topKey(path);
    setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  }, []);

  // drafts: report changes (not the initial values)
  const initialValues = useRef(values);
  const reportChange = useEffectEvent((next: Values) => onChangeProp?.(next));
  useEffect(() => {
    if (values !== initialValues.current) reportChange(values);
  }, [values]);

  /** the current values as the library holds them (also between renders) */
  const current = useCallback((): Values => form.state.values, [form]);
  const reveal = useCallback((page: number) => setRevealed((r) => new Set(r).add(page)), []);

  return { values, current, view, hidden, required, clientErrors, shownErrors, submitted, setSubmitted, reveal, onChange, onBlur };
}
