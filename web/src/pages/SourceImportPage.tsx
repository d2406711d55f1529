/**
 * /source-records/import — a school uploads its roster (CSV / XLSX). The summary survives a refresh
 * (sessionStorage); the one-time initial passwords stay in memory only.
 */
import { useEffect, useMemo, useRef, useState, type SubmitEvent } from 'react';
import { ApiError } from '../api/client';
import { loadLatestForm } from '../api/forms';
import { importSourceRecords, type ImportCredential } from '../api/sourceImport';
import { useUser } from '../auth/session';
import { can } from '../auth/abilities';
import { Alert } from '../components/Alert';
import type { FieldDef, FormDefinition } from '../form-renderer/engine';
import { useTitle } from '../hooks';
import { Link } from '../router';
import { CredentialsTable } from './source-import/CredentialsTable';
import { ImportHelp } from './source-import/ImportHelp';
import { ImportResultView, type ImportSummary } from './source-import/ImportResultView';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';

const SUMMARY_KEY = 'wq:source-import:summary';
const ACCEPTED = /\.(csv|xlsx)$/i;

function loadSummary(): ImportSummary | null {
  try {
    const raw = sessionStorage.getItem(SUMMARY_KEY);
    return raw ? (JSON.parse(raw) as ImportSummary) : null;
  } catch {
    return null;
  }
}

function saveSummary(summary: ImportSummary | null): void {
  try {
    if (summary) sessionStorage.setItem(SUMMARY_KEY, JSON.stringify(summary));
    else sessionStorage.removeItem(SUMMARY_KEY);
  } catch {
    // quota: the summary is a convenience; keep at least the counts and problems
    try {
      if (summary?.problemList) sessionStorage.setItem(SUMMARY_KEY, JSON.stringify({ ...summary, problemList: undefined }));
    } catch {
      // still too large
    }
  }
}

/** key → Chinese label of every field (walked here so this page does not load the form engine) */
function fieldLabels(def: FormDefinition): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (f: FieldDef) => {
    out.set(f.key, f.label);
    f.fields?.forEach(visit);
  };
  for (const step of def.steps) for (const sec of step.sections) for (const row of sec.rows) row.forEach(visit);
  return out;
}

