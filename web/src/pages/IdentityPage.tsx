/** A student's first entry: confirm ID number and contact details (POST /api/session/identity). */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { User } from '../api/types';
import { Alert } from '../components/Alert';
import { TextInput } from '../components/TextInput';
import { useSession } from '../auth/session';

const KEYS = ['idNumber', 'mobile', 'email'] as const;
type Key = (typeof KEYS)[number];
type Errors = Partial<Record<Key | 'form', string>>;

export function IdentityPage() {
  const { setUser } = useSession();
  const [values, setValues] = useState<Record<Key, string>>({ idNumber: '', mobile: '', email: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const idNumberRef = useRef<HTMLInputElement>(null);
  const mobileRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = '确认身份 · 网签';
    idNumberRef.current?.focus();
  }, []);

  const set = (k: Key) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  function focusFirst(e: Errors) {
    const k = KEYS.find((x) => e[x]);
    const refs = { idNumber: idNumberRef, mobile: mobileRef, email: emailRef };
    if (k) refs[k].current?.focus();
  }

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    const e: Errors = {};
    if (!/^\d{17}[\dXx]$/.test(values.idNumber.trim())) e.idNumber = '请输入 18 位身份证号';
    if (!/^1\d{10}$/.test(values.mobile.trim())) e.mobile = '请输入 11 位手机号码';
    if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) e.email = '电子邮箱格式不正确';
    setErrors(e);
    if (Object.keys(e).length) {
      focusFirst(e);
      return;
    }
    setBusy(true);
    try {
      const r = await api<{ user: User }>('/api/session/identity', {
        method: 'POST',
        body: { idNumber: values.idNumber.trim().toUpperCase(), mobile: values.mobile.trim(), email: values.email.trim() || undefined },
      });
      setUser(r.user);
    } catch (err) {
      const fe: Errors = { form: err instanceof Error ? err.message : '提交失败' };
      if (err instanceof ApiError)
        for (const f of err.fields) if ((KEYS as readonly string[]).includes(f.path)) fe[f.path as Key] = f.message;
      setErrors(fe);
      focusFirst(fe);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="id-title">
        <h1 id="id-title">确认身份与联系方式</h1>
        <Alert tone="info">首次进入请核对身份证号并留下常用手机号，用人单位和学校将通过它与您联系。</Alert>
        <Alert>{errors.form}</Alert>
        <TextInput
          ref={idNumberRef}
          label="身份证号"
          required
          autoComplete="off"
          spellCheck={false}
          value={values.idNumber}
          onChange={set('idNumber')}
          error={errors.idNumber}
          maxLength={18}
        />
        <TextInput
          ref={mobileRef}
          label="手机号码"
          required
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={values.mobile}
          onChange={set('mobile')}
          error={errors.mobile}
          maxLength={11}
        />
        <TextInput
          ref={emailRef}
          label="电子邮箱"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={set('email')}
          error={errors.email}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? '正在提交…' : '确认'}
        </button>
      </form>
    </main>
  );
}
