/**
 * Every JSON answer a worker test gets is checked against the OpenAPI document the worker serves
 * (GET /api/openapi.json): the schema of its route and status, or the error schema for any status
 * the route does not list. An answer that does not match fails the test, naming the route, the
 * status and what differs. @cfworker/json-schema rather than ajv: ajv compiles with `new Function`,
 * which workerd refuses.
 */
import { Validator, type Schema } from '@cfworker/json-schema';

type Fetch = (request: Request) => Promise<Response>;
type Operation = { 'x-route': string; responses: Record<string, { content?: Record<string, { schema: Schema }> }> };
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface Template {
  path: string;
  pattern: RegExp;
  literals: number;
}

let loaded: Promise<{ doc: Doc; templates: Template[] }> | null = null;
const validators = new Map<string, Validator>();

/** The document, read once per test file; a publish or rollback changes form schemas, so it is read again after one. */
function documentOf(fetch: Fetch) {
  loaded ??= (async () => {
    const res = await fetch(new Request('https://wangqian.test/api/openapi.json'));
    if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}: ${await res.text()}`);
    // one schema root per check: the components move to $defs, where the validator looks them up
    const doc = JSON.parse((await res.text()).replaceAll('#/components/schemas/', '#/$defs/')) as Doc;
    validators.clear();
    const templates = Object.keys(doc.paths)
      .map((path) => {
        const segments = path.split('/');
        const pattern = new RegExp(
          '^' + segments.map((s) => (/^\{\w+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))).join('/') + '$',
        );
        return { path, pattern, literals: segments.filter((s) => !s.startsWith('{')).length };
      })
      .sort((a, b) => b.literals - a.literals);
    return { doc, templates };
  })();
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

export function forgetDocument(): void {
  loaded = null;
}

function validatorFor(key: string, schema: Schema, doc: Doc): Validator {
  let hit = validators.get(key);
  if (!hit) {
    hit = new Validator({ ...schema, $defs: doc.components.schemas }, '2020-12', false);
    validators.set(key, hit);
  }
  return hit;
}

/**
 * Throws when `body` (the parsed JSON of an answer) does not match the document. Answers that are
 * not JSON (files, CSV, pages) are not checked here.
 */
export async function checkAnswer(fetch: Fetch, method: string, url: string, response: Response, body: unknown): Promise<void> {
  if (!/^application\/json\b/i.test(response.headers.get('content-type') ?? '')) return;
  const { doc, templates } = await documentOf(fetch);
  const path = new URL(url).pathname;
  const status = response.status;
  const m = method.toLowerCase();
  const template = templates.find((t) => t.pattern.test(path) && doc.paths[t.path]![m]);
  const op = template ? doc.paths[template.path]![m] : undefined;
  const name = `${method} ${path}${template ? ` (${template.path})` : ''} → ${status}`;
  const listed = op?.responses[String(status)];
  if (!op && status < 400) throw new Error(`${name}: the OpenAPI document has no route for this successful answer`);
  const schema = listed ? listed.content?.['application/json']?.schema : { $ref: '#/$defs/Error' };
  if (!schema) throw new Error(`${name}: the document says this status has no JSON body`);
  if (!listed && status < 400) throw new Error(`${name}: the document does not list this status for the route`);
  const result = validatorFor(`${template?.path ?? '?'} ${m} ${listed ? status : 'error'}`, schema, doc).validate(body);
  if (!result.valid) {
    const problems = result.errors
      .filter((e) => e.keyword !== 'properties' && e.keyword !== '$ref' && e.keyword !== 'items')
      .slice(0, 6)
      .map((e) => `  ${e.instanceLocation}: ${e.error}`)
      .join('\n');
    throw new Error(`${name}: the answer does not match the OpenAPI document\n${problems}\nanswer: ${JSON.stringify(body).slice(0, 600)}`);
  }
  if (m === 'post' && status < 300 && /^\/api\/forms\/[^/]+\/(publish|rollback)$/.test(path)) forgetDocument();
}
