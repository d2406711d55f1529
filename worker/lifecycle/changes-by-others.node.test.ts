import { describe, expect, it } from 'vitest';
import { agreementDefinition } from '../../forms/engine/test/fixtures';
import { changesByOthers, type SnapshotEvent } from './changes-by-others';

const def = agreementDefinition();
const ev = (actorRole: string | null, data: Record<string, unknown> | null, at: string, toState: string | null = null): SnapshotEvent => ({
  actorRole,
  toState,
  snapshot: data ? JSON.stringify(data) : null,
  at,
});

const v1 = { name: '张三', mobile: '13800000001', salary: 8000, unitName: '甲公司', schoolNote: '' };

describe('the 变更 box: what other parties changed since the reviewer last acted', () => {
  it('counts from the reviewer role’s last action, not from the first version', () => {
    const events = [
      ev('student', v1, 't1'),
      ev('student', { ...v1, mobile: '13800000002' }, 't2'), // before the college ever acted
      ev('college', { ...v1, mobile: '13800000002' }, 't3'), // 退回
      ev('student', { ...v1, mobile: '13800000002', salary: 9000 }, 't4'), // 重新提交
    ];
    const current = { ...v1, mobile: '13800000002', salary: 9000 };
    const out = changesByOthers(def, events, current, 'college', new Set());
    expect(out).toEqual({
      since: 't3',
      sinceOwn: true,
      changes: [{ key: 'salary', label: '月薪', before: 8000, after: 9000, by: ['student'] }],
    });
  });

  it('a reviewer who never acted sees every change since the first version, with who made it', () => {
    const events = [
      ev('student', v1, 't1'),
      ev('employer', { ...v1, unitName: '乙公司' }, 't2'),
      ev('college', { ...v1, unitName: '乙公司' }, 't3'),
    ];
    const out = changesByOthers(def, events, { ...v1, unitName: '乙公司' }, 'school', new Set());
    expect(out.since).toBe('t1');
    expect(out.sinceOwn).toBe(false);
    expect(out.changes).toEqual([{ key: 'unitName', label: '单位名称', before: '甲公司', after: '乙公司', by: ['employer'] }]);
  });

  it('a reviewer who never acted counts from the record’s arrival in their queue: the filling before it is not a change', () => {
    const events = [
      ev('school', v1, 't1', 'unconfirmed'), // opened by the school's approval of the agreement
      ev('student', { ...v1, mobile: '13800000002' }, 't2', 'unconfirmed'),
      ev('student', { ...v1, mobile: '13800000003' }, 't3', 'college_review'), // 送审
    ];
    const current = { ...v1, mobile: '13800000003' };
    expect(changesByOthers(def, events, current, 'college', new Set(), undefined, new Set(['college_review']))).toEqual({
      since: 't3',
      sinceOwn: false,
      changes: [],
    });
    // once it comes back after the college returned it, the student's new changes show
    const again = [
      ...events,
      ev('college', current, 't4', 'returned'),
      ev('student', { ...current, salary: 8500 }, 't5', 'college_review'),
    ];
    expect(
      changesByOthers(def, again, { ...current, salary: 8500 }, 'college', new Set(), undefined, new Set(['college_review'])).changes,
    ).toEqual([{ key: 'salary', label: '月薪', before: 8000, after: 8500, by: ['student'] }]);
  });

  it('leaves out the fields of the reviewer’s own step, computed fields, and a change undone again', () => {
    const events = [
      ev('college', v1, 't1'),
      ev('student', { ...v1, schoolNote: '由学生改的', annualPay: 1, mobile: '13900000000' }, 't2'),
      ev('student', { ...v1, schoolNote: '由学生改的', annualPay: 2, mobile: v1.mobile }, 't3'),
    ];
    const out = changesByOthers(def, events, { ...v1, schoolNote: '由学生改的', annualPay: 2 }, 'college', new Set(['schoolNote']));
    expect(out.changes).toEqual([]);
  });

  it('the reviewer’s own changes are not listed; events without a snapshot are skipped', () => {
    const events = [ev(null, null, 't0'), ev('student', v1, 't1'), ev('school', { ...v1, unitName: '丙公司' }, 't2')];
    const out = changesByOthers(def, events, { ...v1, unitName: '丙公司' }, 'school', new Set());
    expect(out).toEqual({ since: 't2', sinceOwn: true, changes: [] });
    expect(changesByOthers(def, [ev(null, null, 't0')], v1, 'school', new Set())).toEqual({ since: null, sinceOwn: false, changes: [] });
  });

  it('before values are only what the viewer may see', () => {
    const events = [ev('student', { ...v1, mobile: '13800000001' }, 't1'), ev('student', { ...v1, mobile: '13800000009' }, 't2')];
    const mask = (v: Record<string, unknown>) => ({ ...v, mobile: '*******' + String(v.mobile).slice(-4) });
    const out = changesByOthers(def, events, mask({ ...v1, mobile: '13800000009' }), 'admin', new Set(), mask);
    expect(out.changes).toEqual([{ key: 'mobile', label: '手机号码', before: '*******0001', after: '*******0009', by: ['student'] }]);
  });
});
