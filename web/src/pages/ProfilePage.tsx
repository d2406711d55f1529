/**
 * 基本信息 (student): the reviewed identity, read-only, and the contact details the student may change
 * at any time (GET/PUT /api/students/me/contact). Employers find the student by this phone, and new
 * agreements are prefilled from here.
 */
import { useEffect } from 'react';
import { api } from '../api/client';
import { PageError, PageLoading } from '../components/Alert';
import { FormSection, type SectionRow } from '../components/FormSection';
import { Link } from '../router';
import { useTextFieldsForm, type FieldErrors } from '../components/useTextFieldsForm';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import type { SavedStudentProfile, StudentProfile } from '../api/students';

type Key = 'mobile' | 'email' | 'qq' | 'wechat';
type Contact = StudentProfile['contact'];
type Errors = FieldErrors<Key>;

const KEYS: Key[] = ['mobile', 'email', 'qq', 'wechat'];

/** The same rules as the server, so most mistakes show before a round trip. */
function problems(v: Record<Key, string>): Errors {
  const e: Errors = {};
  if (!/^1[3-9]\d{9}$/.test(v.mobile)) e.mobile = '请输入 11 位手机号码';
  if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) e.email = '电子邮箱格式不正确';
  if (v.qq && !/^[1-9]\d{4,10}$/.test(v.qq)) e.qq = 'QQ 号为 5–11 位数字';
  if (v.wechat && !/^[A-Za-z][A-Za-z0-9_-]{5,19}$/.test(v.wechat)) e.wechat = '微信号为 6–20 位字母、数字、下划线或减号，以字母开头';
  return e;
}

const CONTACT_FIELDS: SectionRow<Key>[] = [
  { field: 'mobile', label: '手机号码', required: true, type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 11 },
  { field: 'email', label: '电子邮箱', type: 'email', autoComplete: 'email', maxLength: 100 },
  { field: 'qq', label: 'QQ', inputMode: 'numeric', autoComplete: 'off', maxLength: 11, hint: '5–11 位数字' },
  { field: 'wechat', label: '微信', autoComplete: 'off', spellCheck: false, maxLength: 20, hint: '微信号：6–20 位，以字母开头' },
];

const fill = (c: Contact): Record<Key, string> => ({
  mobile: c.mobile ?? '',
  email: c.email ?? '',
  qq: c.qq ?? '',
  wechat: c.wechat ?? '',
});

export default function ProfilePage() {
  const loaded = useQuery({
    queryKey: queryKeys.studentContact(),
    queryFn: ({ signal }) => api<StudentProfile>('/api/students/me/contact', { signal }),
  });
  const client = useQueryClient();
  const form = useTextFieldsForm(KEYS, {
    check: problems,
    async save(body) {
      const r = await api<SavedStudentProfile>('/api/students/me/contact', { method: 'PUT', body });
      // the next visit starts from what was saved, not from the answer before it
      const { changed: _changed, ...view } = r;
      client.setQueryData(queryKeys.studentContact(), view);
      return {
        values: fill(r.contact),
        message: r.changed.length
          ? `已保存：${r.changed.join('、')}已更新。用人单位查询与新的协议书将使用新的联系方式。`
          : '已保存，联系方式没有变化。',
      };
    },
  });
  useEffect(() => {
    document.title = '基本信息 · 网签';
  }, []);
  const { values, setValues } = form;
  useEffect(() => {
    if (loaded.data && !values) setValues(fill(loaded.data.contact));
  }, [loaded.data, values, setValues]);

  if (loaded.error) return <PageError title="基本信息">{loaded.error.message}</PageError>;
  if (!loaded.data || !values) return <PageLoading />;
  const { identity } = loaded.data;

  return (
    <main id="main" className="page page-narrow">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <span>基本信息</span>
      </nav>
      <h1 className="page-title">基本信息</h1>
      <section className="card" aria-labelledby="h-identity">
        <h2 id="h-identity">身份信息</h2>
        <p className="muted">以学校审核通过的生源信息为准，如有错误请联系所在学院或学校就业部门。</p>
        <dl className="profile-facts">
          <dt>姓名</dt>
          <dd>{identity.name}</dd>
          <dt>身份证号</dt>
          <dd className="mono">{identity.idNumber}</dd>
          <dt>学校</dt>
          <dd>{identity.schoolName}</dd>
          <dt>学院</dt>
          <dd>{identity.collegeName}</dd>
          <dt>毕业届</dt>
          <dd>{identity.cohort} 届</dd>
        </dl>
      </section>
      <FormSection
        form={form}
        className="card"
        title="联系方式"
        titleId="h-contact"
        intro={<p className="muted">用人单位可通过手机号查询到您，新的职位邀约和协议书也使用这里的联系方式。可随时修改。</p>}
        rows={CONTACT_FIELDS}
      />
    </main>
  );
}
