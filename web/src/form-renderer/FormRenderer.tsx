/**
 * Renders any form definition with @tanstack/react-form: layout steps as a wizard (edit) or one
 * after another (preview, like the printed agreement), sections as fieldsets, rows as grids.
 * The shared engine decides access, visibility, required-ness, computed values and errors; it runs
 * once per change, memoised per definition.
 */
import { useForm, useStore } from '@tanstack/react-form';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type FormEvent, type Ref } from 'react';
import { setQueryParam, useLocation } from '../router';
import {
  evaluateForm, fieldAccess, validate,
  type Access, type FieldDef, type FormDefinition, type Role, type SectionDef, type StepDef, type Values,
} from './engine';
import { errorsUnder, summaryItems, toErrorMap, topKey, type ErrorMap } from './errors';
import { FieldView } from './FieldView';
import { FoldableSection, sectionSummary } from './FoldableSection';

export interface FormHandle {
  /**
   * validates everything; shows errors and focuses the first one, or returns the engine-cleaned
   * values. `draft`: a draft save, where missing required values wait for the submission.
   */
  submit(options?: { draft?: boolean }): Values | null;
  values(): Values;
}

export interface FormRendererProps {
  definition: FormDefinition;
  values: Values;
  role: Role;
  /** workflow step the actor edits in; null in preview */
  step: string | null;
  mode: 'edit' | 'preview';
  /** server-side errors (422 `fields`) */
  errors?: ReadonlyArray<{ path: string; message: string }>;
  /** values already stored (fields the actor may not edit keep these); default `values` */
  previous?: Values;
  onSubmit?(values: Values): void | Promise<void>;
  /** a submit the form refused (its errors are now shown): fields outside the form can flag theirs too */
  onInvalid?(): void;
  submitLabel?: string;
  busy?: boolean;
  /** called with the raw values after each change (drafts) */
  onChange?(values: Values): void;
  handleRef?: Ref<FormHandle>;
  /** preview every field whatever the access maps say (admin form preview) */
  showAll?: boolean;
  /** read-only: sections fold, closed on phones with a summary line (a record page) */
  foldSections?: boolean;
}

interface RenderedField {
  field: FieldDef;
  access: 'edit' | 'read';
}
interface RenderedSection {
  section: SectionDef;
  rows: RenderedField[][];
}
interface RenderedStep {
  step: StepDef;
  sections: RenderedSection[];
  keys: string[];
}

/** access per top-level field key for this role and workflow step, computed once per definition */
function useAccess(def: FormDefinition, role: Role, step: string | null, showAll: boolean): Map<string, Access> {
  return useMemo(() => {
    const map = new Map<string, Access>();
    const workflow = (def.workflow ?? []).map((w) => w.key);
    for (const s of def.steps ?? []) {
      for (const sec of s.sections ?? []) {
        for (const row of sec.rows ?? []) {
          for (const f of row) {
            let a: Access;
            if (showAll) a = 'read';
            else if (step) a = fieldAccess(def, f.key, role, step);
            else a = workflow.some((w) => fieldAccess(def, f.key, role, w) !== 'hidden') ? 'read' : 'hidden';
            map.set(f.key, a);
          }
        }
      }
    }
    return map;
  }, [def, role, step, showAll]);
}