/** '生源所在地' for 'origin'; a nested path keeps its tail; an unknown column name stays as is */
function useFieldLabels(): (field: string) => string {
  const form = useQuery({ queryKey: queryKeys.form('source'), queryFn: () => loadLatestForm('source') });
  return useMemo(() => {
    const labels = form.data ? fieldLabels(form.data.definition) : new Map<string, string>();
    return (field: string) => {
      const own = labels.get(field);
      if (own !== undefined) return own;
      const cut = field.search(/[.[]/);
      const top = cut < 0 ? field : field.slice(0, cut);
      const topLabel = labels.get(top);
      return topLabel !== undefined ? `${topLabel}（${field.slice(top.length).replace(/^\./, '')}）` : field;
    };
  }, [form.data]);
}

export default function SourceImportPage() {
  const user = useUser();
  useTitle('生源导入');
  const labelOf = useFieldLabels();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(loadSummary);
  const [credentials, setCredentials] = useState<ImportCredential[]>([]);
  const [downloaded, setDownloaded] = useState(false);
  const abortRef = useRef<(() => void) | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // passwords not yet downloaded: ask before leaving the page
  useEffect(() => {
    if (credentials.length === 0 || downloaded) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- older Chromium shows the prompt only when it is set
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [credentials, downloaded]);

  useEffect(() => () => abortRef.current?.(), []);

  if (!can(user, 'import_source_records')) {
    return (
      <main id="main" className="page">
        <Alert>只有学校审核员可以导入生源。</Alert>
        <Link href="/">返回首页</Link>
      </main>
    );
  }

  const pick = (f: File | null) => {
    setFile(f);
    setError(null);
    setFileError(f && !ACCEPTED.test(f.name) ? '请选择 .csv 或 .xlsx 文件' : null);
  };

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    if (!file) {
      setFileError('请选择要导入的文件');
      inputRef.current?.focus();
      return;
    }
    if (!ACCEPTED.test(file.name)) {
      setFileError('请选择 .csv 或 .xlsx 文件');
      inputRef.current?.focus();
      return;
    }
    if (credentials.length > 0 && !downloaded && !window.confirm('上一次导入的初始密码尚未下载，继续导入后将无法再查看。确定继续？'))
      return;
    setError(null);
    setProgress(0);
    const job = importSourceRecords(file, setProgress);
    abortRef.current = job.abort;
    try {
      const result = await job.promise;
      const next: ImportSummary = {
        created: result.created,
        updated: result.updated,
        unchanged: result.unchanged,
        errors: result.errors,
        credentialCount: result.credentials.length,
        problemList: result.problemList,
      };
      setSummary(next);
      saveSummary(next);
      setCredentials(result.credentials);
      setDownloaded(false);
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      window.setTimeout(() => resultRef.current?.focus(), 0);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'aborted') setError(null);
      else if (err instanceof ApiError) {
        const about = err.fields.map((f) => `${labelOf(f.path)}：${f.message}`).join('；');
        setError(about && !err.message.includes(about) ? `${err.message}（${about}）` : err.message);
      } else setError('导入失败，请稍后再试');
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  }

  const uploading = progress !== null;
  const lostPasswords = summary && summary.credentialCount > 0 && credentials.length === 0;

  return (
    <main id="main" className="page">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <span>生源导入</span>
      </nav>
      <h1 className="page-title">生源导入</h1>
      <div className="import-layout">
        <div>
          <form className="card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="upload-title">
            <h2 id="upload-title">上传生源文件</h2>
            {error && <Alert>{error}</Alert>}
            <div className={`field${fileError ? ' field-invalid' : ''}`}>
              <label htmlFor="import-file" className="field-label">
                生源文件（CSV 或 Excel）
                <span className="req" aria-hidden="true">
                  {' '}
                  *
                </span>
              </label>
              <input
                ref={inputRef}
                id="import-file"
                type="file"
                accept=".csv,.xlsx"
                className="file-input"
                disabled={uploading}
                aria-required="true"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? 'import-file-hint import-file-err' : 'import-file-hint'}
                onChange={(e) => pick(e.target.files?.[0] ?? null)}
              />
              <p id="import-file-hint" className="field-help">
                {file
                  ? `已选择：${file.name}（${Math.max(1, Math.round(file.size / 1024))} KB）`
                  : '.csv（UTF-8 / GBK）或 .xlsx，不超过 20 MB'}
              </p>
              {fileError && (
                <p id="import-file-err" className="field-error" role="alert">
                  {fileError}
                </p>
              )}
            </div>
            {progress !== null && (
              <div className="upload-progress" role="status" aria-live="polite">
                <label htmlFor="import-progress">
                  {progress < 1 ? `正在上传 ${Math.round(progress * 100)}%` : '已上传，正在校验并导入…'}
                </label>
                <progress id="import-progress" max={1} value={progress < 1 ? progress : undefined} />
                {progress < 1 && (
                  <button type="button" className="btn btn-small" onClick={() => abortRef.current?.()}>
                    取消
                  </button>
                )}
              </div>
            )}
            <p className="form-nav">
              <button type="submit" className="btn btn-primary" disabled={uploading}>
                {uploading ? '正在导入…' : '开始导入'}
              </button>
            </p>
          </form>
          <div ref={resultRef} tabIndex={-1} className="page-anchor" aria-live="polite">
            {summary && <ImportResultView summary={summary} labelOf={labelOf} />}
          </div>
          {credentials.length > 0 && (
            <CredentialsTable credentials={credentials} downloaded={downloaded} onDownloaded={() => setDownloaded(true)} />
          )}
          {lostPasswords && (
            <Alert tone="info">
              上次导入生成了 {summary.credentialCount}{' '}
              个初始密码，出于安全考虑页面刷新后不再显示。如未保存，请联系管理员为相关学生重置密码。
            </Alert>
          )}
          {summary && (
            <p className="page-actions">
              <Link className="btn" href="/r/source-records?state=imported">
                查看学校导入的生源
              </Link>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  saveSummary(null);
                  setSummary(null);
                  setCredentials([]);
                }}
              >
                清除结果
              </button>
            </p>
          )}
        </div>
        <ImportHelp />
      </div>
    </main>
  );
}
