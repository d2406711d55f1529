/**
 * /students/lookup — an employer finds one approved student by an exact identifier (or by the
 * 签约码 the student handed over, with the school alone), then invites.
 */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { api, ApiError, withQuery } from '../api/client';
import { Alert } from '../components/Alert';
import { TextInput } from '../components/TextInput';
import { useTitle } from '../hooks';
import { createRecord } from '../api/records';
import { Link, navigate } from '../router';
import { createRefusal } from '../api/create-entry';
import { lifecyclesQuery } from '../api/queries';
import { HelpLink } from '../help/HelpLink';
import { beijingWallClockAt } from '../lib/beijing-time';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { useUser } from '../auth/session';
import { invalidateAfterRecordWrite } from '../api/invalidation';
import type { SchoolOption } from '../api/organisations';
import type { LookupHit } from '../api/students';
import type { LookupBy } from '../api/studentPrivacy';

type By = LookupBy;

/** the server's alphabet: no 0/O or 1/I; dashes and spaces are ignored */
const SIGNING_CODE = /^[2-9A-HJ-NP-Z]{8}$/;
/** the cohort graduating next (from September on, next year's), by the Beijing calendar */
const currentCohort = () => {
  const now = beijingWallClockAt(Date.now());
  return String(now.year + (now.month >= 9 ? 1 : 0));
};
const normaliseCode = (v: string) => v.replace(/[\s-]/g, '').toUpperCase();

