/**
 * One page of a form (a layout step): its title, its sections as fieldsets (or, read-only on a record
 * page, as foldable sections with a summary line) and its rows as grids of fields.
 */
import type { FormDefinition, Values } from './engine';
import { errorsUnder, type ErrorMap } from './errors';
import { FieldView } from './FieldView';
import { FoldableSection, sectionSummary } from './FoldableSection';
import type { RenderedField, RenderedStep } from './layout';

export interface FormPageProps {
  def: FormDefinition;
  page: RenderedStep;
  /** the page's heading id */
  headingId: string;
  inputId: (key: string) => string;
  values: Values;
  /** the engine's values (computed fields) */
  computed: Values;
  required: ReadonlySet<string>;
  errors: ErrorMap;
  fold: boolean;
  onChange: (path: string, value: unknown) => void;
  onBlur: (path: string) => void;
}

export function FormPage({ def, page, headingId, inputId, values, computed, required, errors, fold, onChange, onBlur }: FormPageProps) {
  const valueOf = (r: RenderedField) => (r.field.computed !== undefined ? computed[r.field.key] : values[r.field.key]);

  const renderField = (r: RenderedField) => {
    const key = r.field.key;
    return (
      <FieldView
        key={key}
        def={def}
        field={r.field}
        id={inputId(key)}
        access={r.access}
        value={valueOf(r)}
        required={r.access === 'edit' && required.has(key)}
        error={errors.get(key)}
        rowErrors={r.field.type === 'group' ? errorsUnder(errors, key) : undefined}
        formValues={r.field.type === 'group' ? values : undefined}
        path={key}
        onChange={onChange}
        onBlur={onBlur}
      />
    );
  };
  const renderRows = (rows: RenderedField[][]) =>
    rows.map((row, ri) => (
      <div key={ri} className={`row row-${Math.min(row.length, 4)}`}>
        {row.map(renderField)}
      </div>
    ));

  return (
    <section className="form-page" aria-labelledby={headingId}>
      <h2 id={headingId} className="form-page-title" tabIndex={-1}>
        {page.step.label}
      </h2>
      {page.sections.map(({ section, rows }) =>
        fold ? (
          <FoldableSection
            key={section.key}
            label={section.label}
            description={section.description}
            summary={sectionSummary(
              def,
              rows.flat().map((r) => ({ field: r.field, value: valueOf(r) })),
            )}
          >
            {renderRows(rows)}
          </FoldableSection>
        ) : (
          <fieldset key={section.key} className="form-section">
            <legend>{section.label}</legend>
            {section.description && <p className="section-desc">{section.description}</p>}
            {renderRows(rows)}
          </fieldset>
        ),
      )}
    </section>
  );
}
