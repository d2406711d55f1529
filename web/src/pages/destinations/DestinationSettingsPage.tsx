/**
 * /destinations/settings — 去向登记设置 (province): per cohort, the last day a registered graduate may
 * change destination (default 31 August of the graduation year) and the codes the centre reviews
 * after the school (10 always). GET/PUT /api/destinations/settings/:cohort.
 */
import { useState, type SubmitEvent } from 'react';
import { BUILTIN_CODE_TABLES } from '../../../../forms/codes';
import { todayInChina } from '../../../../forms/engine/dates';
import { ApiError } from '../../api/client';
import { loadDestinationSettings, saveDestinationSettings } from '../../api/destinations';
import { Alert, Loading } from '../../components/Alert';
import { useTitle } from '../../hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

const CODES = BUILTIN_CODE_TABLES.destination.items;
const thisYear = Number(todayInChina().slice(0, 4));

export default function DestinationSettingsPage() {
  useTitle('去向登记设置');
  const [cohort, setCohort] = useState(thisYear + 1);
  const loaded = useQuery({
    queryKey: queryKeys.destinationSettings(cohort),
    queryFn: ({ signal }) => loadDestinationSettings(cohort, signal),
  });
  const client = useQueryClient();
  const [deadline, setDeadline] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // fresh settings from the server replace what the form shows
  const [shown, setShown] = useState(loaded.data);
  if (loaded.data && loaded.data !== shown) {
    setShown(loaded.data);
    setDeadline(loaded.data.changeDeadline);
    setCodes(loaded.data.centerCodes);
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = await saveDestinationSettings(cohort, { changeDeadline: deadline, centerCodes: [...new Set(['10', ...codes])] });
      client.setQueryData(queryKeys.destinationSettings(cohort), saved);
      setMessage({
        tone: 'ok',
        text: `已保存 ${saved.cohort} 届：变更截止 ${saved.changeDeadline}，中心审核 ${saved.centerCodes.join('、')}`,
      });
    } catch (err) {
      const text =
        err instanceof ApiError && err.fields.length
          ? err.fields.map((f) => f.message).join('；')
          : err instanceof Error
            ? err.message
            : '保存失败';
      setMessage({ tone: 'error', text });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page">
      <h1 className="page-title">去向登记设置</h1>
      <p className="muted">
        每届毕业生的毕业去向变更截止日期（北京时间，当天仍可变更；默认为毕业当年 8 月 31 日），以及学校审核后还须省就业中心审核的去向。
      </p>
      <form className="card destination-settings" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="ds-cohort" className="field-label">
            毕业届
          </label>
          <select id="ds-cohort" className="input" value={cohort} onChange={(e) => setCohort(Number(e.target.value))}>
            {[thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => (
              <option key={y} value={y}>
                {y} 届
              </option>
            ))}
          </select>
        </div>
        {loaded.error && <Alert>{loaded.error.message}</Alert>}
        {!loaded.data && !loaded.error && <Loading />}
        {loaded.data && (
          <>
            {!loaded.data.set && <p className="muted small">本届尚未设置，以下为默认值。</p>}
            <div className="field">
              <label htmlFor="ds-deadline" className="field-label">
                变更截止日期
              </label>
              <input
                id="ds-deadline"
                className="input"
                type="date"
                required
                value={deadline}
                onChange={(e) => setDeadline(e.target.value)}
              />
            </div>
            <fieldset className="field destination-settings-codes">
              <legend className="field-label">学校审核后须中心审核的去向</legend>
              {CODES.map((c) => (
                <label key={c.code} className="checkbox">
                  <input
                    type="checkbox"
                    checked={c.code === '10' || codes.includes(c.code)}
                    disabled={c.code === '10'}
                    onChange={(e) => setCodes(e.target.checked ? [...codes, c.code] : codes.filter((x) => x !== c.code))}
                  />{' '}
                  {c.code} {c.label}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              保存
            </button>
          </>
        )}
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
      </form>
    </main>
  );
}