export function FormRenderer(props: FormRendererProps) {
  const { definition: def, role, mode, showAll = false } = props;
  const editing = mode === 'edit' && props.step !== null;
  const step = editing ? props.step : null;
  const previous = props.previous ?? props.values;

  const form = useForm({ defaultValues: props.values as Values });
  const values = useStore(form.store, (s) => s.values) as Values;

  const access = useAccess(def, role, step, showAll);
  const view = useMemo(() => evaluateForm(def, values), [def, values]);
  const validation = useMemo(
    () => (editing && step ? validate(def, values, { role, step, previous }) : null),
    [def, values, role, step, previous, editing],
  );

  // which fields' errors to show: blurred ones, revealed pages, everything after a submit
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => setDismissed(new Set()), [props.errors]);

  // Rebuilt only when the lists change, not on every keystroke: the pages, their field order and
  // the errors to show all hang off these sets.
  const hiddenKeys = view.hidden.join('\n');
  const requiredKeys = view.required.join('\n');
  const hidden = useMemo(() => new Set(hiddenKeys ? hiddenKeys.split('\n') : []), [hiddenKeys]);
  const required = useMemo(() => new Set(requiredKeys ? requiredKeys.split('\n') : []), [requiredKeys]);

  const pages: RenderedStep[] = useMemo(() => {
    const out: RenderedStep[] = [];
    for (const s of def.steps ?? []) {
      const sections: RenderedSection[] = [];
      const keys: string[] = [];
      for (const sec of s.sections ?? []) {
        const rows = (sec.rows ?? [])
          .map((row) =>
            row
              .filter((f) => !hidden.has(f.key) && (access.get(f.key) ?? 'hidden') !== 'hidden')
              .map((f) => ({ field: f, access: access.get(f.key) as 'edit' | 'read' })),
          )
          .filter((row) => row.length > 0);
        if (rows.length === 0) continue;
        sections.push({ section: sec, rows });
        for (const row of rows) for (const r of row) keys.push(r.field.key);
      }
      if (sections.length > 0) out.push({ step: s, sections, keys });
    }
    return out;
  }, [def, hidden, access]);

  const pageOf = useMemo(() => {
    const m = new Map<string, number>();
    pages.forEach((p, i) => p.keys.forEach((k) => m.set(k, i)));
    return m;
  }, [pages]);

  // wizard page lives in the URL (?page=2) so a refresh stays on it
  const { query } = useLocation();
  const wizard = editing && pages.length > 1;
  const pageParam = Number(query.get('page') ?? '1');
  const current = wizard ? Math.min(Math.max(Number.isInteger(pageParam) ? pageParam - 1 : 0, 0), pages.length - 1) : 0;
  const goTo = useCallback((i: number) => setQueryParam('page', i === 0 ? null : String(i + 1)), []);

  const clientErrors: ErrorMap = useMemo(() => toErrorMap(validation?.errors), [validation]);
  const serverErrors: ErrorMap = useMemo(() => {
    const m = toErrorMap(props.errors);
    for (const k of [...m.keys()]) if (dismissed.has(topKey(k))) m.delete(k);
    return m;
  }, [props.errors, dismissed]);

  /** the errors to show now, by path */
  const shown: ErrorMap = useMemo(() => {
    const m: ErrorMap = new Map();
    for (const [path, msg] of clientErrors) {
      const key = topKey(path);
      if (submitted || touched.has(key) || revealed.has(pageOf.get(key) ?? -1)) m.set(path, msg);
    }
    for (const [path, msg] of serverErrors) if (!m.has(path)) m.set(path, msg);
    return m;
  }, [clientErrors, serverErrors, submitted, touched, revealed, pageOf]);

  const onChange = useCallback(
    (path: string, value: unknown) => {
      const key = topKey(path);
      // the engine validates (above) and touched/submitted live here: the form library only holds
      // the values, so its own validation and field meta would be work for nothing
      form.setFieldValue(key, value as never, { dontValidate: true, dontUpdateMeta: true });
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
  const onChangeProp = useRef(props.onChange);
  onChangeProp.current = props.onChange;
  useEffect(() => {
    if (values !== initialValues.current) onChangeProp.current?.(values);
  }, [values]);

  const idPrefix = useRef(`f${Math.random().toString(36).slice(2, 7)}`).current;
  const inputId = (key: string) => `${idPrefix}-${key}`;
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!focusTarget) return;
    const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(focusTarget)}"] :is(input,select,textarea,button)`)
      ?? document.getElementById(focusTarget);
    el?.focus();
    el?.scrollIntoView?.({ block: 'center' });
    setFocusTarget(null);
  }, [focusTarget, current]);

  const firstErrorPath = (errors: ErrorMap, restrictToPage?: number): string | null => {
    for (const p of pages.keys()) {
      if (restrictToPage !== undefined && p !== restrictToPage) continue;
      for (const key of pages[p].keys) for (const path of errorsUnder(errors, key).keys()) return path;
    }
    return null;
  };

  const submit = (options: { draft?: boolean } = {}): Values | null => {
    if (!editing || !step) return null;
    const result = validate(def, form.state.values as Values, { role, step, previous, draft: options.draft === true });
    setSubmitted(true);
    if (result.ok) return result.values;
    const path = firstErrorPath(toErrorMap(result.errors));
    if (path) {
      const page = pageOf.get(topKey(path)) ?? 0;
      if (wizard && page !== current) goTo(page);
      setFocusTarget(path);
    } else {
      setFocusTarget(`${idPrefix}-summary`);
    }
    return null;
  };

  useImperativeHandle(props.handleRef, () => ({ submit, values: () => form.state.values as Values }));

  const next = () => {
    const path = firstErrorPath(clientErrors, current);
    if (path) {
      setRevealed((r) => new Set(r).add(current));
      setFocusTarget(path);
      return;
    }
    goTo(current + 1);
    setFocusTarget(`${idPrefix}-page`);
  };

  const onFormSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (wizard && current < pages.length - 1) return next();
    if (!props.onSubmit) return;
    const v = submit();
    if (v) void props.onSubmit(v);
    else props.onInvalid?.();
  };

  const summary = submitted ? summaryItems(shown, (key) => pages.flatMap((p) => p.sections.flatMap((s) => s.rows.flat())).find((r) => r.field.key === key)?.field.label) : [];
  const summaryCount = summary.length;
  const unplaced = submitted ? [...shown].filter(([path]) => !pageOf.has(topKey(path))) : [];

  const renderField = (r: RenderedField) => {
    const key = r.field.key;
    const value = r.field.computed !== undefined ? view.values[key] : values[key];
    return (
      <FieldView
        key={key}
        def={def}
        field={r.field}
        id={inputId(key)}
        access={r.access}
        value={value}
        required={r.access === 'edit' && required.has(key)}
        error={shown.get(key)}
        rowErrors={r.field.type === 'group' ? errorsUnder(shown, key) : undefined}
        formValues={r.field.type === 'group' ? values : undefined}
        path={key}
        onChange={onChange}
        onBlur={onBlur}
      />
    );
  };

  const fold = !editing && props.foldSections === true;
  const renderRows = (rows: RenderedField[][]) =>
    rows.map((row, ri) => (
      <div key={ri} className={`row row-${Math.min(row.length, 4)}`}>
        {row.map(renderField)}
      </div>
    ));
  const renderPage = (p: RenderedStep, i: number, heading: 'h2' | 'h3') => {
    const H = heading;
    return (
      <section key={p.step.key} className="form-page" aria-labelledby={`${idPrefix}-p${i}`}>
        <H id={`${idPrefix}-p${i}`} className="form-page-title" tabIndex={-1}>
          {p.step.label}
        </H>
        {p.sections.map(({ section, rows }) => fold ? (
          <FoldableSection
            key={section.key}
            label={section.label}
            description={section.description}
            summary={sectionSummary(def, rows.flat().map((r) => ({ field: r.field, value: r.field.computed !== undefined ? view.values[r.field.key] : values[r.field.key] })))}
          >
            {renderRows(rows)}
          </FoldableSection>
        ) : (
          <fieldset key={section.key} className="form-section">
            <legend>{section.label}</legend>
            {section.description && <p className="section-desc">{section.description}</p>}
            {renderRows(rows)}
          </fieldset>
        ))}
      </section>
    );
  };

  if (!editing) {
    return (
      <div className="form-preview">
        {pages.length === 0 && <p className="muted">没有可显示的内容</p>}
        {pages.map((p, i) => renderPage(p, i, 'h2'))}
      </div>
    );
  }

  return (
    <form className="form-edit" onSubmit={onFormSubmit} noValidate>
      {summaryCount > 0 && (
        <div className="alert alert-error" role="alert" id={`${idPrefix}-summary`} tabIndex={-1}>
          <p>表单有 {summaryCount} 处需要修改：</p>
          <ul>
            {summary.map(({ path, key, lead, text }) => {
              return (
                <li key={path}>
                  {pageOf.has(key) ? (
                    <a href={`#${inputId(key)}`} onClick={(e) => {
                      e.preventDefault();
                      const page = pageOf.get(key)!;
                      if (wizard && page !== current) goTo(page);
                      setFocusTarget(path);
                    }}>{lead}</a>
                  ) : (
                    <span>{lead}</span>
                  )}
                  {text}
                </li>
              );
            })}
          </ul>
          {unplaced.length > 0 && <p>部分问题出现在您无法修改的字段中，请联系相关审核人员。</p>}
        </div>
      )}
      {wizard && (
        <ol className="stepper" aria-label="填写步骤">
          {pages.map((p, i) => (
            <li key={p.step.key} className={i === current ? 'is-current' : i < current ? 'is-done' : ''}>
              <button type="button" className="stepper-btn" aria-current={i === current ? 'step' : undefined} onClick={() => goTo(i)}>
                <span className="stepper-no">{i + 1}</span>
                <span className="stepper-label">{p.step.label}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <div id={`${idPrefix}-page`} tabIndex={-1} className="page-anchor">
        {wizard ? renderPage(pages[current], current, 'h2') : pages.map((p, i) => renderPage(p, i, 'h2'))}
      </div>
      {pages.length === 0 && <p className="muted">您在此环节没有需要填写的内容。</p>}
      <div className="form-nav">
        {wizard && current > 0 && (
          <button type="button" className="btn" onClick={() => { goTo(current - 1); setFocusTarget(`${idPrefix}-page`); }}>上一步</button>
        )}
        {wizard && current < pages.length - 1 && (
          <button type="button" className="btn btn-primary" onClick={next}>下一步</button>
        )}
        {props.onSubmit && (!wizard || current === pages.length - 1) && (
          <button type="submit" className="btn btn-primary" disabled={props.busy}>{props.submitLabel ?? '提交'}</button>
        )}
      </div>
    </form>
  );
}
