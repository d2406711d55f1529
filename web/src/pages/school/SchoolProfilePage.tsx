/**
 * /school/profile — 学校信息 (school reviewer): the school's part of every agreement (就业主管部门,
 * 联系人, 电话, 地址, 邮编), kept once. An agreement waiting for the school opens with these in its
 * 学校意见 where it is still empty (GET/PUT /api/schools/me/profile).
 */
import { useState } from 'react';
import { loadSchoolProfile, saveSchoolProfile, type SchoolProfileKey, type SchoolProfileValues } from '../../api/schoolProfile';
import { PageError, PageLoading } from '../../components/Alert';
import { FormSection, type SectionRow } from '../../components/FormSection';
import { useTitle } from '../../hooks';
import { Link } from '../../router';
import { useTextFieldsForm, type FieldErrors } from '../../components/useTextFieldsForm';
import { formatBeijingDateTime } from '../../lib/beijing-time';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

type Values = Record<SchoolProfileKey, string>;
type Errors = FieldErrors<SchoolProfileKey>;

const KEYS: SchoolProfileKey[] = ['authority', 'contact', 'phone', 'address', 'postcode'];
const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8}(?:-\d{1,6})?)$/;

/** The same rules as the server, so most mistakes show before a round trip. */
function problems(v: Values): Errors {
  const e: Errors = {};
  if (!v.authority) e.authority = '请填写就业主管部门';
  if (!v.contact) e.contact = '请填写联系人';
  if (!v.phone) e.phone = '请填写联系电话';
  else if (!PHONE.test(v.phone)) e.phone = '请输入 11 位手机号码或固定电话（区号-号码，如 025-83591234）';
  if (v.postcode && !/^\d{6}$/.test(v.postcode)) e.postcode = '邮编为 6 位数字';
  return e;
}

const SCHOOL_FIELDS: SectionRow<SchoolProfileKey>[] = [
  { field: 'authority', label: '学校就业主管部门', required: true, autoComplete: 'organization', maxLength: 100 },
  {
    className: 'school-profile-row',
    fields: [
      { field: 'contact', label: '联系人', required: true, autoComplete: 'name', maxLength: 30 },
      {
        field: 'phone',
        label: '联系电话',
        required: true,
        type: 'tel',
        inputMode: 'tel',
        autoComplete: 'tel',
        maxLength: 20,
        hint: '手机或固定电话（区号-号码）',
      },
    ],
  },
  { field: 'address', label: '通讯地址', autoComplete: 'street-address', maxLength: 100 },
  { field: 'postcode', label: '邮编', inputMode: 'numeric', autoComplete: 'postal-code', className: 'input input-short', maxLength: 6 },
];

const fill = (p: SchoolProfileValues | null): Values => Object.fromEntries(KEYS.map((k) => [k, p?.[k] ?? ''])) as Values;

export default function SchoolProfilePage() {
  useTitle('学校信息');
  const loaded = useQuery({ queryKey: queryKeys.schoolProfile(), queryFn: ({ signal }) => loadSchoolProfile(signal) });
  const client = useQueryClient();
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  const form = useTextFieldsForm(KEYS, {
    check: problems,
    async save(body) {
      const { changed, ...view } = await saveSchoolProfile(body);
      const r = { ...view, changed };
      // the next visit starts from what was saved, not from the answer before it
      client.setQueryData(queryKeys.schoolProfile(), view);
      setUpdatedAt(r.updatedAt);
      return {
        values: fill(r.profile),
        message: r.changed.length
          ? `已保存：${r.changed.join('、')}已更新。之后打开的待审核协议书将自动带入。`
          : '已保存，学校信息没有变化。',
      };
    },
  });
  // the form starts from the profile once it has loaded
  const { values, setValues } = form;
  if (loaded.data && !values) {
    setValues(fill(loaded.data.profile));
    setUpdatedAt(loaded.data.updatedAt);
  }

  if (loaded.error) return <PageError title="学校信息">{loaded.error.message}</PageError>;
  if (!loaded.data || !values) return <PageLoading />;

  return (
    <main id="main" className="page page-narrow">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <span>学校信息</span>
      </nav>
      <h1 className="page-title">学校信息</h1>
      <FormSection
        form={form}
        className="card school-profile"
        title={`${loaded.data.school.name} · 协议书学校栏`}
        titleId="h-school-part"
        intro={
          <>
            <p className="muted">
              {'在这里填写一次，审核协议书时「学校意见」中的就业主管部门、联系人、电话、地址、邮编会自动带入；' +
                '协议书上已填写的内容不会被覆盖，在某份协议书上改动的内容只对该协议书有效。'}
            </p>
            {updatedAt && <p className="muted small">上次保存：{formatBeijingDateTime(updatedAt)}</p>}
          </>
        }
        rows={SCHOOL_FIELDS}
      />
    </main>
  );
}
