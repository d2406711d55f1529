/** A student's first entry: confirm ID number and contact details (POST /api/session/identity). */
import { useEffect } from 'react';
import { api } from '../api/client';
import type { User } from '../api/types';
import { Alert } from '../components/Alert';
import { FormSection, type SectionRow } from '../components/FormSection';
import { useTextFieldsForm, type FieldErrors } from '../components/useTextFieldsForm';
import { useSession } from '../auth/session';

const KEYS = ['idNumber', 'mobile', 'email'] as const;
type Key = (typeof KEYS)[number];

const FIELDS: SectionRow<Key>[] = [
  { field: 'idNumber', label: '身份证号', required: true, autoComplete: 'off', spellCheck: false, maxLength: 18 },
  { field: 'mobile', label: '手机号码', required: true, type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 11 },
  { field: 'email', label: '电子邮箱', type: 'email', autoComplete: 'email' },
];

function problems(v: Record<Key, string>): FieldErrors<Key> {
  const e: FieldErrors<Key> = {};
  if (!/^\d{17}[\dXx]$/.test(v.idNumber)) e.idNumber = '请输入 18 位身份证号';
  if (!/^1\d{10}$/.test(v.mobile)) e.mobile = '请输入 11 位手机号码';
  if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) e.email = '电子邮箱格式不正确';
  return e;
}

export function IdentityPage() {
  const { setUser } = useSession();
  const form = useTextFieldsForm(KEYS, {
    initial: { idNumber: '', mobile: '', email: '' },
    check: problems,
    async save({ idNumber, mobile, email }) {
      const r = await api<{ user: User }>('/api/session/identity', {
        method: 'POST',
        body: { idNumber: idNumber?.toUpperCase(), mobile, email: email ?? undefined },
      });
      // the app opens in place of this page: nothing more to show here
      setUser(r.user);
      return undefined;
    },
  });
  const { focus } = form;

  useEffect(() => {
    document.title = '确认身份 · 网签';
    focus('idNumber');
  }, [focus]);

  return (
    <main className="auth-page" id="main">
      <FormSection
        form={form}
        className="card auth-card"
        heading="h1"
        title="确认身份与联系方式"
        titleId="id-title"
        intro={<Alert tone="info">首次进入请核对身份证号并留下常用手机号，用人单位和学校将通过它与您联系。</Alert>}
        rows={FIELDS}
        submitLabel="确认"
        busyLabel="正在提交…"
        block
        notice={false}
      />
    </main>
  );
}
