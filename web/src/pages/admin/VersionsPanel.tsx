/** Published versions with their records, a diff between any two (or the draft), and rollback. */
import { useId, useState } from 'react';
import { ApiError } from '../../api/client';
import { loadDiff, rollbackTo, type DefinitionDiff, type VersionSummary } from '../../api/forms';
import { Alert } from '../../components/Alert';

import { DiffView } from './DiffView';
import { formatBeijingDateTime } from '../../lib/beijing-time';

interface Props {
  formKey: string;
  versions: VersionSummary[];
  hasDraft: boolean;
  onPublished: (message: string) => void;
}

export function VersionsPanel({ formKey, versions, hasDraft, onPublished }: Props) {
  const id = useId();
  const latest = versions[0]?.version ?? 1;
  const [from, setFrom] = useState(String(Math.max(1, latest - 1)));
  const [to, setTo] = useState(hasDraft ? 'draft' : String(latest));
  const [diff, setDiff] = useState<DefinitionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = [...(hasDraft ? [['draft', '草稿']] : []), ...versions.map((v) => [String(v.version), `v${v.version}`])];

  const compare = async () => {
    setError(null);
    try {
      setDiff(await loadDiff(formKey, from, to));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const rollback = async (version: number) => {
    if (!window.confirm(`以 v${version} 的内容发布为新版本 v${latest + 1}？已有记录仍按各自的版本处理。`)) return;
    setError(null);
    try {
      const r = await rollbackTo(formKey, version, false).catch(async (e: unknown) => {
        if (e instanceof ApiError && e.code === 'impact_unconfirmed' && window.confirm(`${e.message}。仍要回滚吗？`))
          return rollbackTo(formKey, version, true);
        throw e;
      });
      onPublished(`已回滚：v${version} 的内容已发布为 v${r.version}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="versions-panel">
      {error && <Alert>{error}</Alert>}
      <div className="wide-scroll">
        <table className="versions-table">
          <caption>已发布版本</caption>
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">发布时间</th>
              <th scope="col">发布人</th>
              <th scope="col">使用此版本的记录</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <td>
                  v{v.version}
                  {v.version === latest ? '（当前）' : ''}
                </td>
                <td>{formatBeijingDateTime(v.publishedAt)}</td>
                <td>{v.publishedBy === 'system' ? '系统（初始版本）' : v.publishedBy}</td>
                <td>{v.records}</td>
                <td>
                  {v.version !== latest && (
                    <button type="button" className="btn btn-small" onClick={() => void rollback(v.version)}>
                      回滚到此版本
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <fieldset>
        <legend>版本对比</legend>
        <div className="editor-grid">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-from`}>
              从
            </label>
            <select id={`${id}-from`} className="input" value={from} onChange={(e) => setFrom(e.target.value)}>
              {options.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-to`}>
              到
            </label>
            <select id={`${id}-to`} className="input" value={to} onChange={(e) => setTo(e.target.value)}>
              {options.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="button" className="btn" onClick={() => void compare()}>
          对比
        </button>
        {diff && <DiffView diff={diff} />}
      </fieldset>
    </div>
  );
}
