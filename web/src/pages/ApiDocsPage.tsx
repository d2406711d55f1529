/**
 * /api-docs — 接口文档, public: the OpenAPI document the worker serves (GET /api/openapi.json)
 * as a page: every route by group, who may call it, its parameters, body and answers, and the
 * data structures of the forms. Read from the document itself, so it never differs from it.
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client';
import { Alert } from '../components/Alert';
import { Link } from '../router';
import { useSession } from '../auth/session';
import { objectInside, propertiesOf, refName, typeWords, type Schema } from '../api-docs/schema-summary';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Operation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}
interface ApiDocument {
  info: { title: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const IN_WORDS: Record<string, string> = { path: '路径', query: '查询' };

/** An object's fields, nested; `answer`: a listed field is always there (rather than required of the caller). */
/** The fields of the object a parameter holds, if it holds one. */
function NestedFields({ schema, answer }: { schema: Schema; answer: boolean }) {
  const inner = objectInside(schema);
  return inner ? <SchemaFields schema={inner} answer={answer} /> : null;
}

function SchemaFields({ schema, answer = false }: { schema: Schema; answer?: boolean }) {
  const target = typeof schema.$ref === 'string' ? null : schema;
  const props = propertiesOf(target ?? undefined);
  if (!target || props.length === 0) {
    return (
      <p className="api-schema-type">
        {typeof schema.$ref === 'string' ? <a href={`#schema-${refName(schema.$ref)}`}>{refName(schema.$ref)}</a> : typeWords(schema)}
      </p>
    );
  }
  return (
    <ul className="api-fields">
      {props.map((p) => (
        <li key={p.name}>
          <code>{p.name}</code>
          {p.required ? <span className="api-required">{answer ? '必有' : '必填'}</span> : null}
          <span className="muted">
            ：
            {typeof p.schema.$ref === 'string' ? (
              <a href={`#schema-${refName(p.schema.$ref)}`}>{refName(p.schema.$ref)}</a>
            ) : (
              typeWords(p.schema)
            )}
          </span>
          {typeof p.schema.title === 'string' ? <span> {p.schema.title}</span> : null}
          {typeof p.schema.description === 'string' ? <span className="muted"> — {p.schema.description}</span> : null}
          <NestedFields schema={p.schema} answer={answer} />
        </li>
      ))}
    </ul>
  );
}

