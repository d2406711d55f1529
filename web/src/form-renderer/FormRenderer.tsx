/**
 * Renders any form definition: layout steps as a wizard (edit) or one after another (preview, like
 * the printed agreement), sections as fieldsets, rows as grids. The shared engine decides access,
 * visibility, required-ness, computed values and errors; it runs once per change, memoised per
 * definition. The pieces: useFormState (values and the errors to show), layout (access and pages),
 * useWizardPage (the page in the URL), ErrorSummary, Stepper, FormPage and FieldView (one field).
 */
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type SubmitEvent, type Ref } from 'react';
import { validate, type FormDefinition, type Role, type Values } from './engine';
import { ErrorSummary } from './ErrorSummary';
import { errorsUnder, summaryItems, toErrorMap, topKey, type ErrorMap } from './errors';
import { FormPage } from './FormPage';
import { useFieldAccess, usePages, type RenderedStep } from './layout';
import { Stepper } from './Stepper';
import { useFormState } from './useFormState';
import { useWizardPage } from './useWizardPage';

export interface FormHandle {
  /**
   * validates everything; shows errors and focuses the first one, or returns the engine-cleaned
   * values. `draft`: a draft save, where missing required values wait for the submission.
   */
  submit: (options?: { draft?: boolean }) => Values | null;
  values: () => Values;
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
  onSubmit?: (values: Values) => void | Promise<void>;
  /** a submit the form refused (its errors are now shown): fields outside the form can flag theirs too */
  onInvalid?: () => void;
  submitLabel?: string;
  busy?: boolean;
  /** called with the raw values after each change (drafts) */
  onChange?: (values: Values) => void;
  handleRef?: Ref<FormHandle>;
  /** preview every field whatever the access maps say (admin form preview) */
  showAll?: boolean;
  /** read-only: sections fold, closed on phones with a summary line (a record page) */
  foldSections?: boolean;
}

export function FormRenderer(props: FormRendererProps) {
  const { definition: def, role, mode, showAll = false } = props;
  const editing = mode === 'edit' && props.step !== null;
  const step = editing ? props.step : null;
  const previous = props.previous ?? props.values;

  const state = useFormState({ def, initial: props.values, previous, role, step, serverErrors: props.errors, onChange: props.onChange });
  const { values, view } = state;
  const access = useFieldAccess(def, role, step, showAll);
  const { pages, pageOf } = usePages(def, state.hidden, access);
  const wizard = editing && pages.length > 1;
  const { current, goTo } = useWizardPage(wizard, pages.length);
  const { shownErrors } = state;
  const shown: ErrorMap = useMemo(() => shownErrors(pageOf), [shownErrors, pageOf]);

  // ids unique on the page (two forms may be shown at once), usable in #fragments
  const idPrefix = `f${useId().replace(/[^\w-]/g, '')}`;
  const inputId = (key: string) => `${idPrefix}-${key}`;
  // the element to focus once the page it is on has rendered; each request renders once more
  const focusTarget = useRef<string | null>(null);
  const [focusRequests, setFocusRequests] = useState(0);
  const setFocusTarget = (target: string) => {
    focusTarget.current = target;
    setFocusRequests((n) => n + 1);
  };
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    const el =
      document.querySelector<HTMLElement>(`[data-field="${CSS.escape(target)}"] :is(input,select,textarea,button)`) ??
      document.getElementById(target);
    el?.focus();
    // jsdom, where the tests run, has no scrollIntoView
    if (el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'center' });
  }, [focusRequests, current]);

  const firstErrorPath = (errors: ErrorMap, restrictToPage?: number): string | null => {
    for (const [p, page] of pages.entries()) {
      if (restrictToPage !== undefined && p !== restrictToPage) continue;
      for (const key of page.keys) for (const path of errorsUnder(errors, key).keys()) return path;
    }
    return null;
  };

  /** opens the page of an error and focuses its field */
  const focusError = (path: string) => {
    const page = pageOf.get(topKey(path)) ?? 0;
    if (wizard && page !== current) goTo(page);
    setFocusTarget(path);
  };

  const submit = (options: { draft?: boolean } = {}): Values | null => {
    if (!editing || !step) return null;
    const result = validate(def, state.current(), { role, step, previous, draft: options.draft === true });
    state.setSubmitted(true);
    if (result.ok) return result.values;
    const path = firstErrorPath(toErrorMap(result.errors));
    if (path) focusError(path);
    else setFocusTarget(`${idPrefix}-summary`);
    return null;
  };

  useImperativeHandle(props.handleRef, () => ({ submit, values: state.current }));

  const next = () => {
    const path = firstErrorPath(state.clientErrors, current);
    if (path) {
      state.reveal(current);
      setFocusTarget(path);
      return;
    }
    goTo(current + 1);
    setFocusTarget(`${idPrefix}-page`);
  };

  const onFormSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    if (wizard && current < pages.length - 1) {
      next();
      return;
    }
    if (!props.onSubmit) return;
    const v = submit();
    if (v) void props.onSubmit(v);
    else props.onInvalid?.();
  };

  const summary = state.submitted
    ? summaryItems(
        shown,
        (key) => pages.flatMap((p) => p.sections.flatMap((s) => s.rows.flat())).find((r) => r.field.key === key)?.field.label,
      )
    : [];
  const unplaced = state.submitted ? [...shown].filter(([path]) => !pageOf.has(topKey(path))).length : 0;

  const fold = !editing && props.foldSections === true;
  const currentPage = pages[current];
  const renderPage = (page: RenderedStep, i: number) => (
    <FormPage
      key={page.step.key}
      def={def}
      page={page}
      headingId={`${idPrefix}-p${i}`}
      inputId={inputId}
      values={values}
      computed={view.values}
      required={state.required}
      errors={shown}
      fold={fold}
      onChange={state.onChange}
      onBlur={state.onBlur}
    />
  );

  if (!editing) {
    return (
      <div className="form-preview">
        {pages.length === 0 && <p className="muted">没有可显示的内容</p>}
        {pages.map(renderPage)}
      </div>
    );
  }

  return (
    <form className="form-edit" onSubmit={onFormSubmit} noValidate>
      <ErrorSummary
        id={`${idPrefix}-summary`}
        items={summary}
        linkable={(key) => pageOf.has(key)}
        hrefOf={(key) => `#${inputId(key)}`}
        onPick={(item) => focusError(item.path)}
        unplaced={unplaced}
      />
      {wizard && <Stepper pages={pages} current={current} onPick={goTo} />}
      <div id={`${idPrefix}-page`} tabIndex={-1} className="page-anchor">
        {wizard ? currentPage && renderPage(currentPage, current) : pages.map(renderPage)}
      </div>
      {pages.length === 0 && <p className="muted">您在此环节没有需要填写的内容。</p>}
      <div className="form-nav">
        {wizard && current > 0 && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              goTo(current - 1);
              setFocusTarget(`${idPrefix}-page`);
            }}
          >
            上一步
          </button>
        )}
        {wizard && current < pages.length - 1 && (
          <button type="button" className="btn btn-primary" onClick={next}>
            下一步
          </button>
        )}
        {props.onSubmit && (!wizard || current === pages.length - 1) && (
          <button type="submit" className="btn btn-primary" disabled={props.busy}>
            {props.submitLabel ?? '提交'}
          </button>
        )}
      </div>
    </form>
  );
}
