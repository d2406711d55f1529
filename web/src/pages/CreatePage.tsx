/**
 * /r/:kind/new?<links> — create a record where the lifecycle lets this actor create. The query
 * holds the links (`mode=offline`, `studentId=…`, `agreementId=…`); the body is `{ ...links, data }`.
 */
import { useState } from 'react';
import { ApiError, type ApiFieldError } from '../api/client';
import { loadFormVersion, type LoadedForm } from '../api/forms';
import { loadLifecycles } from '../api/lifecycles';
import { createRecord, prepareRecord } from '../api/records';
import { Alert, Loading } from '../components/Alert';
import { useUser } from '../auth/session';
import { clearDraft, loadDraft, saveDraft } from '../form-renderer/drafts';
import { FormRenderer } from '../form-renderer/FormRenderer';
import type { Values } from '../form-renderer/engine';
import { useTitle } from '../hooks';
import { Link, navigate, useLocation } from '../router';
import { CreateHelp } from './record/RecordHelp';
import { ChangeDeadlineNote } from './destinations/ChangeDeadlineNote';
import { OfflineAgreementPreview } from './record/OfflineAgreementPreview';
import { previewOfflineAgreement, type OfflineAgreementPreview as OfflinePreview } from '../api/agreement-preview';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { invalidateAfterRecordWrite } from '../api/invalidation';
import { queryKeys } from '../api/query-keys';

const LINK_KEYS = ['mode', 'studentId', 'agreementId'];

export default function CreatePage({ kind }: { kind: string }) {
  const user = useUser();
  const { query } = useLocation();
  const links: Record<string, string> = {};
  for (const k of LINK_KEYS) {
    const v = query.get(k);
    if (v) links[k] = v;
  }
  const linkKey = LINK_KEYS.map((k) => links[k] ?? '').join('|');
  const draftScope = `${kind}:new:${linkKey}`;

  const client = useQueryClient();
  const setup = useQuery({
    queryKey: queryKeys.createSetup(kind, user.id, linkKey),
    queryFn: async ({ signal }) => {
      const lcs = await loadLifecycles();
      const lc = lcs[kind];
      if (!lc?.create) throw new Error('您不能创建此类记录');
      // The server's own starting point (and any refusal) before the user types anything.
      const prepared = await prepareRecord(kind, links, signal);
      const form: LoadedForm = await loadFormVersion(prepared.form.key, prepared.form.version);
      return { lc, form, step: prepared.step, base: prepared.data, changeDeadline: prepared.changeDeadline };
    },
  });
  useTitle(setup.data ? `新建${setup.data.lc.label}` : '新建');

  const [savedDraft] = useState<Values | null>(() => loadDraft(draftScope, 0));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ApiFieldError[]>([]);

  // another link starts without the last one's error
  const [errorOf, setErrorOf] = useState(linkKey);
  if (errorOf !== linkKey) {
    setErrorOf(linkKey);
    setError(null);
  }

  // 线下签约: 学生录入 → 预览确认（生成协议书）→ 学院审核; the create takes the number the preview showed
  const needsPreview = kind === 'agreements' && links.mode === 'offline';
  const [preview, setPreview] = useState<{ input: Values; shown: OfflinePreview } | null>(null);

  async function showPreview(data: Values) {
    setBusy(true);
    setError(null);
    try {
      setPreview({ input: data, shown: await previewOfflineAgreement(data) });
    } catch (e) {
      if (e instanceof ApiError) {
        setFieldErrors(e.fields);
        setError(e.message);
      } else setError('预览失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  async function submit(data: Values) {
    if (needsPreview && preview?.input !== data) return showPreview(data);
    setBusy(true);
    setError(null);
    try {
      const record = await createRecord(kind, { ...links, data });
      clearDraft(draftScope);
      void invalidateAfterRecordWrite(client, kind, record.id);
      navigate(`/r/${kind}/${record.id}`, { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        setFieldErrors(e.fields);
        setError(e.message);
      } else setError('提交失败，请稍后再试');
      // back to the form, where the errors are
      setPreview(null);
    } finally {
      setBusy(false);
    }
  }

  if (setup.error) {
    return (
      <main id="main" className="page">
        <Alert>{setup.error.message}</Alert>
        <Link href="/">返回首页</Link>
      </main>
    );
  }
  if (!setup.data)
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );
  const { lc, form, step, base, changeDeadline } = setup.data;

  return (
    <main id="main" className="page">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <Link href={`/r/${kind}`}>{lc.label}</Link> / <span>新建</span>
      </nav>
      <h1 className="page-title">新建{lc.label}</h1>
      {form.definition.description && <p className="muted">{form.definition.description}</p>}
      <CreateHelp kind={kind} mode={links.mode} />
      <ChangeDeadlineNote deadline={changeDeadline} />
      <div aria-live="polite">{error && <Alert>{error}</Alert>}</div>
      {preview && (
        <OfflineAgreementPreview
          definition={form.definition}
          preview={preview.shown}
          busy={busy}
          onBack={() => setPreview(null)}
          onConfirm={() => void submit(preview.input)}
        />
      )}
      <div hidden={preview !== null}>
        <FormRenderer
          definition={form.definition}
          values={savedDraft ?? base}
          previous={base}
          role={user.role}
          step={step}
          mode="edit"
          errors={fieldErrors}
          busy={busy}
          submitLabel={busy ? '正在提交…' : needsPreview ? '预览协议书' : '提交'}
          onSubmit={submit}
          onChange={(v) => saveDraft(draftScope, 0, v)}
        />
      </div>
    </main>
  );
}