function OperationCard({ method, path, op, open }: { method: string; path: string; op: Operation; open: boolean }) {
  const params = op.parameters ?? [];
  const body = op.requestBody?.content;
  return (
    <details className="card api-op" id={op.operationId} open={open || undefined}>
      <summary>
        <span className={`api-method api-method-${method}`}>{method.toUpperCase()}</span>
        <code className="api-path">{path}</code>
        <span className="api-summary">{op.summary}</span>
      </summary>
      {op.description ? (
        <p className="muted">
          {op.description}
          {op.security?.length === 0 ? '（无需登录）' : ''}
        </p>
      ) : null}
      {params.length > 0 ? (
        <>
          <h4>参数</h4>
          <ul className="api-fields">
            {params.map((p) => (
              <li key={`${p.in}-${p.name}`}>
                <code>{p.name}</code>{' '}
                <span className="muted">
                  （{IN_WORDS[p.in] ?? p.in}
                  {p.required ? '，必填' : ''}）
                </span>
                {p.description ? <span> {p.description}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {body ? (
        <>
          <h4>请求内容</h4>
          {Object.entries(body).map(([type, c]) => (
            <div key={type}>
              <p className="muted">{type}</p>
              <SchemaFields schema={c.schema} />
            </div>
          ))}
        </>
      ) : null}
      <h4>应答</h4>
      {Object.entries(op.responses).map(([status, r]) => (
        <div key={status} className="api-response">
          <p>
            <strong>{status === 'default' ? '其他状态' : status}</strong> {r.description}
          </p>
          {Object.entries(r.content ?? {}).map(([type, c]) =>
            type === 'application/json' ? (
              <SchemaFields key={type} schema={c.schema} answer />
            ) : (
              <p key={type} className="muted">
                {type}
              </p>
            ),
          )}
        </div>
      ))}
    </details>
  );
}

export default function ApiDocsPage() {
  const { user } = useSession();
  const [doc, setDoc] = useState<ApiDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  // /api-docs#<operationId> opens that route's card: a link to one route
  const [hash, setHash] = useState(() => decodeURIComponent(window.location.hash.slice(1)));
  useEffect(() => {
    const read = () => setHash(decodeURIComponent(window.location.hash.slice(1)));
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);

  useEffect(() => {
    document.title = '接口文档 · 网签';
    const controller = new AbortController();
    api<ApiDocument>('/api/openapi.json', { signal: controller.signal, quiet401: true })
      .then(setDoc)
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : '接口文档加载失败');
      });
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (doc && hash) document.getElementById(hash)?.scrollIntoView({ block: 'start' });
  }, [doc, hash]);

  const groups = useMemo(() => {
    const out = new Map<string, Array<{ method: string; path: string; op: Operation }>>();
    const words = filter.trim().toLowerCase();
    for (const [path, item] of Object.entries(doc?.paths ?? {})) {
      for (const [method, op] of Object.entries(item)) {
        if (words && !`${method} ${path} ${op.summary} ${op.tags.join(' ')}`.toLowerCase().includes(words)) continue;
        const tag = op.tags[0] ?? '其他';
        const list = out.get(tag) ?? [];
        list.push({ method, path, op });
        out.set(tag, list);
      }
    }
    return [...out.entries()];
  }, [doc, filter]);

  return (
    <main id="main" className="page page-api-docs">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">{user ? '首页' : '登录'}</Link> / <span>接口文档</span>
      </nav>
      <h1 className="page-title">接口文档</h1>
      {error ? <Alert>{error}</Alert> : null}
      {!doc && !error ? <p className="muted">正在加载…</p> : null}
      {doc ? (
        <>
          <section className="card">
            <p>{doc.info.description}</p>
            <p>
              机器可读的 OpenAPI 3.1 文档：
              <a href="/api/openapi.json">
                <code>/api/openapi.json</code>
              </a>
              。除标明“无需登录”的接口外， 都需要先 <code>POST /api/session</code> 登录（会话 Cookie）；写操作须来自本站页面或不带 Origin
              的系统调用。
            </p>
          </section>
          <label className="api-filter">
            <span>筛选接口</span>
            <input
              className="input"
              type="search"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              placeholder="路径、说明或分组，如 agreements、登录"
            />
          </label>
          {groups.length === 0 ? <p className="muted">没有符合筛选的接口。</p> : null}
          {groups.map(([tag, ops]) => (
            <section key={tag} className="api-group" aria-label={tag}>
              <h2>
                {tag} <span className="muted api-count">{ops.length} 个接口</span>
              </h2>
              {ops.map((o) => (
                <OperationCard key={`${o.method} ${o.path}`} {...o} open={o.op.operationId === hash} />
              ))}
            </section>
          ))}
          <section className="api-group" aria-labelledby="api-schemas">
            <h2 id="api-schemas">数据结构</h2>
            <p className="muted">
              记录的 data 按各类记录当前发布的表单版本描述：…Data 用于提交，…DataRead
              用于应答。按条件显示、按条件必填、跨字段校验和环节权限由服务器检查，无法用 JSON Schema 表达。
            </p>
            {Object.entries(doc.components.schemas).map(([name, schema]) => (
              <details key={name} id={`schema-${name}`} className="card api-op">
                <summary>
                  <code className="api-path">{name}</code>{' '}
                  <span className="api-summary">{typeof schema.title === 'string' ? schema.title : ''}</span>
                </summary>
                {typeof schema.description === 'string' ? <p className="muted">{schema.description}</p> : null}
                <SchemaFields schema={schema} answer={name.endsWith('Read')} />
              </details>
            ))}
          </section>
        </>
      ) : null}
    </main>
  );
}
