/**
 * /admin/forms/:key — edit a form definition: structure, form settings or raw JSON on one side,
 * the live preview on the other; every edit is checked as it is typed. Saving keeps a draft;
 * publishing shows the impact first and asks for confirmation when in-flight records are affected.
 */
import { useEffect, useMemo, useState } from 'react';
import { loadLatestForm } from '../../api/forms';
import {
  checkDraft,
  discardDraft,
  listForms,
  loadDiff,
  loadDraft,
  loadImpact,
  publishDraft,
  saveDraft,
  type DefinitionDiff,
  type DefinitionProblem,
  type FormSummary,
  type ImpactReport,
} from '../../api/forms';
import { Alert, Loading } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { useTitle } from '../../hooks';
import { Link } from '../../router';
import { DiffView, ImpactView } from './DiffView';
import { checkDefinition, type FormDefinition } from './editor-engine';
import { FormSettings } from './FormSettings';
import { JsonView } from './JsonView';
import { LivePreview } from './LivePreview';
import { applyEdit, type Edit } from './structure-edits';
import { StructureEditor } from './StructureEditor';
import { VersionsPanel } from './VersionsPanel';
import './admin.css';
import { ResultNotice } from '../../components/ResultNotice';

type Tab = 'structure' | 'settings' | 'json' | 'versions';
const TABS: Array<[Tab, string]> = [
  ['structure', '页、分节与字段'],
  ['settings', '表单设置'],
  ['json', 'JSON'],
  ['versions', '版本与对比'],
];

/** Enough shape for the structured editors to walk (the checker says the rest). */
function walkable(def: unknown): def is FormDefinition {
  return (
    isObj(def) &&
    Array.isArray(def.workflow) &&
    Array.isArray(def.steps) &&
    def.steps.every(
      (s: unknown) =>
        isObj(s) &&
        Array.isArray(s.sections) &&
        s.sections.every(
          (c: unknown) => isObj(c) && Array.isArray(c.rows) && c.rows.every((r: unknown) => Array.isArray(r) && r.every(isObj)),
        ),
    )
  );
}

