/**
 * /r/:kind/:id — one record, driven by the API: state, the form (edit in the actor's workflow step,
 * else preview), the actions the actor may take now, and the timeline.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type ApiFieldError } from '../api/client';
import { loadFormVersion, type LoadedForm } from '../api/forms';
import { invalidateAfterRecordWrite } from '../api/invalidation';
import { lifecyclesQuery } from '../api/queries';
import { queryKeys } from '../api/query-keys';
import { getRecord, takeAction } from '../api/records';
import { withPrefill } from '../api/schoolProfile';
import type { RecordAction, RecordView } from '../api/types';
import { ActionDialog } from '../components/ActionDialog';
import { Alert, Loading } from '../components/Alert';
import { StateBadge } from '../components/StateBadge';
import { Timeline } from '../components/Timeline';
import { useUser } from '../auth/session';
import { clearDraft, loadDraft, saveDraft } from '../form-renderer/drafts';
import { FormRenderer, type FormHandle } from '../form-renderer/FormRenderer';
import type { Values } from '../form-renderer/engine';
import { useTitle } from '../hooks';
import { formatBeijingDateTime } from '../lib/beijing-time';
import { Link, navigate, setQueryParam, useLocation } from '../router';
import { AcceptInvitationDialog } from './record/AcceptInvitationDialog';
import { ChangesTable } from './record/ChangesTable';
import { InvitationPreview } from './record/InvitationPreview';
import { AcceptedNotice, ACCEPTED_QUERY } from './record/AcceptedNotice';
import { changedKeys, InvitationTerms } from './record/InvitationTerms';
import { TermsChanges } from './record/TermsChanges';
import { AgreementPdfDownload, RecordHelp } from './record/RecordHelp';
import { ResetPasswordCard } from './record/ResetPasswordCard';
import { NextStep } from './record/NextStep';
import { CreatableLinks } from './record/CreatableLinks';
import { ChangeDeadlineNote } from './destinations/ChangeDeadlineNote';
import { ResultNotice } from '../components/ResultNotice';
import { advanceQueue, takeFlash } from './record/advance-queue';
import { listHref, parseQueue, shouldAdvance } from './record/queue-params';

const CONFLICT_MESSAGE = '该记录已被他人更新，已为您刷新';

interface Loaded {
  record: RecordView;
  form: LoadedForm;
}

export default function RecordPage({ kind, id }: { kind: string; id: string }) {
  const user = useUser();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const client = useQueryClient();
  const { data: lcs } = useQuery(lifecyclesQuery(user.id));
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'error' | 'ok' | 'info'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ApiFieldError[]>([]);
  const [pending, setPending] = useState<{ action: RecordAction; data?: Values } | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState<Values | null>(null);
  const handle = useRef<FormHandle>(null);
  const draftScope = `${kind}:${id}`;
  // 预览 (employer, invitation in 待签约名单) lives in the URL so a refresh stays in it
  const { query } = useLocation();
  const previewing = query.get('preview') === '1';
  // the review queue this record was opened from (its list filters), for the next record and 返回列表
  const queue = query.get('queue');
  const [previewValues, setPreviewValues] = useState<Values | null>(null);
  const [editingNow, setEditingNow] = useState(false);

  const lc = lcs?.[kind];
  useTitle(loaded ? `${lc?.label ?? ''} ${loaded.record.stateLabel}` : '记录');

  const show = useCallback(
    async (record: RecordView) => {
      const form = await loadFormVersion(record.form.key, record.form.version);
      const draft = record.step ? loadDraft(draftScope, record.version) : null;
      setRestored(draft);
      // an unsent change typed before a refresh reopens the edit; otherwise the record reads as it is
      setEditingNow(draft !== null);
      setLoaded({ record, form });
    },
    [draftScope, setEditingNow],
  );

  const reload = useCallback(async () => {
    try {
      await show(await client.query({ queryKey: queryKeys.record(kind, id), queryFn: ({ signal }) => getRecord(kind, id, signal) }));
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : '加载失败');
    }
  }, [kind, id, show, client]);

  // App keys this page by kind and id, so this runs once per record
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the flash is taken from storage once on arrival, not during render
    setNotice(takeFlash(window.location.pathname + window.location.search));
    void reload();
  }, [reload]);

  const run = async (action: RecordAction, data: Values | undefined, reason: string | undefined, reasonChoice?: string) => {
    if (!loaded) return;
    setBusy(true);
    setNotice(null);
    try {
      const record = await takeAction(kind, id, action.name, {
        version: loaded.record.version,
        ...(data ? { data } : {}),
        ...(reason ? { reason } : {}),
        ...(reasonChoice ? { reasonChoice } : {}),
      });
      clearDraft(draftScope);
      setFieldErrors([]);
      setPending(null);
      client.setQueryData(queryKeys.record(kind, id), record);
      void invalidateAfterRecordWrite(client, kind, id, record.created);
      // 应约 created the agreement: the student goes on to it
      if (record.created) {
        navigate(`/r/${record.created.kind}/${encodeURIComponent(record.created.id)}?${ACCEPTED_QUERY}=1`);
        return;
      }
      const done = `已${action.label}，当前状态：${record.stateLabel}`;
      // a reviewer goes on to the next record of the queue waiting for them
      if (
        shouldAdvance(record.advancesQueue === true, loaded.record.state, record.state, record.actions.length > 0) &&
        (await advanceQueue(kind, id, queue, done))
      )
        return;
      if (record.state !== loaded.record.state) setQueryParam('preview', null);
      await show(record);
      setNotice({ tone: 'ok', text: done });
    } catch (e) {
      setPending(null);
      if (e instanceof ApiError && e.status === 409) {
        clearDraft(draftScope);
        setFieldErrors([]);
        await reload();
        setNotice({ tone: 'error', text: `${CONFLICT_MESSAGE}${e.message ? `（${e.message}）` : ''}` });
      } else if (e instanceof ApiError && e.status === 422) {
        // the admin changed the list meanwhile: offer the current one
        if (e.code === 'reason_not_listed') await reload();
        setFieldErrors(e.fields);
        setNotice({ tone: 'error', text: e.message || '表单填写有误，请检查标红的字段' });
      } else {
        setNotice({ tone: 'error', text: e instanceof Error ? e.message : '操作失败' });
      }
    } finally {
      setBusy(false);
    }
  };

  const start = (action: RecordAction) => {
    let data: Values | undefined;
    if (action.step) {
      // draft saves (保存) let required values wait until the submission
      if (previewing) setQueryParam('preview', null);
      const v = handle.current?.submit({ draft: action.draft === true });
      if (!v) {
        // the form shows an error summary (role=alert) and focuses the first error
        setNotice(null);
        return;
      }
      data = v;
    }
    if (action.needsReason || action.confirm || (kind === 'invitations' && action.name === 'accept')) setPending({ action, data });
    else void run(action, data, undefined);
  };

  const cancel = useCallback(() => setPending(null), []);

  if (loadError && !loaded) {
    return (
      <main id="main" className="page">
        <Alert>{loadError}</Alert>
        <p>
          <Link href={listHref(kind, parseQueue(queue))}>返回列表</Link>
        </p>
      </main>
    );
  }
  if (!loaded)
    return (
      <main id="main" className="page">
        <Loading />
      </main>
    );

  const { record, form } = loaded;
  // a record whose only edits keep its state (a sent invitation's 修改邀约) reads as it is until the user picks the edit
  const editActions = record.actions.filter((a) => a.step);
  const readsFirst = editActions.length > 0 && editActions.every((a) => a.inPlace && !a.draft);
  const editing = record.step !== null && (!readsFirst || editingNow);
  const actions = readsFirst && editingNow ? editActions : record.actions;
  const creatable = record.creatable ?? [];
  const sendAction = kind === 'invitations' && record.state === 'draft' ? (actions.find((a) => a.name === 'send') ?? null) : null;
  const inPreview = previewing && sendAction !== null;
  const openPreview = () => {
    setPreviewValues(handle.current?.values() ?? null);
    setQueryParam('preview', '1');
  };
  const isAccept = (a: RecordAction | undefined) => kind === 'invitations' && a?.name === 'accept';
  const employerName = typeof record.data.employerName === 'string' ? record.data.employerName : '';

  return (
    <main id="main" className="page page-record">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <Link href={listHref(kind, parseQueue(queue))}>{lc?.label ?? kind}</Link> / <span>详情</span>
      </nav>
      <div className="record-head">
        <h1 className="page-title">{form.definition.title || lc?.label}</h1>
        <StateBadge state={record.state} label={record.stateLabel} tone={record.stateTone} />
      </div>
      <dl className="record-meta">
        {record.number && (
          <>
            <dt>{kind === 'agreements' ? '协议书编号' : '编号'}</dt>
            <dd className="mono">{record.number}</dd>
          </>
        )}
        {(record.mode === 'online' || record.mode === 'offline') && (
          <>
            <dt>方式</dt>
            <dd>{record.mode === 'online' ? '线上签约' : '线下签约'}</dd>
          </>
        )}
        {record.deadline && (
          <>
            <dt>应约截止</dt>
            <dd>{record.deadline}</dd>
          </>
        )}
        {record.updatedAt && (
          <>
            <dt>更新于</dt>
            <dd>{formatBeijingDateTime(record.updatedAt)}</dd>
          </>
        )}
      </dl>

      {kind === 'agreements' && record.number && <AgreementPdfDownload id={record.id} />}
      <RecordHelp kind={kind} record={record} />
      {kind === 'invitations' && record.state === 'sent' && user.role === 'student' && record.deadline && (
        <Alert tone="info">
          请在 <strong>{record.deadline}</strong>（应约截止日）前核对邀约并选择接受或拒绝，逾期邀约将失效。
        </Alert>
      )}
      <NextStep text={lc?.next?.[record.state]} />
      {user.role === 'student' && <ChangeDeadlineNote deadline={record.changeDeadline} />}
      <div aria-live="polite">{!notice && <AcceptedNotice kind={kind} />}</div>
      {restored && (
        <Alert tone="info">
          已恢复您上次未提交的填写内容。{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              clearDraft(draftScope);
              setRestored(null);
            }}
          >
            放弃并恢复原内容
          </button>
        </Alert>
      )}

      {record.changes && record.changes.length > 0 && record.changesBox && (
        <ChangesTable
          kind={kind}
          changes={record.changes}
          definition={form.definition}
          prominent={record.changesBox === 'review'}
          since={record.changesSince}
        />
      )}

      <div className="record-layout">
        <div className="record-main">
          {user.role === 'student' && record.termsChanges && (
            <TermsChanges kind={kind} changes={record.termsChanges} definition={form.definition} />
          )}
          {user.role === 'student' && (kind === 'invitations' || kind === 'amendments') && (
            <InvitationTerms
              definition={form.definition}
              data={record.data}
              changed={changedKeys(record)}
              title={kind === 'amendments' ? '修改后的条款' : '邀约条款'}
            />
          )}
          {inPreview && (
            <InvitationPreview
              definition={form.definition}
              values={previewValues ?? restored ?? record.data}
              busy={busy}
              sendLabel={sendAction.label}
              onBack={() => setQueryParam('preview', null)}
              onSend={() => start(sendAction)}
            />
          )}
          <div hidden={inPreview}>
            <FormRenderer
              key={`${record.id}:${record.version}:${restored ? 'd' : 'o'}:${editing ? 'e' : 'r'}`}
              definition={form.definition}
              values={restored ?? withPrefill(record)}
              previous={record.data}
              role={user.role}
              step={record.step}
              mode={editing ? 'edit' : 'preview'}
              foldSections
              errors={fieldErrors}
              handleRef={handle}
              onChange={editing ? (v) => saveDraft(draftScope, record.version, v) : undefined}
            />
          </div>
          {(actions.length > 0 || creatable.length > 0 || notice) && !inPreview && (
            <div className="action-bar" role="group" aria-label="操作">
              <ResultNotice notice={notice} className="action-notice" />
              {sendAction && (
                <button type="button" className="btn" disabled={busy} onClick={openPreview}>
                  预览
                </button>
              )}
              {actions.map((a) => (
                <button
                  key={a.name}
                  type="button"
                  className={`btn ${a.style === 'primary' || (readsFirst && editingNow) ? 'btn-primary' : a.style === 'danger' ? 'btn-danger' : ''}`}
                  disabled={busy}
                  onClick={() => {
                    if (readsFirst && !editingNow && a.inPlace && a.step) {
                      setNotice(null);
                      setEditingNow(true);
                    } else start(a);
                  }}
                >
                  {readsFirst && editingNow ? '保存修改' : a.label}
                </button>
              ))}
              {readsFirst && editingNow && (
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() => {
                    clearDraft(draftScope);
                    setRestored(null);
                    setFieldErrors([]);
                    setEditingNow(false);
                  }}
                >
                  取消修改
                </button>
              )}
              <CreatableLinks offers={creatable} />
            </div>
          )}
          {actions.length === 0 && creatable.length === 0 && <p className="muted">当前没有您可以进行的操作。</p>}
        </div>
        <aside className="record-side" aria-labelledby="tl-title">
          <ResetPasswordCard record={record} />
          <h2 id="tl-title">办理记录</h2>
          <Timeline events={record.timeline} />
        </aside>
      </div>

      <AcceptInvitationDialog
        action={pending && isAccept(pending.action) ? pending.action : null}
        busy={busy}
        employerName={employerName}
        definition={form.definition}
        record={record}
        onCancel={cancel}
        onConfirm={() => pending && void run(pending.action, pending.data, undefined)}
      />
      <ActionDialog
        action={pending && !isAccept(pending.action) ? pending.action : null}
        busy={busy}
        onCancel={cancel}
        onConfirm={(reason, reasonChoice) => pending && void run(pending.action, pending.data, reason, reasonChoice)}
      />
    </main>
  );
}
