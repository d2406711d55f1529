/**
 * The page bench/peers-web.ts drives in Chromium: the agreement form, every field editable on one
 * page, rendered by our FormRenderer or by @rjsf/core from the engine's JSON Schema (validated
 * with @rjsf/validator-ajv8 on every change, as our form re-validates on every keystroke). Both
 * start from the same complete record, under the app's stylesheet. `window.__peerBench.mount()`
 * renders the chosen library synchronously and answers the milliseconds until layout is done.
 */
import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { formJsonSchema } from '../../forms/engine/json-schema';
import { FormRenderer } from '../../web/src/form-renderer/FormRenderer';
import '../../web/src/styles.css';
import { PAGE_FORM } from './page-form';

export type Library = 'ours' | 'rjsf';

const schema = formJsonSchema(PAGE_FORM.definition) as RJSFSchema;

function view(library: Library) {
  return library === 'ours' ? (
    <FormRenderer definition={PAGE_FORM.definition} values={PAGE_FORM.values} role={PAGE_FORM.role} step={PAGE_FORM.step} mode="edit" />
  ) : (
    <Form schema={schema} formData={PAGE_FORM.values} validator={validator} liveValidate noHtml5Validate />
  );
}

const library: Library = new URLSearchParams(location.search).get('lib') === 'rjsf' ? 'rjsf' : 'ours';
const container = document.getElementById('root');
let root: Root | null = null;

function mount(): number {
  if (!container) throw new Error('the page has no #root');
  root?.unmount();
  root = createRoot(container);
  const start = performance.now();
  flushSync(() => root?.render(view(library)));
  document.body.getBoundingClientRect();
  return performance.now() - start;
}

Object.assign(window, { __peerBench: { library, mount } });