function isObj(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

interface Loaded {
  def: FormDefinition;
  /** the published version the edits start from: the draft's own base, or the latest version */
  baseVersion: number;
  latestVersion: number;
  summary: FormSummary | undefined;
  forms: FormSummary[];
  hasDraft: boolean;
  /** when the draft these edits started from was saved; null when they started from no draft */
  savedAt: string | null;
}

async function load(formKey: string): Promise<Loaded> {
  const [draft, latest, forms] = await Promise.all([loadDraft(formKey), loadLatestForm(formKey), listForms()]);
  return {
    def: draft.draft?.definition ?? latest.definition,
    baseVersion: draft.draft?.baseVersion ?? latest.version,
    latestVersion: latest.version,
    summary: forms.find((f) => f.key === formKey),
    forms,
    hasDraft: !!draft.draft,
    savedAt: draft.draft?.updatedAt ?? null,
  };
}

/** How long the editor waits after the last keystroke before asking the server what the lifecycles think. */
const CHECK_DELAY_MS = 700;

export default function FormEditorPage({ formKey }: { formKey: string }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [def, setDef] = useState<FormDefinition | null>(null);
  const [dirty, setDirty] = useState(false);
  const [tab, setTab] = useState<Tab>('structure');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [lifecycleErrors, setLifecycleErrors] = useState<DefinitionProblem[]>([]);
  const [impact, setImpact] = useState<ImpactReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const [baseDiff, setBaseDiff] = useState<DefinitionDiff | null>(null);

  useEffect(() => {
    let live = true;
    load(formKey).then(
      (l) => {
        if (!live) return;
        setLoaded(l);
        setDef(l.def);
        setDirty(false);
      },
      (e: unknown) => {
        if (live) setLoadError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [formKey, round]);

  const errors = useMemo(() => (def ? checkDefinition(def) : []), [def]);

  // The lifecycle dependencies live on the server: ask after a pause in typing, once the document is well-formed.
  useEffect(() => {
    if (!def || !dirty || errors.length > 0) return;
    let live = true;
    const timer = setTimeout(() => {
      checkDraft(formKey, def).then(
        (r) => live && setLifecycleErrors(r.lifecycleErrors),
        () => undefined,
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [def, dirty, errors.length, formKey]);
  // the preview keeps showing the last definition that checked clean while the admin types
  const [lastValid, setLastValid] = useState<FormDefinition | null>(null);
  if (def && def !== lastValid && errors.length === 0 && walkable(def)) setLastValid(def);
  useTitle(def && walkable(def) ? `编辑表单：${def.title}` : '编辑表单');

  const edit = (e: Edit) => {
    if (!def) return;
    setDef(applyEdit(def, e));
    setDirty(true);
  };
  const replace = (next: FormDefinition) => {
    setDef(next);
    setDirty(true);
  };

  const save = async (): Promise<boolean> => {
    if (!def || !loaded) return false;
    setBusy(true);
    try {
      const saved = await saveDraft(formKey, def, loaded.baseVersion, loaded.savedAt);
      setLifecycleErrors(saved.lifecycleErrors);
      setDirty(false);
      setLoaded((l) =>
        l ? { ...l, hasDraft: true, baseVersion: saved.baseVersion, latestVersion: saved.latestVersion, savedAt: saved.updatedAt } : l,
      );
      setMessage({
        tone: 'ok',
        text:
          saved.errors.length + saved.lifecycleErrors.length === 0
            ? '草稿已保存'
            : `草稿已保存，还有 ${saved.errors.length + saved.lifecycleErrors.length} 处问题需要修改后才能发布`,
      });
      return true;
    } catch (e) {
      setMessage({ tone: 'error', text: (e as Error).message });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const checkImpact = async () => {
    if (!(await save())) return;
    setBusy(true);
    try {
      setImpact(await loadImpact(formKey));
    } catch (e) {
      setMessage({ tone: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const publish = async () => {
    if (!impact || !loaded) return;
    setBusy(true);
    try {
      const r = await publishDraft(formKey, loaded.baseVersion, impact.affectedCount > 0 || !!impact.staleBase);
      setImpact(null);
      setMessage({ tone: 'ok', text: `已发布 v${r.version}。新建的记录将使用此版本，已有记录仍使用各自的版本。` });
      setRound((n) => n + 1);
    } catch (e) {
      setImpact(null);
      setMessage({ tone: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  /** The admin has looked at what the newer version changed: the draft now starts from it. */
  const moveOntoLatest = async () => {
    if (!def || !loaded) return;
    setBusy(true);
    try {
      const saved = await saveDraft(formKey, def, loaded.latestVersion, loaded.savedAt);
      setLoaded({
        ...loaded,
        hasDraft: true,
        baseVersion: saved.baseVersion,
        latestVersion: saved.latestVersion,
        savedAt: saved.updatedAt,
      });
      setLifecycleErrors(saved.lifecycleErrors);
      setDirty(false);
      setBaseDiff(null);
      setMessage({ tone: 'ok', text: `草稿已更新为基于 v${saved.baseVersion}。发布前请确认草稿包含了需要保留的修改。` });
    } catch (e) {
      setMessage({ tone: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const compareBase = async () => {
    if (!loaded) return;
    try {
      setBaseDiff(await loadDiff(formKey, String(loaded.baseVersion), String(loaded.latestVersion)));
    } catch (e) {
      setMessage({ tone: 'error', text: (e as Error).message });
    }
  };

  const discard = async () => {
    if (!window.confirm('放弃草稿，回到当前发布的版本？')) return;
    await discardDraft(formKey);
    setMessage({ tone: 'info', text: '草稿已放弃' });
    setRound((n) => n + 1);
  };

  if (loadError)
    return (
      <main id="main" className="page">
        <Alert>{loadError}</Alert>
      </main>
    );
  if (!loaded || !def)
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  const shapeOk = walkable(def);
  const stale = loaded.baseVersion !== loaded.latestVersion;
  const blocking = errors.length + lifecycleErrors.length + (impact?.staleBase ? 1 : 0);

  return (
    <main id="main" className="page page-wide">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <Link href="/admin/forms">表单管理</Link> / <span>{formKey}</span>
      </nav>
      <div className="page-head">
        <h1 className="page-title">编辑表单：{shapeOk ? def.title : formKey}</h1>
        <p className="muted">
          当前发布 v{loaded.latestVersion} · {loaded.hasDraft ? `有草稿（基于 v${loaded.baseVersion}）` : '无草稿'}
          {dirty ? ' · 有未保存的修改' : ''}
        </p>
      </div>
      <div className="page-actions editor-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void save()}>
          保存草稿
        </button>
        <button type="button" className="btn btn-primary" disabled={busy || errors.length > 0} onClick={() => void checkImpact()}>
          检查影响并发布…
        </button>
        {loaded.hasDraft && (
          <button type="button" className="btn btn-link-danger" disabled={busy} onClick={() => void discard()}>
            放弃草稿
          </button>
        )}
      </div>
      <ResultNotice notice={message} />
      {stale && (
        <div className="stale-base" role="alert">
          <p>
            <strong>
              草稿基于 v{loaded.baseVersion}，其间已发布了 v{loaded.latestVersion}。
            </strong>
            直接发布会覆盖 v{loaded.latestVersion} 的修改。请先查看 v{loaded.latestVersion}{' '}
            改了什么，把需要保留的修改加入草稿，再把草稿更新到 v{loaded.latestVersion}。
          </p>
          <button type="button" className="btn btn-small" onClick={() => void compareBase()}>
            对比 v{loaded.baseVersion} 与 v{loaded.latestVersion}
          </button>{' '}
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void moveOntoLatest()}>
            已查看，草稿改为基于 v{loaded.latestVersion}
          </button>
          {baseDiff && <DiffView diff={baseDiff} />}
        </div>
      )}
      <div className="definition-status" role="status" aria-live="polite">
        {errors.length === 0 ? (
          <span className="ok-text">定义校验通过</span>
        ) : (
          <span className="field-error">定义有 {errors.length} 处错误</span>
        )}
      </div>
      {lifecycleErrors.length > 0 && (
        <Alert>
          以下修改会破坏正在运行的业务流程，不能发布：
          <ul>
            {lifecycleErrors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </Alert>
      )}

      <div className="editor-layout">
        <div className="editor-pane">
          <div role="tablist" aria-label="编辑内容" className="tabs">
            {TABS.map(([t, label]) => (
              <button
                key={t}
                type="button"
                role="tab"
                aria-selected={tab === t}
                className={`tab${tab === t ? ' tab-active' : ''}`}
                onClick={() => setTab(t)}
              >
                {label}
              </button>
            ))}
          </div>
          <div role="tabpanel" aria-label={TABS.find(([t]) => t === tab)?.[1]}>
            {tab !== 'json' && tab !== 'versions' && !shapeOk && <Alert>定义结构不完整，请先在 JSON 视图中修正。</Alert>}
            {tab === 'structure' && shapeOk && <StructureEditor def={def} errors={errors} edit={edit} />}
            {tab === 'settings' && shapeOk && (
              <FormSettings def={def} errors={errors} lifecycleErrors={lifecycleErrors} forms={loaded.forms} edit={edit} />
            )}
            {tab === 'json' && <JsonView def={def} errors={errors} onChange={replace} />}
            {tab === 'versions' && loaded.summary && (
              <VersionsPanel
                formKey={formKey}
                versions={loaded.summary.versions}
                hasDraft={loaded.hasDraft}
                onPublished={(text) => {
                  setMessage({ tone: 'ok', text });
                  setRound((n) => n + 1);
                }}
              />
            )}
          </div>
        </div>
        <div className="preview-pane">
          {lastValid ? <LivePreview def={lastValid} stale={lastValid !== def} /> : <p className="muted">定义有效后显示预览。</p>}
        </div>
      </div>

      <Dialog
        open={!!impact}
        title="发布前检查"
        onClose={() => setImpact(null)}
        footer={
          <>
            <button type="button" className="btn" onClick={() => setImpact(null)}>
              取消
            </button>
            <button type="button" className="btn btn-primary" disabled={busy || blocking > 0} onClick={() => void publish()}>
              {impact && impact.affectedCount > 0 ? `确认发布（影响 ${impact.affectedCount} 条记录）` : '确认发布'}
            </button>
          </>
        }
      >
        {impact && (
          <>
            <p>将发布为 v{impact.latestVersion + 1}。</p>
            {impact.staleBase && <Alert>不能发布：{impact.staleBase.message}</Alert>}
            {impact.lifecycleErrors && impact.lifecycleErrors.length > 0 && (
              <Alert>
                不能发布：
                <ul>
                  {impact.lifecycleErrors.map((e, i) => (
                    <li key={i}>{e.message}</li>
                  ))}
                </ul>
              </Alert>
            )}
            <ImpactView impact={impact} />
          </>
        )}
      </Dialog>
    </main>
  );
}
