/**
 * /admin/forms/:key — edit a form definition: structure, form settings or raw JSON on one side,
 * the live preview on the other; every edit is checked as it is typed. Saving keeps a draft;
 * publishing shows the impact first and asks for confirmation when in-flight records are affected.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { loadLatestForm } from '../../api/forms';
import {
  discardDraft, listForms, loadDraft, loadImpact, publishDraft, saveDraft,
  type DefinitionProblem, type FormSummary, type ImpactReport,
} from '../../api/forms';
import { Alert, Loading } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { useTitle } from '../../hooks';
import { Link } from '../../router';
import { ImpactView } from './DiffView';
import { checkDefinition, type FormDefinition } from './editor-engine';
import { FormSettings } from './FormSettings';
import { JsonView } from './JsonView';
import { LivePreview } from './LivePreview';
import { applyEdit, type Edit } from './structure-edits';
import { StructureEditor } from './StructureEditor';
import { VersionsPanel } from './VersionsPanel';
import './admin.css';

type Tab = 'structure' | 'settings' | 'json' | 'versions';
const TABS: Array<[Tab, string]> = [['structure', '页、分节与字段'], ['settings', '表单设置'], ['json', 'JSON'], ['versions', '版本与对比']];

/** Enough shape for the structured editors to walk (the checker says the rest). */
function walkable(def: unknown): def is FormDefinition {
  const d = def as FormDefinition;
  return !!d && typeof d === 'object' && Array.isArray(d.workflow) && Array.isArray(d.steps)
    && d.steps.every((s) => s && Array.isArray(s.sections) && s.sections.every((c) => c && Array.isArray(c.rows) && c.rows.every((r) => Array.isArray(r) && r.every((f) => f && typeof f === 'object'))));
}

interface Loaded {
  def: FormDefinition;
  baseVersion: number;
  summary: FormSummary | undefined;
  hasDraft: boolean;
}

async function load(formKey: string): Promise<Loaded> {
  const [draft, latest, forms] = await Promise.all([loadDraft(formKey), loadLatestForm(formKey), listForms()]);
  return {
    def: draft.draft?.definition ?? latest.definition,
    baseVersion: latest.version,
    summary: forms.find((f) => f.key === formKey),
    hasDraft: !!draft.draft,
  };
}

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

  useEffect(() => {
    let live = true;
    load(formKey).then((l) => {
      if (!live) return;
      setLoaded(l);
      setDef(l.def);
      setDirty(false);
    }, (e: Error) => live && setLoadError(e.message));
    return () => { live = false; };
  }, [formKey, round]);

  const errors = useMemo(() => (def ? checkDefinition(def) : []), [def]);
  const lastValid = useRef<FormDefinition | null>(null);
  if (def && errors.length === 0 && walkable(def)) lastValid.current = def;
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
    if (!def) return false;
    setBusy(true);
    try {
      const saved = await saveDraft(formKey, def);
      setLifecycleErrors(saved.lifecycleErrors);
      setDirty(false);
      setLoaded((l) => (l ? { ...l, hasDraft: true } : l));
      setMessage({ tone: 'ok', text: saved.errors.length + saved.lifecycleErrors.length === 0 ? '草稿已保存' : `草稿已保存，还有 ${saved.errors.length + saved.lifecycleErrors.length} 处问题需要修改后才能发布` });
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
      const r = await publishDraft(formKey, loaded.baseVersion, impact.affectedCount > 0);
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

  const discard = async () => {
    if (!window.confirm('放弃草稿，回到当前发布的版本？')) return;
    await discardDraft(formKey);
    setMessage({ tone: 'info', text: '草稿已放弃' });
    setRound((n) => n + 1);
  };

  if (loadError) return <main id="main" className="page"><Alert>{loadError}</Alert></main>;
  if (!loaded || !def) return <main id="main" className="page"><Loading /></main>;
  const shapeOk = walkable(def);
  const blocking = errors.length + lifecycleErrors.length;

  return (
    <main id="main" className="page page-wide">
      <nav className="crumbs" aria-label="位置"><Link href="/">首页</Link> / <Link href="/admin/forms">表单管理</Link> / <span>{formKey}</span></nav>
      <div className="page-head">
        <h1 className="page-title">编辑表单：{shapeOk ? def.title : formKey}</h1>
        <p className="muted">当前发布 v{loaded.baseVersion} · {loaded.hasDraft ? '有草稿' : '无草稿'}{dirty ? ' · 有未保存的修改' : ''}</p>
      </div>
      <div className="page-actions editor-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void save()}>保存草稿</button>
        <button type="button" className="btn btn-primary" disabled={busy || errors.length > 0} onClick={() => void checkImpact()}>检查影响并发布…</button>
        {loaded.hasDraft && <button type="button" className="btn btn-link-danger" disabled={busy} onClick={() => void discard()}>放弃草稿</button>}
      </div>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <div className="definition-status" role="status" aria-live="polite">
        {errors.length === 0 ? <span className="ok-text">定义校验通过</span> : <span className="field-error">定义有 {errors.length} 处错误</span>}
      </div>
      {lifecycleErrors.length > 0 && (
        <Alert>
          以下修改会破坏正在运行的业务流程，不能发布：
          <ul>{lifecycleErrors.map((e, i) => <li key={i}>{e.message}</li>)}</ul>
        </Alert>
      )}

      <div className="editor-layout">
        <div className="editor-pane">
          <div role="tablist" aria-label="编辑内容" className="tabs">
            {TABS.map(([t, label]) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} className={`tab${tab === t ? ' tab-active' : ''}`} onClick={() => setTab(t)}>{label}</button>
            ))}
          </div>
          <div role="tabpanel" aria-label={TABS.find(([t]) => t === tab)?.[1]}>
            {tab !== 'json' && tab !== 'versions' && !shapeOk && <Alert>定义结构不完整，请先在 JSON 视图中修正。</Alert>}
            {tab === 'structure' && shapeOk && <StructureEditor def={def} errors={errors} edit={edit} />}
            {tab === 'settings' && shapeOk && <FormSettings def={def} errors={errors} edit={edit} />}
            {tab === 'json' && <JsonView def={def} errors={errors} onChange={replace} />}
            {tab === 'versions' && loaded.summary && (
              <VersionsPanel formKey={formKey} versions={loaded.summary.versions} hasDraft={loaded.hasDraft}
                onPublished={(text) => { setMessage({ tone: 'ok', text }); setRound((n) => n + 1); }} />
            )}
          </div>
        </div>
        <div className="preview-pane">
          {lastValid.current ? <LivePreview def={lastValid.current} stale={lastValid.current !== def} /> : <p className="muted">定义有效后显示预览。</p>}
        </div>
      </div>

      <Dialog open={!!impact} title="发布前检查" onClose={() => setImpact(null)}
        footer={(
          <>
            <button type="button" className="btn" onClick={() => setImpact(null)}>取消</button>
            <button type="button" className="btn btn-primary" disabled={busy || blocking > 0} onClick={() => void publish()}>
              {impact && impact.affectedCount > 0 ? `确认发布（影响 ${impact.affectedCount} 条记录）` : '确认发布'}
            </button>
          </>
        )}>
        {impact && (
          <>
            <p>将发布为 v{impact.latestVersion + 1}。</p>
            {(impact.lifecycleErrors ?? []).length > 0 && (
              <Alert>不能发布：<ul>{impact.lifecycleErrors!.map((e, i) => <li key={i}>{e.message}</li>)}</ul></Alert>
            )}
            <ImpactView impact={impact} />
          </>
        )}
      </Dialog>
    </main>
  );
}
