/** 提醒设置: per category, whether e-mail and SMS go out besides the in-app message (always on). */
import { useState } from 'react';
import { loadPreferences, savePreferences, type CategoryPreference } from '../../api/notifications';
import { Alert } from '../../components/Alert';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

export function NotificationPreferences() {
  const { data, error } = useQuery({ queryKey: queryKeys.notificationPreferences(), queryFn: ({ signal }) => loadPreferences(signal) });
  const client = useQueryClient();
  const [prefs, setPrefs] = useState<CategoryPreference[] | null>(null);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // fresh preferences from the server replace the switches
  const [shown, setShown] = useState(data);
  if (data && data !== shown) {
    setShown(data);
    setPrefs(data.preferences);
  }

  const toggle = (category: string, channel: 'email' | 'sms') =>
    setPrefs((p) => p?.map((x) => (x.category === category ? { ...x, [channel]: !x[channel] } : x)) ?? null);

  async function save() {
    if (!prefs) return;
    setSaving(true);
    setStatus(null);
    try {
      const saved = await savePreferences(prefs.map(({ category, email, sms }) => ({ category, email, sms })));
      client.setQueryData(queryKeys.notificationPreferences(), saved);
      setPrefs(saved.preferences);
      setStatus({ tone: 'ok', text: '提醒设置已保存' });
    } catch (e) {
      setStatus({ tone: 'error', text: (e as Error).message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <section className="card notify-prefs" aria-labelledby="h-notify-prefs">
      <h2 id="h-notify-prefs">提醒设置</h2>
      <p className="muted">站内消息始终开启；可按类别关闭邮件或短信提醒。邮件和短信发送到您在基本信息中填写的邮箱和手机号码。</p>
      {error && <Alert>{error.message}</Alert>}
      {prefs && (
        <table className="notify-prefs-table">
          <thead>
            <tr>
              <th scope="col">类别</th>
              <th scope="col">邮件</th>
              <th scope="col">短信</th>
            </tr>
          </thead>
          <tbody>
            {prefs.map((p) => (
              <tr key={p.category}>
                <th scope="row">{p.label}</th>
                <td>
                  <label className="notify-pref-check">
                    <input type="checkbox" checked={p.email} onChange={() => toggle(p.category, 'email')} />
                    <span className="sr-only">{p.label}邮件</span>
                  </label>
                </td>
                <td>
                  <label className="notify-pref-check">
                    <input type="checkbox" checked={p.sms} onChange={() => toggle(p.category, 'sms')} />
                    <span className="sr-only">{p.label}短信</span>
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {status && <Alert tone={status.tone === 'ok' ? 'ok' : 'error'}>{status.text}</Alert>}
      <p>
        <button type="button" className="btn btn-primary" onClick={() => void save()} disabled={!prefs || saving}>
          {saving ? '正在保存…' : '保存提醒设置'}
        </button>
      </p>
    </section>
  );
}