export function LookupPage() {
  useTitle('查找学生');
  const user = useUser();
  const client = useQueryClient();
  const schools = useQuery({ queryKey: queryKeys.schoolDirectory(), queryFn: () => api<{ items: SchoolOption[] }>('/api/schools') });
  // before anything is typed: may this employer invite at all (the centre must have verified it)?
  const lifecycles = useQuery(lifecyclesQuery(user.id));
  const refusal = createRefusal(lifecycles.data?.invitations?.create);
  const [school, setSchool] = useState('');
  const [cohort, setCohort] = useState(currentCohort);
  const [by, setBy] = useState<By>('idNumber');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [found, setFound] = useState<LookupHit[] | null>(null);
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const [adding, setAdding] = useState<string | null>(null);

  /** the invitation starts as a draft (待签约名单), prefilled by the server; the employer fills it on the record page */
  async function invite(studentId: string) {
    setAdding(studentId);
    try {
      const record = await createRecord('invitations', { studentId, data: {} });
      void invalidateAfterRecordWrite(client, 'invitations', record.id);
      navigate(`/r/invitations/${record.id}`);
    } catch (err) {
      setErrors({ form: err instanceof Error ? err.message : '加入待签约名单失败' });
      resultRef.current?.focus();
    } finally {
      setAdding(null);
    }
  }

  useEffect(() => {
    if (found) resultRef.current?.focus();
  }, [found]);

  async function search(e: SubmitEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!school) errs.school = '请选择学校';
    if (by !== 'code' && !/^\d{4}$/.test(cohort)) errs.cohort = '请输入 4 位毕业届，如 2027';
    if (by === 'idNumber' && !/^\d{17}[\dXx]$/.test(idNumber.trim())) errs.idNumber = '请输入 18 位身份证号';
    if ((by === 'phone' || by === 'namePhone') && !/^1\d{10}$/.test(phone.trim())) errs.phone = '请输入 11 位手机号码';
    if (by === 'code' && !SIGNING_CODE.test(normaliseCode(code))) errs.code = '签约码为 8 位字母或数字（不含 0、1、I、O）';
    if (by === 'namePhone' && !name.trim()) errs.name = '请输入姓名';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setFound(null);
    try {
      const q =
        by === 'code'
          ? { code: normaliseCode(code) }
          : by === 'idNumber'
            ? { cohort, idNumber: idNumber.trim().toUpperCase() }
            : by === 'phone'
              ? { cohort, phone: phone.trim() }
              : { cohort, name: name.trim(), phone: phone.trim() };
      const r = await api<{ items: LookupHit[] }>(withQuery('/api/students/lookup', { school, ...q }));
      setFound(r.items);
    } catch (err) {
      if (err instanceof ApiError) {
        const fe: Record<string, string> = { form: err.message };
        for (const f of err.fields) fe[f.path] = f.message;
        setErrors(fe);
        if (err.status === 404) setFound([]);
      } else setErrors({ form: '查询失败' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" className="page">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <span>查找学生</span>
      </nav>
      <h1 className="page-title">查找学生</h1>
      <p className="muted">
        仅能按学校、毕业届和一项准确信息，或按学校和学生提供的签约码，查找已通过省级审核的学生。每次查询都会记录，学生可以看到；查无结果计 3
        次，每日查询次数有限。
      </p>
      {refusal ? (
        <Alert tone="info">
          {refusal}。审核通过后即可查找学生并发出邀约，审核进度见<Link href="/">首页</Link>。
        </Alert>
      ) : (
        <form className="card lookup-form" onSubmit={(e) => void search(e)} noValidate>
          {errors.form && <Alert>{errors.form}</Alert>}
          <div className={by === 'code' ? 'row' : 'row row-2'}>
            <div className={`field${errors.school ? ' field-invalid' : ''}`}>
              <label htmlFor="lk-school" className="field-label">
                学校
                <span className="req" aria-hidden="true">
                  {' '}
                  *
                </span>
              </label>
              <select
                id="lk-school"
                className="input"
                value={school}
                onChange={(e) => setSchool(e.target.value)}
                aria-required="true"
                aria-invalid={errors.school ? true : undefined}
                aria-describedby={errors.school ? 'lk-school-err' : undefined}
              >
                <option value="">{schools.isPending ? '加载中…' : '请选择学校'}</option>
                {schools.data?.items.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              {errors.school && (
                <p id="lk-school-err" className="field-error">
                  {errors.school}
                </p>
              )}
            </div>
            {by !== 'code' && (
              <TextInput
                label="毕业届"
                required
                inputMode="numeric"
                maxLength={4}
                value={cohort}
                onChange={(e) => setCohort(e.target.value)}
                error={errors.cohort}
              />
            )}
          </div>
          <fieldset className="choices-fieldset">
            <legend className="field-label">查询方式</legend>
            <div className="choices choices-inline">
              {(
                [
                  ['idNumber', '身份证号'],
                  ['phone', '手机号'],
                  ['namePhone', '姓名 + 手机号'],
                  ['code', '签约码'],
                ] as const
              ).map(([v, l]) => (
                <label key={v} className="choice">
                  <input type="radio" name="lk-by" value={v} checked={by === v} onChange={() => setBy(v)} />
                  <span>{l}</span>
                </label>
              ))}
            </div>
          </fieldset>
          {by === 'idNumber' && (
            <TextInput
              label="身份证号"
              required
              maxLength={18}
              autoComplete="off"
              value={idNumber}
              onChange={(e) => setIdNumber(e.target.value)}
              error={errors.idNumber}
            />
          )}
          {by === 'namePhone' && (
            <TextInput label="姓名" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
          )}
          {by === 'code' && (
            <TextInput
              label="签约码"
              required
              maxLength={9}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={errors.code}
              hint="学生在网签首页生成的 8 位签约码，有效期 7 天"
            />
          )}
          {(by === 'phone' || by === 'namePhone') && (
            <TextInput
              label="手机号"
              required
              type="tel"
              inputMode="tel"
              maxLength={11}
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              error={errors.phone}
            />
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? '正在查询…' : '查询'}
          </button>
        </form>
      )}
      {found && (
        <section aria-labelledby="lk-result">
          <h2 id="lk-result" ref={resultRef} tabIndex={-1}>
            查询结果
          </h2>
          {found.length === 0 ? (
            <div className="empty">
              <p>未找到符合条件的学生</p>
              <p>
                <HelpLink id="student-not-found">搜不到意向学生是什么原因？</HelpLink>
              </p>
            </div>
          ) : (
            <ul className="record-list">
              {found.map((s) => (
                <li key={s.studentId} className="record-item">
                  <span className="record-item-main">
                    <span className="record-title">{s.name}</span>
                    <span className="record-sub">
                      {s.schoolName} · {s.collegeName} · {s.cohort} 届 · {s.idNumber}
                      {s.phone ? ` · ${s.phone}` : ''}
                    </span>
                  </span>
                  <button type="button" className="btn btn-primary" disabled={adding !== null} onClick={() => void invite(s.studentId)}>
                    {adding === s.studentId ? '正在加入…' : '加入待签约名单'}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </main>
  );
}
