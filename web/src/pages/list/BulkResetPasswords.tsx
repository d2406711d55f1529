/**
 * 批量重置密码 (school, source-record list): ID numbers one per line → new one-time passwords for
 * all of them at once (POST /api/source-records/reset-passwords), saved as a CSV of 用户名, 姓名,
 * 一次性密码 — the only copy. All or nothing: a number that is not one of the school's students
 * resets nobody and is named.
 */
import { useState, type SubmitEvent } from 'react';
import { errorFromBody } from '../../api/client';
import { Alert } from '../../components/Alert';
import { downloadCsv, stamp } from '../source-import/csv';
import { ResultNotice } from '../../components/ResultNotice';

const MAX = 100;

export function BulkResetPasswords() {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    const students = [
      ...new Set(
        text
          .split(/[\s,，;；]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    setDone(null);
    if (students.length === 0) {
      setError('请输入要重置密码的学生身份证号，每行一个');
      return;
    }
    if (students.length > MAX) {
      setError(`一次最多重置 ${MAX} 名学生的密码`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/source-records/reset-passwords', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ students }),
      });
      const body = await res.text();
      if (!res.ok) {
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(body);
        } catch {
          /* not JSON */
        }
        const err = errorFromBody(res.status, parsed);
        const missing = err.fields.map((f) => f.message).join('；');
        throw new Error(missing ? `${err.message}：${missing}` : err.message);
      }
      downloadCsv(`重置密码-${stamp()}.csv`, body);
      setDone(`已为 ${students.length} 名学生生成新的一次性密码，并已下载 CSV。请妥善保管并分发给本人，此文件不会再次提供。`);
      setText('');
    } catch (err) {
      setError(err instanceof Error ? err.message : '重置失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="card bulk-reset">
      <summary>批量重置学生密码</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">输入本校学生的身份证号（每行一个，最多 {MAX} 个）。学生下次登录须修改密码，已登录的设备将退出。</p>
        <Alert>{error}</Alert>
        <div className="field">
          <label htmlFor="bulk-reset-ids" className="field-label">
            身份证号
          </label>
          <textarea
            id="bulk-reset-ids"
            className="input"
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
          />
        </div>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? '正在重置…' : '重置并下载 CSV'}
        </button>
        <ResultNotice notice={done ? { tone: 'ok', text: done } : null} />
      </form>
    </details>
  );
}
