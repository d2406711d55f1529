/**
 * 签约码: a student hands a short-lived code to an employer instead of an ID number or phone. The
 * full code is shown only right after it is made (only a hash is kept); later just its last 2
 * characters. A new code replaces the old one; a code can be revoked at any time.
 */
import { useState } from 'react';
import { createSigningCode, listSigningCodes, revokeSigningCode, type CreatedSigningCode } from '../../api/studentPrivacy';
import { Alert } from '../../components/Alert';
import { groupSigningCode } from './signingCode';
import { formatBeijingDateTime } from '../../lib/beijing-time';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

export function SigningCodeCard({ approved }: { approved: boolean }) {
  const live = useQuery({ queryKey: queryKeys.signingCodes(), queryFn: ({ signal }) => listSigningCodes(signal) });
  const [created, setCreated] = useState<CreatedSigningCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState('');

  const current = live.data?.items[0] ?? null;
  const shown = created && current?.id === created.id ? created : null;

  async function run(step: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setCopied('');
    try {
      await step();
      await live.refetch();
    } catch (err) {
      setError(err instanceof Error ? err.message : '操作失败，请重试');
    } finally {
      setBusy(false);
    }
  }

  async function copy(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('已复制到剪贴板');
    } catch {
      setCopied('无法自动复制，请手动抄写签约码');
    }
  }

  return (
    <section className="card home-card" aria-labelledby="h-signing-code">
      <h2 id="h-signing-code">签约码</h2>
      <p className="muted small">
        把签约码交给用人单位，对方凭您的学校和签约码即可找到您，无需提供身份证号或手机号。有效期 7 天，可随时作废。
      </p>
      {error && <Alert>{error}</Alert>}
      {!approved ? (
        <p className="muted">生源信息通过省级审核后，可在此生成签约码。</p>
      ) : live.error ? (
        <p className="muted">{live.error.message}</p>
      ) : !live.data ? (
        <p className="muted">加载中…</p>
      ) : (
        <>
          {shown ? (
            <div className="signing-code">
              <p className="signing-code-value mono" aria-label={`签约码 ${shown.code.split('').join(' ')}`}>
                {groupSigningCode(shown.code)}
              </p>
              <p className="small">
                有效期至 <span className="nowrap">{formatBeijingDateTime(shown.expiresAt)}</span>（北京时间）
              </p>
              <p className="small text-warn">请立即复制并妥善保存：签约码只显示这一次，之后仅显示末两位。</p>
            </div>
          ) : current ? (
            <div className="signing-code">
              <p>
                当前签约码 <span className="mono">******{current.hint}</span>
              </p>
              <p className="small">
                有效期至 <span className="nowrap">{formatBeijingDateTime(current.expiresAt)}</span>（北京时间）
              </p>
            </div>
          ) : (
            <p className="muted">暂无有效的签约码</p>
          )}
          <div className="page-actions">
            {shown && (
              <button type="button" className="btn btn-primary" onClick={() => void copy(shown.code)}>
                复制签约码
              </button>
            )}
            <button
              type="button"
              className={`btn${shown ? '' : ' btn-primary'}`}
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  setCreated(await createSigningCode());
                })
              }
            >
              {busy ? '请稍候…' : current ? '重新生成' : '生成签约码'}
            </button>
            {current && (
              <button
                type="button"
                className="btn btn-link-danger"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await revokeSigningCode(current.id);
                    setCreated(null);
                  })
                }
              >
                作废
              </button>
            )}
          </div>
          <p className="small muted" role="status" aria-live="polite">
            {copied}
          </p>
        </>
      )}
    </section>
  );
}
